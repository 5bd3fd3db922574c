// The forms' shared rules: refuse over-long input with the schema's own words (never cut it), keep a 12-digit
// phone as typed and say why, and the misleading-words fixes that live in pure functions.
import { z } from 'zod';
import { FILING_LIMITS, GROUP_LIMITS, MANAGE_LIMITS, MOBILE_DIGITS, ZFilingFields, toFieldErrors, type TGroupDetail } from '../../types';
import { groupsFunction } from '../../types/groups';
import { manageFunction } from '../../types/manage';
import { LAONIAN_MEMBERS, SEED_FILINGS } from '../../scripts/seed/demo-data';
import { limitProblems, MOBILE_LENGTH_MESSAGE, mobileProblem, textLength, textProblem, tooLongMessage } from '../../src/lib/field-limits';
import { identityText } from '../../src/pages/mine/identity';
import { filingTimes } from '../../src/package-filing/pages/detail/filing-times';
import { applyChangePatch, charterNamesOld, fromGroup } from '../../src/package-manage/pages/change/change-model';
import { completeFields } from '../support/filings';

const fieldErrors = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : toFieldErrors(r.error);
};

describe('limits: the form and the schema refuse the same input with the same words', () => {
  test('a purpose one character over is refused by both, in the words the field shows', () => {
    const over = '丰'.repeat(FILING_LIMITS.purpose + 1);
    const local = textProblem('宗旨与主要活动', over, FILING_LIMITS.purpose);
    expect(local).toBe('宗旨与主要活动最多500个字，请精简一些');
    expect(fieldErrors(ZFilingFields, completeFields({ purpose: over })).purpose).toBe(local);
    // At the limit both accept: the counter's 500/500 is not an error.
    const atLimit = '丰'.repeat(FILING_LIMITS.purpose);
    expect(textProblem('宗旨与主要活动', atLimit, FILING_LIMITS.purpose)).toBeUndefined();
    expect(fieldErrors(ZFilingFields, completeFields({ purpose: atLimit })).purpose).toBeUndefined();
  });

  test('length is counted as the schema counts it: trimmed', () => {
    expect(textLength('  合唱  ')).toBe(2);
    expect(textProblem('封面标语', ` ${'字'.repeat(MANAGE_LIMITS.coverText)} `, MANAGE_LIMITS.coverText)).toBeUndefined();
  });

  test('the limits the manage and join forms import are the ones their schemas enforce', () => {
    const join = groupsFunction.actions.join.input;
    const message = 'x'.repeat(GROUP_LIMITS.joinMessage + 1);
    expect(fieldErrors(join, { groupId: 'g1', message }).message).toBe(tooLongMessage('申请留言', GROUP_LIMITS.joinMessage));
    expect(fieldErrors(join, { groupId: 'g1', message: message.slice(1) })).toEqual({});
    const dissolve = manageFunction.actions.dissolve.input;
    const reason = 'x'.repeat(MANAGE_LIMITS.dissolveReason + 1);
    expect(fieldErrors(dissolve, { groupId: 'g1', requestId: 'req-12345678', reason }).reason).toBe(tooLongMessage('注销原因', MANAGE_LIMITS.dissolveReason));
    const update = manageFunction.actions.update.input;
    expect(fieldErrors(update, { groupId: 'g1', coverText: 'x'.repeat(MANAGE_LIMITS.coverText + 1) }).coverText).toBe(
      tooLongMessage('封面标语', MANAGE_LIMITS.coverText),
    );
  });

  test('a 12-digit phone is named at once and never shortened into another number', () => {
    const typed = '138123456789';
    expect(typed).toHaveLength(MOBILE_DIGITS + 1);
    expect(mobileProblem(typed)).toBe('手机号是 11 位数字');
    expect(MOBILE_LENGTH_MESSAGE).toBe('手机号是 11 位数字');
    expect(mobileProblem('13812345678')).toBeUndefined();
    // Still typing: shorter numbers are the schema's business on submit, not an interruption now.
    expect(mobileProblem('1381234')).toBeUndefined();
    expect(fieldErrors(ZFilingFields, completeFields({ leaderMobile: typed })).leaderMobile).toBe('请填写11位负责人手机号，例如 13812345678');
  });

  test('limitProblems keeps only the fields with a problem', () => {
    expect(limitProblems({ message: undefined, mobile: mobileProblem('138123456789') })).toEqual({ mobile: '手机号是 11 位数字' });
  });
});

