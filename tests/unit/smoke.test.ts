import { ZFilingFields, toFieldErrors } from '../../types';
test('babel transforms the contract', () => {
  const r = ZFilingFields.safeParse({ name: 'x', status: 'approved' });
  expect(r.success).toBe(false);
  if (!r.success) expect(toFieldErrors(r.error)).toMatchObject({ status: '不允许提交此字段', name: '组织名称至少需要2个字' });
});
