// 「提交于 23:54 / 审核于 23:53」: a filing resubmitted after a return kept the return's time as its decision time.
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

test('resubmitting clears the earlier decision time; the next decision comes after the submission', async () => {
  const { filing } = await app.ok('demo-leader', 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() });
  await app.ok('demo-leader', 'filings', 'submit', { filingId: filing.id });
  app.clock.advance(60_000);
  const returned = await app.ok('demo-social-worker', 'filings', 'decide', { filingId: filing.id, decision: 'return', comment: '请补充活动场所' });
  expect(returned.filing.decidedAt).toBe(app.clock.now());

  app.clock.advance(60_000);
  const again = await app.ok('demo-leader', 'filings', 'submit', { filingId: filing.id });
  expect(again.filing).toMatchObject({ status: 'submitted', submittedAt: app.clock.now(), decidedAt: null });

  app.clock.advance(60_000);
  const approved = await app.ok('demo-social-worker', 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
  expect(approved.filing.decidedAt!).toBeGreaterThan(approved.filing.submittedAt!);
});
