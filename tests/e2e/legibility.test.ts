// Legibility on the main pages, measured in Chromium on a phone viewport, in both display modes: 标准模式 (text at
// least 16px, tap targets at least 44px high) and 长辈模式 (MIIT 适老化: text at least 20px, secondary lines 18px,
// controls at least 56px), text contrast at least 4.5:1 (WCAG AA) in both. Many of the app's users are older
// residents; these are floors. Every state is kept as a screenshot, test-results/screenshots/modes/<mode>-<state>.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { $, expectLegible } from './actions';
import { SCREENSHOT_DIR, type AppPage, type AppUser } from './harness';
import { ELDER_LIMITS, legibilityProbe, LIMITS, type TLegibilityLimits } from './legibility-probe';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

/** Seeded: 塔谈社区老年协会 (demo-leader leads it) and a new group's filing waiting for review. */
const GROUP_ID = 'g_seed_laonian';
const SUBMITTED_FILING_ID = 'f_seed_taiji';
const MODES_DIR = path.join(SCREENSHOT_DIR, 'modes');

const session = useAppSession();

beforeAll(async () => {
  // The resident signs up to community events below: they chose 塔谈社区 (the directory test uses people of its own).
  await session.call('demo-resident', 'account', 'setCommunity', { communityId: 'c-tatan' });
});

