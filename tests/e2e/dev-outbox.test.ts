// The development panel's 通知 section: locally nothing is sent, and the panel shows what would have been.
import { expectNoProblems, tap, waitForText } from './actions';
import { ROUTES, SEL } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(60_000);

const session = useAppSession();

test('a join request shows up in the leader’s 通知, and not in anyone else’s', async () => {
  const resident = await session.open('demo-resident', ROUTES.groupDetail('g_seed_laonian'));
  await waitForText(resident, '#group-name', '塔谈社区老年协会');
  // Joined through the gateway directly: the journey through the sheet is the membership test's business.
  const answer = await resident.evaluate(async () => {
    const res = await fetch('/fn/groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'demo-resident' },
      body: JSON.stringify({ action: 'join', groupId: 'g_seed_laonian', message: '想参加书法班' }),
    });
    return res.json();
  });
  expect(answer).toMatchObject({ ok: true, data: { membership: { status: 'pending' } } });

  await tap(resident, SEL.devPanelToggle);
  await resident.locator(SEL.devOutboxEmpty).filter({ visible: true }).first().waitFor({ timeout: 20_000 });
  expectNoProblems(resident);

  const leader = await session.open('demo-leader', ROUTES.mine);
  await tap(leader, SEL.devPanelToggle);
  const item = leader.locator(SEL.devOutboxItem).filter({ visible: true }).first();
  await item.waitFor({ timeout: 20_000 });
  const text = await item.innerText();
  expect(text).toContain('新的入会申请');
  expect(text).toContain('李秀英 申请加入「塔谈社区老年协会」');
  expect(text).toMatch(/新的入会申请 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expectNoProblems(leader);
});