describe('我的 → 身份 reflects group roles', () => {
  const resident = { roles: [] as never[] };
  const led = (n: number) => Array.from({ length: n }, () => ({ status: 'active' as const, role: 'leader' as const }));

  test('a leader of two groups is not 「居民」', () => {
    expect(identityText(resident, led(2))).toBe('2 个社团的负责人');
  });
  test('deputy, member, staff and lists with more pages', () => {
    expect(identityText(resident, [...led(1), { status: 'active', role: 'deputy' }])).toBe('1 个社团的负责人、1 个社团的副负责人');
    expect(identityText(resident, [{ status: 'active', role: 'member' }])).toBe('居民，1 个社团的成员');
    expect(identityText(resident, [{ status: 'pending', role: 'leader' }])).toBe('居民');
    expect(identityText({ roles: ['social_worker'] }, led(1))).toBe('社工、1 个社团的负责人');
    expect(identityText(resident, led(20), true)).toBe('20 个以上社团的负责人');
  });
});

describe('filing head: a review time is shown only after its submission', () => {
  test('resubmitted after a return: the return time is not 「审核于」', () => {
    expect(filingTimes({ status: 'submitted', submittedAt: 2_000, decidedAt: 1_000 })).toEqual({ submittedAt: 2_000, decidedAt: null });
  });
  test('data written before the fix, decided before submitted, hides the impossible time', () => {
    expect(filingTimes({ status: 'approved', submittedAt: 2_000, decidedAt: 1_000 }).decidedAt).toBeNull();
  });
  test('a decision after the submission is shown', () => {
    expect(filingTimes({ status: 'returned', submittedAt: 1_000, decidedAt: 2_000 }).decidedAt).toBe(2_000);
  });
});

describe('变更报备: a rename carries into the charter', () => {
  const group = {
    name: '塔谈社区老年协会',
    category: 'community_affairs',
    venue: '活动室',
    charter: '第一条 本组织名称为塔谈社区老年协会。第二条 塔谈社区老年协会在居委会指导下活动。',
  } as TGroupDetail;

  test('while the charter is untouched it follows the name as it is typed', () => {
    let form = fromGroup(group);
    form = applyChangePatch(group, form, { name: '塔谈社区老年' });
    form = applyChangePatch(group, form, { name: '塔谈社区老年人协会' });
    expect(form.charter).toBe('第一条 本组织名称为塔谈社区老年人协会。第二条 塔谈社区老年人协会在居委会指导下活动。');
    expect(charterNamesOld(group, form)).toBeNull();
    // Back to the filed name: the filed charter again.
    expect(applyChangePatch(group, form, { name: group.name }).charter).toBe(group.charter);
  });

  test('a new name that contains the old one is not doubled', () => {
    const g = { ...group, name: '老年协会', charter: '本组织名称为老年协会。' } as TGroupDetail;
    const form = applyChangePatch(g, fromGroup(g), { name: '塔谈社区老年协会' });
    expect(form.charter).toBe('本组织名称为塔谈社区老年协会。');
  });

  test('a charter edited by hand is not rewritten, and the form offers the rename instead', () => {
    let form = applyChangePatch(group, fromGroup(group), { charter: `${group.charter}第三条 新增。` });
    form = applyChangePatch(group, form, { name: '塔谈社区老年人协会' });
    expect(form.charter).toContain('塔谈社区老年协会');
    const offered = charterNamesOld(group, form);
    expect(offered).toBe('第一条 本组织名称为塔谈社区老年人协会。第二条 塔谈社区老年人协会在居委会指导下活动。第三条 新增。');
  });
});

test('the seeded 老年协会 files a roster holding the people the app lists as its members', () => {
  const laonian = SEED_FILINGS.find((f) => f.filingId === 'f_seed_laonian')!;
  const names = laonian.fields.roster?.map((r) => r.name) ?? [];
  expect(names).toEqual(['张建国', ...LAONIAN_MEMBERS.map((m) => m.name)]);
  expect(ZFilingFields.safeParse(laonian.fields).success).toBe(true);
});
