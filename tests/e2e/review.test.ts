// The review page for a social worker: a filing resubmitted after a return shows what changed since, the decision
// bar is in reach without scrolling, a return without a comment is stopped before any confirmation, and after a
// decision 下一条 opens the next filing waiting in the queue (oldest first).
import { $, confirmModal, expectLegible, expectNoProblems, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(120_000);

const { open, call } = useAppSession();

/** Seeded (docs/demo-data.md): 戏曲票友会, submitted 12 days before the seed, is the oldest in the queue (overdue). */
const SEEDED_OLDEST = 'f_seed_xiqu';
/** Seeded: 太极拳健身队, waiting since 3 days before the seed. */
const SEEDED_WAITING = 'f_seed_taiji';
const OLD_VENUE = '塔谈社区活动中心三楼书画室';
const NEW_VENUE = '塔谈社区活动中心三楼 305 书画室';

type TFilingOnly = { filing: { id: string } };

/** The leader files a complete new group and submits it. */
async function submittedFiling(): Promise<string> {
  const { filing } = await call<TFilingOnly>('demo-leader', 'filings', 'saveDraft', {
    requestId: `review-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    fields: {
      name: '塔谈社区书法爱好者协会',
      category: 'culture_sports',
      communityId: 'c-tatan',
      purpose: '传承书法艺术，丰富退休居民的文化生活，每周集中练习。',
      leaderName: '张建国',
      leaderMobile: '13812345678',
      memberCount: 12,
      roster: [{ name: '王淑芬' }],
      venue: OLD_VENUE,
      activityTime: '每周三上午9点到11点',
      charter: '第一条 本会名称为塔谈社区书法爱好者协会。',
      supervisor: '塔谈社区居民委员会',
      partyMemberCount: 1,
      hasPartyBranch: false,
    },
  });
  await call('demo-leader', 'filings', 'submit', { filingId: filing.id });
  return filing.id;
}

/** Submitted, returned by the social worker, the venue changed by the leader, and submitted again. */
async function resubmittedFiling(): Promise<string> {
  const filingId = await submittedFiling();
  await call('demo-social-worker', 'filings', 'decide', { filingId, decision: 'return', comment: '请写明活动室的房间号' });
  await call('demo-leader', 'filings', 'saveDraft', { filingId, fields: { venue: NEW_VENUE } });
  await call('demo-leader', 'filings', 'submit', { filingId });
  return filingId;
}

test('a resubmitted filing: the diff since the return, the bar in reach, a comment asked for before any sheet, then 下一条', async () => {
  const filingId = await resubmittedFiling();
  const page = await open('demo-social-worker', ROUTES.review(filingId));
  await waitForText(page, SEL.review.status, '待审核', 30_000);

  // What changed since the return, field by field: only the venue, 原 → 新.
  await waitForText(page, SEL.review.sinceReturnRow('venue'), NEW_VENUE);
  await waitForText(page, SEL.review.sinceReturnRow('venue'), OLD_VENUE);
  expect(await page.locator(visible(`${SEL.review.sinceReturn} .changes__item`)).count()).toBe(1);
  await waitForText(page, `${SEL.review.sinceReturn} #since-return-comment`, '请写明活动室的房间号');

  // The decision bar is on the first screen, unscrolled, though the filing is long.
  const bar = await $(page, SEL.review.bar).boundingBox();
  const viewport = page.viewportSize()!;
  expect(bar).not.toBeNull();
  expect(bar!.y).toBeGreaterThan(viewport.height / 2);
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(viewport.height + 0.5);
  for (const button of [SEL.review.approve, SEL.review.return, SEL.review.reject]) {
    const box = await $(page, button).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
  }

  await screenshot(page, 'review-resubmitted-with-bar');

  // 退回修改 without a comment: the error at the comment box, and no confirmation sheet at all.
  await tap(page, SEL.review.return);
  await waitForText(page, `${SEL.review.comment} ${SEL.fieldError}`, '请写明需要修改的地方');
  expect(await page.locator(visible(SEL.review.sheet)).count()).toBe(0);
  await tap(page, SEL.review.reject);
  await waitForText(page, `${SEL.review.comment} ${SEL.fieldError}`, '请写明理由');
  expect(await page.locator(visible(SEL.review.sheet)).count()).toBe(0);

  // 通过 needs no comment: the sheet, then the result and 下一条 in the bar.
  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await tap(page, SEL.review.next);

  // The next one waiting, oldest first: the seeded, overdue 戏曲票友会.
  await page.waitForURL((url) => url.hash.includes(`id=${SEEDED_OLDEST}`), { timeout: 20_000 });
  await waitForText(page, SEL.review.status, '待审核');
  await $(page, SEL.review.bar).waitFor({ state: 'visible' });
  expect(await page.locator(visible(SEL.review.sinceReturn)).count()).toBe(0); // never returned: no diff
  expectNoProblems(page);
});

test('opened by keyboard; after the last waiting filing is decided, the bar says so and offers only the way back to the list', async () => {
  // The demo has several waiting (docs/demo-data.md): decide all but 太极拳健身队 first, so it is the last one.
  const queue = await call<{ items: Array<{ id: string }> }>('demo-social-worker', 'filings', 'queue', {});
  for (const { id } of queue.items.filter((f) => f.id !== SEEDED_WAITING)) {
    await call('demo-social-worker', 'filings', 'decide', { filingId: id, decision: 'approve' });
  }
  const page = await open('demo-social-worker', ROUTES.reviewQueue);
  // By keyboard, as a person without a touch screen: the queue card is a focusable button, Enter opens it.
  const card = $(page, SEL.queue.filing(SEEDED_WAITING));
  await card.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await card.getAttribute('role')).toBe('button');
  await card.focus();
  await page.keyboard.press('Enter');
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  // Taro's buttons are announced as buttons, and once the person uses Tab they are in the tab order (lib/h5-controls):
  // Tab moves focus onto 通过 from the field before it, and Enter presses it.
  const approve = $(page, SEL.review.approve);
  expect(await approve.getAttribute('role')).toBe('button');
  expect(await approve.getAttribute('tabindex')).toBeNull(); // a person who only taps: not yet (see h5-controls)
  await page.keyboard.press('Tab');
  expect(await approve.getAttribute('tabindex')).toBe('0');
  await approve.focus();
  expect(await approve.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await waitForText(page, SEL.review.queueDone, '没有其他待审核的报备');
  expect(await page.locator(visible(SEL.review.next)).count()).toBe(0);
  await tap(page, SEL.review.backToQueue);
  await $(page, SEL.queue.empty).waitFor({ state: 'visible', timeout: 20_000 });
  expectNoProblems(page);
});

test('decided meanwhile by someone else: Taro’s dialog says so, named and legible, and the page shows the outcome', async () => {
  const filingId = await submittedFiling();
  const page = await open('demo-social-worker', ROUTES.review(filingId));
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  await call('demo-admin', 'filings', 'decide', { filingId, decision: 'approve' });

  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  // Taro's dialog is outside the page container.
  await page.locator(SEL.modal.title).filter({ hasText: '无需再审核', visible: true }).first().waitFor({ timeout: 20_000 });
  expect(await page.locator(`${SEL.modal.root} [role="alertdialog"]`).getAttribute('aria-labelledby')).toBeTruthy();
  // It fades in over 0.2 s; measure it once it is fully there, as a person reads it.
  await page.waitForFunction(`getComputedStyle(document.querySelector('${SEL.modal.root}')).opacity === '1'`, undefined, { timeout: 10_000 });
  await expectLegible(page, 'review-already-decided-modal');
  await confirmModal(page);
  await waitForText(page, SEL.review.status, '已通过');
});
