import { z } from 'zod';
import { MAX_FIELD_ERRORS, MAX_FIELD_MESSAGE, MAX_FIELD_PATH, MORE_FIELDS_KEY, toFieldErrors } from './validation';

const Strict = z.strictObject({ name: z.string().max(3, '名称最多3个字'), roster: z.array(z.strictObject({ mobile: z.string() })) });

test('names each offending field with one hint', () => {
  const result = Strict.safeParse({ name: '太长的名字', roster: [{ mobile: 1 }], status: 'approved' });
  expect(toFieldErrors(result.error!)).toEqual({ name: '名称最多3个字', 'roster.0.mobile': '格式不正确', status: '不允许提交此字段' });
});

test('a flood of unknown keys gets at most 20 fields, clipped, and a count of the rest', () => {
  const body: Record<string, unknown> = { name: 'ok', roster: [] };
  for (let i = 0; i < 10_000; i += 1) body[`k${i}_${'x'.repeat(200)}`] = i;
  const fields = toFieldErrors(Strict.safeParse(body).error!);
  const listed = Object.keys(fields).filter((k) => k !== MORE_FIELDS_KEY);
  expect(listed).toHaveLength(MAX_FIELD_ERRORS);
  for (const key of listed) expect(key.length).toBeLessThanOrEqual(MAX_FIELD_PATH);
  for (const message of Object.values(fields)) expect(message.length).toBeLessThanOrEqual(MAX_FIELD_MESSAGE);
  expect(fields[MORE_FIELDS_KEY]).toContain(String(10_000 - MAX_FIELD_ERRORS));
  expect(JSON.stringify(fields).length).toBeLessThan(4000);
});

test('the unknown-keys message itself names only a few keys', () => {
  const body: Record<string, unknown> = { name: 'ok', roster: [] };
  for (let i = 0; i < 500; i += 1) body[`key${i}`] = i;
  const issue = Strict.safeParse(body).error!.issues.find((i) => i.code === 'unrecognized_keys')!;
  expect(issue.message).toContain('等 500 个');
  expect(issue.message.length).toBeLessThan(200);
});
