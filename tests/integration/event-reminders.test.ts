import { C, type TOutboxDoc, type TReminderDoc } from '../../cloudfunctions/core/collections';
import { eveningBefore, reminderDueAt, runReminders } from '../../cloudfunctions/core/jobs/reminders';
import { isTimerEvent, makeJobsMain } from '../../cloudfunctions/core/jobs/timer-main';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createTestApp, type TTestApp } from '../support/app';
import { insertEvent, insertRegistration } from '../support/events';

/** One reminder per registered person before the start: never twice, even when runs are late, repeated or concurrent. */

const HOUR = 3_600_000;
/** 2026-11-30 09:00 in China. */
const START = Date.UTC(2026, 10, 30, 1, 0);
/** 2026-11-29 20:00 in China: the evening before. */
const EVENING = Date.UTC(2026, 10, 29, 12, 0);

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const setNow = (ms: number) => app.clock.advance(ms - app.clock.now());
const ports = () => localPorts(app.store, { clock: app.clock });
const reminders = async () =>
  (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'event_reminder' } as never, limit: 100 })).items;

async function eventWithPeople() {
  const event = await insertEvent(app.store, START, { title: '重阳节敬老合唱', place: '塔谈社区活动室' });
  for (const openid of ['r1', 'r2', 'r3']) await insertRegistration(app.store, event._id, { openid });
  await insertRegistration(app.store, event._id, { openid: 'waiting' }, 'waitlisted');
  await insertRegistration(app.store, event._id, { openid: 'gone' }, 'cancelled');
  await insertRegistration(app.store, event._id, { mobile: '13900001111', name: '张奶奶', by: 'demo-leader' });
  return event;
}

describe('when a reminder is due', () => {
  test('signed up before the evening before: at 20:00 China time that evening; later: 2 hours before', () => {
    expect(eveningBefore(START)).toBe(EVENING);
    // 00:30 on 1 December in China is still 30 November in UTC: the evening before is 30 November 20:00 in China.
    expect(eveningBefore(Date.UTC(2026, 10, 30, 16, 30))).toBe(Date.UTC(2026, 10, 30, 12, 0));
    expect(reminderDueAt(START, EVENING - 1)).toBe(EVENING);
    expect(reminderDueAt(START, EVENING + 1)).toBe(START - 2 * HOUR);
  });
});

describe('runReminders', () => {
  test('sends once to each registered person with WeChat, and a second run sends nothing', async () => {
    await eventWithPeople();
    setNow(EVENING - 60_000);
    expect(await runReminders(ports())).toMatchObject({ sent: 0 });
    setNow(EVENING + 5 * 60_000);
    expect(await runReminders(ports())).toMatchObject({ sent: 3 });
    expect(await runReminders(ports())).toMatchObject({ sent: 0 });
    const sent = await reminders();
    expect(sent.map((n) => n.to).sort()).toEqual(['r1', 'r2', 'r3']);
    expect(sent[0]).toMatchObject({
      title: '活动开始提醒',
      body: expect.stringContaining('重阳节敬老合唱'),
      page: expect.stringMatching(/^\/package-event\/pages\/detail\/index\?id=/),
      data: { eventTitle: '重阳节敬老合唱', startAt: START, place: '塔谈社区活动室' },
    });
  });

  test('two runs at once send each reminder once', async () => {
    const event = await eventWithPeople();
    for (let i = 0; i < 12; i++) await insertRegistration(app.store, event._id, { openid: `p${i}` });
    setNow(EVENING + 60_000);
    const runs = await Promise.all([runReminders(ports()), runReminders(ports()), runReminders(ports())]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(15);
    const sent = await reminders();
    expect(sent).toHaveLength(15);
    expect(new Set(sent.map((n) => n.to)).size).toBe(15);
    expect(await app.store.collection<TReminderDoc>(C.reminders).count()).toBe(15);
  });

  test('a late run still sends before the start; a run after the start sends nothing', async () => {
    await eventWithPeople();
    setNow(START - 60_000);
    expect(await runReminders(ports())).toMatchObject({ sent: 3 });
    const other = await insertEvent(app.store, START + 3 * HOUR);
    await insertRegistration(app.store, other._id, { openid: 'r9' });
    setNow(other.startAt);
    expect(await runReminders(ports())).toMatchObject({ sent: 0 });
  });

  test('a late sign-up is reminded 2 hours before; a cancelled event and cancelled people get nothing', async () => {
    const event = await eventWithPeople();
    setNow(EVENING + 60_000);
    await runReminders(ports());
    const late = await insertRegistration(app.store, event._id, { openid: 'late' });
    await app.store.collection(C.registrations).updateIfVersion(late._id, late.version, { registeredAt: EVENING + 2 * HOUR });
    setNow(START - 2 * HOUR - 60_000);
    expect(await runReminders(ports())).toMatchObject({ sent: 0 });
    setNow(START - 2 * HOUR);
    expect(await runReminders(ports())).toMatchObject({ sent: 1 });

    const cancelled = await insertEvent(app.store, START + HOUR, { status: 'cancelled', cancelReason: '下雨' });
    await insertRegistration(app.store, cancelled._id, { openid: 'r1' });
    expect(await runReminders(ports())).toMatchObject({ sent: 0 });
  });
});

describe('the jobs entry runs only for the timer', () => {
  const TIMER = { Type: 'Timer', TriggerName: 'reminders', Time: '2026-11-29T12:00:00Z', Message: '' };
  const noUser = { request_id: 't', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID' }) };
  const user = { request_id: 't', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'demo-admin' }) };

  test('a timer event runs the reminders; a caller or a client event is FORBIDDEN and sends nothing', async () => {
    await eventWithPeople();
    setNow(EVENING + 60_000);
    const main = makeJobsMain(ports);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    expect(await main(TIMER, user)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await main({ action: 'run' }, noUser)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reminders()).toHaveLength(0);
    expect(await main(TIMER, noUser)).toEqual({ ok: true, data: { events: 1, sent: 3 } });
    warn.mockRestore();
    info.mockRestore();
    expect(isTimerEvent({ ...TIMER, action: 'list' })).toBe(false);
  });
});
