import { completeFields } from '../tests/support/filings';
import { filingsFunction, ZFilingDraftFields, ZFilingFields } from './filings';
import { toFieldErrors } from './validation';

function errorsOf(result: { success: boolean; error?: import('zod').ZodError }) {
  expect(result.success).toBe(false);
  return toFieldErrors(result.error!);
}

describe('the complete filing (submit)', () => {
  test('accepts a complete filing and trims text', () => {
    const parsed = ZFilingFields.parse(completeFields({ name: '  书法社  ' }));
    expect(parsed.name).toBe('书法社');
  });

  test.each(['1383111234', '23831112345', '138311123456', '1383111234a', '+8613831112345'])('rejects mobile %s', (mobile) => {
    expect(errorsOf(ZFilingFields.safeParse(completeFields({ leaderMobile: mobile })))).toEqual({
      leaderMobile: '请填写11位负责人手机号，例如 13812345678',
    });
  });

  test('checks roster phones too, naming the row', () => {
    const fields = completeFields({ roster: [{ name: '李梅', mobile: '123' }] });
    expect(errorsOf(ZFilingFields.safeParse(fields))).toEqual({ 'roster.0.mobile': '请填写11位成员手机号，例如 13812345678' });
  });

  test('whitespace is not an answer', () => {
    expect(errorsOf(ZFilingFields.safeParse(completeFields({ leaderName: '   ' })))).toEqual({ leaderName: '请填写负责人姓名' });
  });

  test('cross-field rules name the field to fix', () => {
    expect(errorsOf(ZFilingFields.safeParse(completeFields({ memberCount: 1, partyMemberCount: 3 })))).toMatchObject({
      partyMemberCount: '党员人数不能多于成员人数',
      memberCount: '成员人数不能少于花名册中的人数',
    });
  });

  test('server-owned keys are refused, by name', () => {
    const errors = errorsOf(ZFilingFields.safeParse({ ...completeFields(), status: 'approved', reviewedBy: 'x' }));
    expect(errors).toEqual({ status: '不允许提交此字段', reviewedBy: '不允许提交此字段' });
  });
});

describe('the draft', () => {
  test('keeps half-typed values but bounds their size', () => {
    expect(ZFilingDraftFields.safeParse({ leaderMobile: '138' }).success).toBe(true);
    expect(errorsOf(ZFilingDraftFields.safeParse({ leaderMobile: '1'.repeat(21) }))).toHaveProperty('leaderMobile');
    expect(errorsOf(ZFilingDraftFields.safeParse({ roster: Array.from({ length: 501 }, () => ({ name: 'a' })) }))).toHaveProperty('roster');
  });
});

describe('decide', () => {
  const decide = filingsFunction.actions.decide.input;
  test('a return needs a comment, a rejection a reason, an approval neither', () => {
    expect(errorsOf(decide.safeParse({ filingId: 'f_1', decision: 'return' }))).toEqual({ comment: '退回修改时，请写明需要修改的地方' });
    expect(errorsOf(decide.safeParse({ filingId: 'f_1', decision: 'reject', comment: '  ' }))).toEqual({ comment: '不予通过时，请写明理由' });
    expect(decide.safeParse({ filingId: 'f_1', decision: 'approve' }).success).toBe(true);
  });
});
