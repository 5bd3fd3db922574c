// Legibility on the main pages, measured in Chromium on a phone viewport: text at least 16px, tap targets at least
// 44px high, text contrast at least 4.5:1 (WCAG AA). Many of the app's users are older residents; these are floors.
import type { Page } from 'playwright-core';
import { $, expectLegible } from './actions';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(120_000);

/** Seeded: 塔谈社区老年协会 (demo-leader leads it) and a new group's filing waiting for review. */
const GROUP_ID = 'g_seed_laonian';
const SUBMITTED_FILING_ID = 'f_seed_taiji';

const session = useAppSession();
const { open } = session;

async function ready(page: Page, selector: string): Promise<void> {
  await $(page, selector).waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // Loading spinners are replaced by content; measure the content.
  await page.locator(visible(SEL.loading)).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

test('directory (resident, after choosing 塔谈社区), with a search', async () => {
  const page = await open('demo-resident', ROUTES.directory);
  await ready(page, SEL.directory.chooser);
  await expectLegible(page, 'community-chooser');
  await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  await ready(page, SEL.directory.card);
  await expectLegible(page, 'directory');
  await $(page, SEL.directory.search).fill('老年');
  await ready(page, SEL.directory.clearSearch);
  await expectLegible(page, 'directory-search');
});

test('group detail as a resident, with the join sheet open', async () => {
  const page = await open('demo-resident', ROUTES.groupDetail(GROUP_ID));
  await ready(page, SEL.group.join);
  await expectLegible(page, 'group-detail-resident');
  await $(page, SEL.group.join).tap();
  await ready(page, SEL.group.joinSheet);
  await expectLegible(page, 'join-sheet');
});

test('group detail as its leader (manage buttons)', async () => {
  const page = await open('demo-leader', ROUTES.groupDetail(GROUP_ID));
  await ready(page, SEL.group.manageMembers);
  await expectLegible(page, 'group-detail-leader');
});

test('我的 as the leader (groups and filings)', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await ready(page, SEL.mine.group(GROUP_ID));
  await expectLegible(page, 'mine-leader');
});

test('the filing form', async () => {
  const page = await open('demo-leader', ROUTES.filingEdit);
  await ready(page, SEL.edit.input('name'));
  await expectLegible(page, 'filing-form');
});

test('the review queue and a filing under review (social worker)', async () => {
  const page = await open('demo-social-worker', ROUTES.reviewQueue);
  await ready(page, SEL.queue.filing(SUBMITTED_FILING_ID));
  await expectLegible(page, 'review-queue');
  await $(page, SEL.queue.filing(SUBMITTED_FILING_ID)).tap();
  await ready(page, SEL.review.approve);
  await expectLegible(page, 'review');
});

test('成员管理, 组织管理 and 变更报备 (leader)', async () => {
  const members = await open('demo-leader', ROUTES.members(GROUP_ID));
  await $(members, SEL.members.tabActive).tap();
  await ready(members, SEL.members.member(0));
  await expectLegible(members, 'members');

  const settings = await open('demo-leader', ROUTES.settings(GROUP_ID));
  await $(settings, SEL.settings.tab('change')).waitFor({ timeout: 30_000 });
  await $(settings, SEL.settings.tab('change')).tap();
  await ready(settings, SEL.settings.change);
  await expectLegible(settings, 'settings');

  const change = await open('demo-leader', ROUTES.change(GROUP_ID));
  await ready(change, SEL.change.name);
  await expectLegible(change, 'change');
});