async function ready(page: Page, selector: string): Promise<void> {
  await $(page, selector).waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // Loading spinners are replaced by content; measure the content.
  await page.locator(visible(SEL.loading)).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

interface TMode {
  mode: 'standard' | 'elder';
  elderMode: boolean;
  limits: TLegibilityLimits;
}
const MODES: TMode[] = [
  { mode: 'standard', elderMode: false, limits: LIMITS },
  { mode: 'elder', elderMode: true, limits: ELDER_LIMITS },
];

describe.each(MODES)('$mode', ({ mode, elderMode, limits }) => {
  /** Opens a page as someone whose phone remembers this mode. */
  const open = (user: AppUser, route: string) => session.open(user, route, { elderMode });

  /** Measures the state with this mode's floors, and keeps its screenshot whatever the outcome. */
  async function expectLegibleState(page: AppPage, state: string): Promise<void> {
    try {
      const marked = await page.evaluate(() => document.body.classList.contains('elder'));
      expect(`${state}: 长辈模式 ${marked ? 'on' : 'off'}`).toBe(`${state}: 长辈模式 ${elderMode ? 'on' : 'off'}`);
      await expectLegible(page, `${mode}-${state}`, limits);
    } finally {
      mkdirSync(MODES_DIR, { recursive: true });
      await page.screenshot({ path: path.join(MODES_DIR, `${mode}-${state}.png`), fullPage: true }).catch(() => undefined);
    }
  }

  test('directory (resident, after choosing 塔谈社区), with a search', async () => {
    // A person of their own per mode: choosing a community is remembered.
    const page = await open(`e2e-chooser-${mode}`, ROUTES.directory);
    await ready(page, SEL.directory.chooser);
    await expectLegibleState(page, 'community-chooser');
    await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
    await ready(page, SEL.directory.card);
    await expectLegibleState(page, 'directory');
    await $(page, SEL.directory.search).fill('老年');
    await ready(page, SEL.directory.clearSearch);
    await expectLegibleState(page, 'directory-search');
  });

  test('group detail as a resident, with the join sheet open', async () => {
    const page = await open('demo-resident', ROUTES.groupDetail(GROUP_ID));
    await ready(page, SEL.group.join);
    await expectLegibleState(page, 'group-detail-resident');
    await $(page, SEL.group.join).tap();
    await ready(page, SEL.group.joinSheet);
    await expectLegibleState(page, 'join-sheet');
  });

  test('group detail as its leader (manage buttons)', async () => {
    const page = await open('demo-leader', ROUTES.groupDetail(GROUP_ID));
    await ready(page, SEL.group.manageMembers);
    await expectLegibleState(page, 'group-detail-leader');
  });

  test('我的 as the leader (groups and filings)', async () => {
    const page = await open('demo-leader', ROUTES.mine);
    await ready(page, SEL.mine.group(GROUP_ID));
    await expectLegibleState(page, 'mine-leader');
  });

  test('the filing form', async () => {
    const page = await open('demo-leader', ROUTES.filingEdit);
    await ready(page, SEL.edit.input('name'));
    await expectLegibleState(page, 'filing-form');
  });

  test('the review queue and a filing under review (social worker)', async () => {
    const page = await open('demo-social-worker', ROUTES.reviewQueue);
    await ready(page, SEL.queue.filing(SUBMITTED_FILING_ID));
    await expectLegibleState(page, 'review-queue');
    await $(page, SEL.queue.filing(SUBMITTED_FILING_ID)).tap();
    await ready(page, SEL.review.approve);
    await expectLegibleState(page, 'review');
  });

  test('administration: the places tree, the staff list and the audit log (district officer)', async () => {
    for (const [route, shown, state] of [
      ['/package-admin/pages/places/index', '#street-s-huitong', 'admin-places'],
      ['/package-admin/pages/staff/index', '#staff-list', 'admin-staff'],
      ['/package-admin/pages/audit/index', '#audit-list', 'admin-audit'],
    ] as const) {
      const page = await open('demo-district', route);
      await ready(page, shown);
      await expectLegibleState(page, state);
    }
  });

  test('成员管理, 组织管理 and 变更报备 (leader)', async () => {
    const members = await open('demo-leader', ROUTES.members(GROUP_ID));
    await $(members, SEL.members.tabActive).tap();
    await ready(members, SEL.members.member(0));
    await expectLegibleState(members, 'members');

    const settings = await open('demo-leader', ROUTES.settings(GROUP_ID));
    await $(settings, SEL.settings.tab('change')).waitFor({ timeout: 30_000 });
    await $(settings, SEL.settings.tab('change')).tap();
    await ready(settings, SEL.settings.change);
    await expectLegibleState(settings, 'settings');

    const change = await open('demo-leader', ROUTES.change(GROUP_ID));
    await ready(change, SEL.change.name);
    await expectLegibleState(change, 'change');
  });

  /** An event of 老年协会 tomorrow, made through the gateway (the journey test makes one through the form). */
  async function seedEvent(): Promise<string> {
    const startAt = Date.now() + 26 * 3_600_000;
    const created = await session.call<{ events: { id: string }[] }>('demo-leader', 'events', 'create', {
      requestId: `legibility-${mode}-${Date.now()}`,
      groupId: GROUP_ID,
      title: '书法班·重阳节写福字',
      description: '请自带毛笔，宣纸由协会提供。',
      startAt,
      endAt: startAt + 2 * 3_600_000,
      place: '孵化基地二楼活动室',
      capacity: 20,
      signupDeadline: startAt,
      audience: 'community',
      isVolunteer: true,
    });
    return created.events[0]!.id;
  }

  test('events: 活动 tab, an event page with its sheets, 我的活动 (resident)', async () => {
    const eventId = await seedEvent();
    const page = await open('demo-leader', ROUTES.events);
    await ready(page, SEL.events.event(eventId));
    await expectLegibleState(page, 'events-tab');

    const resident = await open('demo-resident', ROUTES.eventDetail(eventId));
    await ready(resident, SEL.event.signUp);
    await expectLegibleState(resident, 'event-detail-resident');
    await $(resident, SEL.event.signUp).tap();
    await ready(resident, SEL.event.cancelSignUp);
    await $(resident, SEL.event.cancelSignUp).tap();
    await ready(resident, SEL.event.cancelSheet);
    await expectLegibleState(resident, 'event-cancel-sheet');

    const mine = await open('demo-resident', ROUTES.myEvents);
    await ready(mine, SEL.events.event(eventId));
    await expectLegibleState(mine, 'my-events');
  });

  test('events: the host’s event page, form, registration list, check-in code and record pages', async () => {
    const eventId = await seedEvent();
    const detail = await open('demo-leader', ROUTES.eventDetail(eventId));
    await ready(detail, SEL.event.manageArea);
    await expectLegibleState(detail, 'event-detail-host');

    const form = await open('demo-leader', ROUTES.eventCreate(GROUP_ID));
    await ready(form, SEL.eventForm.title);
    await expectLegibleState(form, 'event-form');

    const registrations = await open('demo-leader', ROUTES.eventRegistrations(eventId));
    await ready(registrations, SEL.registrations.behalf);
    await expectLegibleState(registrations, 'event-registrations');
    await $(registrations, SEL.registrations.behalf).tap();
    await ready(registrations, SEL.registrations.behalfSheet);
    await expectLegibleState(registrations, 'event-behalf-sheet');

    // Tomorrow's event: the code page says when check-in opens (the journey test measures nothing here).
    const code = await open('demo-leader', ROUTES.eventCode(eventId));
    await ready(code, `${SEL.checkInCode.digits}, ${SEL.error}`);
    await expectLegibleState(code, 'event-code');

    const record = await open('demo-leader', ROUTES.eventRecord(eventId));
    await ready(record, SEL.record.summary);
    await expectLegibleState(record, 'event-record-form');
  });

  test('the base, residents’ side: 社区需求 with its form, a course, the room calendar by day and week, circles in the directory', async () => {
    const needs = await open('demo-leader', ROUTES.needs);
    await ready(needs, SEL.base.needCard);
    await expectLegibleState(needs, 'base-needs');
    await $(needs, SEL.base.postNeed).tap();
    await ready(needs, SEL.base.needSheet);
    await $(needs, SEL.base.needSubmit).tap();
    await ready(needs, `${SEL.base.needSheet} ${SEL.fieldError}`);
    await expectLegibleState(needs, 'base-need-sheet-with-errors');

    const course = await open('demo-leader', ROUTES.course('co_seed_shengyue'));
    await ready(course, SEL.base.courseSessions);
    await expectLegibleState(course, 'base-course');

    const rooms = await open('demo-leader', ROUTES.rooms(GROUP_ID));
    await ready(rooms, SEL.base.calendar);
    await $(rooms, '#room-chips [data-name="多功能厅"]').tap();
    await ready(rooms, `${SEL.base.calendar} .cal-slot`);
    await expectLegibleState(rooms, 'base-rooms-week');
    await $(rooms, SEL.base.calViewDay).tap();
    await ready(rooms, `${SEL.base.calendar} .cal__day`);
    await expectLegibleState(rooms, 'base-rooms-day');

    const directory = await open('demo-leader', ROUTES.directory);
    await ready(directory, SEL.base.circleList);
    await $(directory, SEL.base.circleList).scrollIntoViewIfNeeded();
    await expectLegibleState(directory, 'directory-with-circles');
  });

  test('the base, social workers’ side: the desk, needs, a new course, partners, a group’s notes and stage', async () => {
    const home = await open('demo-social-worker', ROUTES.baseHome);
    await ready(home, SEL.base.quietGroups);
    await expectLegibleState(home, 'base-staff-home');

    const needs = await open('demo-social-worker', ROUTES.baseNeeds);
    await ready(needs, '#staff-need-list');
    await expectLegibleState(needs, 'base-staff-needs');
    await $(needs, '#staff-need-list [id^="btn-answer-"]').tap();
    await ready(needs, SEL.base.answerSheet);
    await expectLegibleState(needs, 'base-answer-sheet');

    const form = await open('demo-social-worker', ROUTES.courseNew('nd_seed_shufa'));
    await ready(form, SEL.base.courseSummary);
    await $(form, SEL.base.createCourse).tap();
    await ready(form, `#course-teacher ${SEL.fieldError}`);
    await expectLegibleState(form, 'base-course-form-with-errors');

    const partners = await open('demo-social-worker', ROUTES.partners);
    await ready(partners, '#partner-list');
    await expectLegibleState(partners, 'base-partners');
    await $(partners, SEL.base.partnersAdd).tap();
    await ready(partners, '#partner-sheet');
    await expectLegibleState(partners, 'base-partner-sheet');

    const growth = await open('demo-social-worker', ROUTES.groupGrowth(GROUP_ID));
    await ready(growth, '#party-facts');
    await expectLegibleState(growth, 'base-group-growth');
    await $(growth, '#btn-edit-party').tap();
    await ready(growth, '#party-sheet');
    await expectLegibleState(growth, 'base-party-sheet');

    const group = await open('demo-social-worker', ROUTES.groupDetail(GROUP_ID));
    await ready(group, SEL.base.stage);
    await expectLegibleState(group, 'group-detail-staff-with-stage');
  });

  test('数据看板 (social worker): tiles and every chart', async () => {
    const page = await open('demo-social-worker', '/package-stats/pages/dashboard/index');
    await ready(page, '#chart-needs');
    await expectLegibleState(page, 'dashboard');
  });

  test('统计报表 (social worker): scope, year and quarter to pick (docs/reports.md)', async () => {
    const page = await open('demo-social-worker', '/package-stats/pages/reports/index');
    await ready(page, '#btn-generate-report');
    await expectLegibleState(page, 'reports');
  });

  test('代办 and 年度确认 (docs/on-behalf.md): the start page, the unconfirmed list, the elder’s 我的 and takeover page', async () => {
    const start = await open('demo-social-worker', '/package-workbench/pages/on-behalf/index');
    await ready(start, '#btn-behalf-start');
    await expectLegibleState(start, 'on-behalf-start');
    const list = await open('demo-social-worker', '/package-workbench/pages/confirmations/index');
    await ready(list, '#unconfirmed-g_seed_laonian');
    await expectLegibleState(list, 'confirmations');
    const mine = await open('demo-elder', ROUTES.mine);
    await ready(mine, '#btn-takeover-find');
    await expectLegibleState(mine, 'mine-elder-takeover-find');
    const takeover = await open('demo-elder', '/package-filing/pages/takeover/index');
    await ready(takeover, '#btn-verify-phone');
    await expectLegibleState(takeover, 'takeover-verify');
  });
});

test('the first-visit offer of 长辈模式: the page behind it in 标准模式, the offer itself drawn at the elder floors', async () => {
  const page = await session.open('e2e-first-visit', ROUTES.directory, { elderMode: null });
  await ready(page, '#elder-offer');
  try {
    await expectLegible(page, 'elder-offer-page', LIMITS);
    const offenders = await page.evaluate(legibilityProbe(ELDER_LIMITS, '#elder-offer'));
    expect(offenders).toEqual([]);
  } finally {
    mkdirSync(MODES_DIR, { recursive: true });
    await page.screenshot({ path: path.join(MODES_DIR, 'offer-first-visit.png'), fullPage: true }).catch(() => undefined);
  }
});