/** An event of 老年协会 tomorrow, made through the gateway (the journey test makes one through the form). */
async function seedEvent(): Promise<string> {
  const call = async (user: string, action: string, input: Record<string, unknown>) => {
    const res = await fetch(`${session.url()}/fn/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': user },
      body: JSON.stringify({ ...input, action }),
    });
    const body = (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: unknown };
    if (!body.ok) throw new Error(JSON.stringify(body.error));
    return body.data!;
  };
  const startAt = Date.now() + 26 * 3_600_000;
  const created = (await call('demo-leader', 'create', {
    requestId: `legibility-${Date.now()}`,
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
  })) as { events: { id: string }[] };
  return created.events[0]!.id;
}

test('events: 活动 tab, an event page with its sheets, 我的活动 (resident)', async () => {
  const eventId = await seedEvent();
  const page = await open('demo-leader', ROUTES.events);
  await ready(page, SEL.events.event(eventId));
  await expectLegible(page, 'events-tab');

  const resident = await open('demo-resident', ROUTES.eventDetail(eventId));
  await ready(resident, SEL.event.signUp);
  await expectLegible(resident, 'event-detail-resident');
  await $(resident, SEL.event.signUp).tap();
  await ready(resident, SEL.event.cancelSignUp);
  await $(resident, SEL.event.cancelSignUp).tap();
  await ready(resident, SEL.event.cancelSheet);
  await expectLegible(resident, 'event-cancel-sheet');

  const mine = await open('demo-resident', ROUTES.myEvents);
  await ready(mine, SEL.events.event(eventId));
  await expectLegible(mine, 'my-events');
});

test('events: the host’s event page, form, registration list, check-in code and record pages', async () => {
  const eventId = await seedEvent();
  const detail = await open('demo-leader', ROUTES.eventDetail(eventId));
  await ready(detail, SEL.event.manageArea);
  await expectLegible(detail, 'event-detail-host');

  const form = await open('demo-leader', ROUTES.eventCreate(GROUP_ID));
  await ready(form, SEL.eventForm.title);
  await expectLegible(form, 'event-form');

  const registrations = await open('demo-leader', ROUTES.eventRegistrations(eventId));
  await ready(registrations, SEL.registrations.behalf);
  await expectLegible(registrations, 'event-registrations');
  await $(registrations, SEL.registrations.behalf).tap();
  await ready(registrations, SEL.registrations.behalfSheet);
  await expectLegible(registrations, 'event-behalf-sheet');

  // Tomorrow's event: the code page says when check-in opens (the journey test measures nothing here).
  const code = await open('demo-leader', ROUTES.eventCode(eventId));
  await ready(code, `${SEL.checkInCode.digits}, ${SEL.error}`);
  await expectLegible(code, 'event-code');

  const record = await open('demo-leader', ROUTES.eventRecord(eventId));
  await ready(record, SEL.record.summary);
  await expectLegible(record, 'event-record-form');
});

test('the base, residents’ side: 社区需求 with its form, a course, the room calendar by day and week, circles in the directory', async () => {
  const needs = await open('demo-leader', ROUTES.needs);
  await ready(needs, SEL.base.needCard);
  await expectLegible(needs, 'base-needs');
  await $(needs, SEL.base.postNeed).tap();
  await ready(needs, SEL.base.needSheet);
  await $(needs, SEL.base.needSubmit).tap();
  await ready(needs, `${SEL.base.needSheet} ${SEL.fieldError}`);
  await expectLegible(needs, 'base-need-sheet-with-errors');

  const course = await open('demo-leader', ROUTES.course('co_seed_shengyue'));
  await ready(course, SEL.base.courseSessions);
  await expectLegible(course, 'base-course');

  const rooms = await open('demo-leader', ROUTES.rooms(GROUP_ID));
  await ready(rooms, SEL.base.calendar);
  await $(rooms, '#room-chips [data-name="多功能厅"]').tap();
  await ready(rooms, `${SEL.base.calendar} .cal-slot`);
  await expectLegible(rooms, 'base-rooms-week');
  await $(rooms, SEL.base.calViewDay).tap();
  await ready(rooms, `${SEL.base.calendar} .cal__day`);
  await expectLegible(rooms, 'base-rooms-day');

  const directory = await open('demo-leader', ROUTES.directory);
  await ready(directory, SEL.base.circleList);
  await $(directory, SEL.base.circleList).scrollIntoViewIfNeeded();
  await expectLegible(directory, 'directory-with-circles');
});

test('the base, social workers’ side: the desk, needs, a new course, partners, a group’s notes and stage', async () => {
  const home = await open('demo-social-worker', ROUTES.baseHome);
  await ready(home, SEL.base.quietGroups);
  await expectLegible(home, 'base-staff-home');

  const needs = await open('demo-social-worker', ROUTES.baseNeeds);
  await ready(needs, '#staff-need-list');
  await expectLegible(needs, 'base-staff-needs');
  await $(needs, '#staff-need-list [id^="btn-answer-"]').tap();
  await ready(needs, SEL.base.answerSheet);
  await expectLegible(needs, 'base-answer-sheet');

  const form = await open('demo-social-worker', ROUTES.courseNew('nd_seed_shufa'));
  await ready(form, SEL.base.courseSummary);
  await $(form, SEL.base.createCourse).tap();
  await ready(form, `#course-teacher ${SEL.fieldError}`);
  await expectLegible(form, 'base-course-form-with-errors');

  const partners = await open('demo-social-worker', ROUTES.partners);
  await ready(partners, '#partner-list');
  await expectLegible(partners, 'base-partners');
  await $(partners, SEL.base.partnersAdd).tap();
  await ready(partners, '#partner-sheet');
  await expectLegible(partners, 'base-partner-sheet');

  const growth = await open('demo-social-worker', ROUTES.groupGrowth(GROUP_ID));
  await ready(growth, '#party-facts');
  await expectLegible(growth, 'base-group-growth');
  await $(growth, '#btn-edit-party').tap();
  await ready(growth, '#party-sheet');
  await expectLegible(growth, 'base-party-sheet');

  const group = await open('demo-social-worker', ROUTES.groupDetail(GROUP_ID));
  await ready(group, SEL.base.stage);
  await expectLegible(group, 'group-detail-staff-with-stage');
});
