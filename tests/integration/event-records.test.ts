import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVENT_LIMITS } from '../../types/events';
import { C, type TEventDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import type { TContext } from '../../cloudfunctions/core/context';
import { RECORD_MESSAGES, saveRecord } from '../../cloudfunctions/core/events/records';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { chinaMonth, communityStatId, groupStatId } from '../../cloudfunctions/core/events/stats';
import { localFileStore } from '../../cloudfunctions/core/files/local-files';
import { sniffImageType } from '../../cloudfunctions/core/files/image-type';
import { authed } from '../../cloudfunctions/core/guards';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createTestApp, type TTestApp } from '../support/app';
import { HECHANG, insertEvent, insertRegistration, LAONIAN } from '../support/events';
import { GIF, JPEG, NOT_AN_IMAGE, PNG, WEBP } from '../support/images';

/** 活动记录: who may write one, when, what a photo must be, and how the counters follow a record and a re-record. */

const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const MINUTE = 60_000;

let app: TTestApp;
let dir: string;
let files: ReturnType<typeof localFileStore>;
let event: TEventDoc;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'records-'));
  files = localFileStore(dir);
  app = await createTestApp({ ports: { files } });
  // A volunteer service day, 9:00–11:30 (150 minutes), co-hosted, that started 10 minutes ago.
  event = await insertEvent(app.store, app.clock.now() - 10 * MINUTE, {
    isVolunteer: true,
    endAt: app.clock.now() + 140 * MINUTE,
    hostGroupIds: [LAONIAN, HECHANG],
  });
  for (const p of ['a', 'b', 'c']) await insertRegistration(app.store, event._id, { openid: p });
  statsBefore = await allStats();
});

/** The demo's year already counts this month (scripts/seed/demo-year.ts): a test looks at what it moved. */
let statsBefore: Map<string, TStatDoc>;
async function allStats(): Promise<Map<string, TStatDoc>> {
  const out = new Map<string, TStatDoc>();
  let cursor: string | undefined;
  do {
    const page = await app.store.collection<TStatDoc>(C.stats).find({ limit: 100, cursor });
    for (const s of page.items) out.set(s._id, s);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
async function moved(id: string) {
  const now = await app.store.collection<TStatDoc>(C.stats).get(id);
  const was = statsBefore.get(id);
  return {
    eventsHeld: (now?.eventsHeld ?? 0) - (was?.eventsHeld ?? 0),
    attendances: (now?.attendances ?? 0) - (was?.attendances ?? 0),
    volunteerMinutes: (now?.volunteerMinutes ?? 0) - (was?.volunteerMinutes ?? 0),
  };
}
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctxAs = (openid: string) => authed({ ...localPorts(app.store, { clock: app.clock, files }), caller: { openid } } as TContext);
const stored = async () => (await app.store.collection<TEventDoc>(C.events).get(event._id))!;
const month = () => chinaMonth(event.startAt);
const markPresent = (openid: string, present = true) =>
  app.ok(LEADER, 'events', 'markAttendance', { registrationId: registrationIdOf(openid), present });
const registrationIdOf = (openid: string) => registrationIdFor(event._id, openid);
const record = (photos: string[], summary = '今天为社区独居老人打扫了卫生，陪老人聊天。') =>
  app.call(LEADER, 'events', 'record', { eventId: event._id, summary, photos });

test('images are what their first bytes say', () => {
  expect([PNG, JPEG, WEBP, GIF, NOT_AN_IMAGE].map(sniffImageType)).toEqual(['png', 'jpg', 'webp', 'gif', null]);
});

test('a record counts attendance and volunteer minutes into every host, the community and the month', async () => {
  await markPresent('a');
  await markPresent('b');
  const photos = [await files.put(PNG, 'png'), await files.put(JPEG, 'jpg')];
  const { event: shown } = await app.ok(LEADER, 'events', 'record', { eventId: event._id, summary: '打扫卫生，陪老人聊天', photos });
  expect(shown.record).toEqual({
    summary: '打扫卫生，陪老人聊天',
    photoUrls: photos.map((id) => `/files/${id}`),
    attendance: 2,
    volunteerHours: 5,
    recordedAt: app.clock.now(),
    attendeeNames: ['居民', '居民'],
    photoIds: photos,
  });
  expect(shown.hasRecord).toBe(true);
  expect((await stored()).record).toMatchObject({ attendance: 2, volunteerMinutes: 300, photos, recordedBy: LEADER });
  for (const id of [groupStatId(LAONIAN, month()), groupStatId(HECHANG, month()), communityStatId('c-tatan', month())]) {
    expect(await moved(id)).toEqual({ eventsHeld: 1, attendances: 2, volunteerMinutes: 300 });
  }
});

test("attendees' names only for those who run the event; photos as URLs for everyone", async () => {
  await markPresent('a');
  const photo = await files.put(PNG, 'png');
  await saveRecord(ctxAs(LEADER), { eventId: event._id, summary: '大家一起唱了三首歌', photos: [photo] });
  const asResident = (await app.ok('demo-resident', 'events', 'detail', { eventId: event._id })).event.record!;
  expect(asResident).toMatchObject({ attendance: 1, photoUrls: [`/files/${photo}`], attendeeNames: null, photoIds: null });
  expect((await app.ok(WORKER, 'events', 'detail', { eventId: event._id })).event.record!.attendeeNames).toEqual(['居民']);
  expect((await app.ok('sw-youyi', 'events', 'detail', { eventId: event._id })).event.record!.attendeeNames).toBeNull();
});

test('recording again replaces the record, moves the counters by the difference and drops the photos it no longer has', async () => {
  await markPresent('a');
  const [first, second, third] = [await files.put(PNG, 'png'), await files.put(GIF, 'gif'), await files.put(WEBP, 'webp')];
  await saveRecord(ctxAs(LEADER), { eventId: event._id, summary: '第一次记录的小结', photos: [first!, second!] });
  await markPresent('b');
  await markPresent('c');
  await markPresent('a', false);
  // Attendance changes after the record move the record and the counters with them.
  expect((await stored()).record).toMatchObject({ attendance: 2, volunteerMinutes: 300 });
  await saveRecord(ctxAs(WORKER), { eventId: event._id, summary: '补充了照片的小结', photos: [second!, third!] });
  expect(await moved(groupStatId(LAONIAN, month()))).toEqual({ eventsHeld: 1, attendances: 2, volunteerMinutes: 300 });
  expect((await stored()).record).toMatchObject({ summary: '补充了照片的小结', photos: [second, third], recordedBy: WORKER });
  expect(await files.read(first!)).toBeNull();
  expect(await files.read(second!)).not.toBeNull();
});

test('before the start, for a cancelled event, or by someone who does not run it: refused, nothing written', async () => {
  const later = await insertEvent(app.store, app.clock.now() + 60 * MINUTE);
  expect(await app.call(LEADER, 'events', 'record', { eventId: later._id, summary: '还没开始的活动', photos: [] })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: RECORD_MESSAGES.notStarted },
  });
  const cancelled = await insertEvent(app.store, app.clock.now() - MINUTE, { status: 'cancelled', cancelReason: '下雨' });
  expect(await app.call(LEADER, 'events', 'record', { eventId: cancelled._id, summary: '取消了的活动', photos: [] })).toMatchObject({
    ok: false,
    error: { message: RECORD_MESSAGES.cancelled },
  });
  for (const who of ['demo-resident', 'seed-member-1', 'sw-youyi', 'seed-leader-langsong']) {
    expect(await app.call(who, 'events', 'record', { eventId: event._id, summary: '别人写的小结', photos: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect((await stored()).record).toBeNull();
});

describe('bad photos get a clear message per photo and write nothing', () => {
  const expectNothingWritten = async () => {
    expect((await stored()).record).toBeNull();
    expect([...(await allStats()).values()]).toEqual([...statsBefore.values()]);
  };

  test('not an image, 20 MB, unknown, missing, a repeated photo', async () => {
    const good = await files.put(PNG, 'png');
    const fake = await files.put(NOT_AN_IMAGE, 'jpg');
    const huge = await files.put(Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]), 'jpg');
    const result = await record([good, fake, huge, 'http://example.com/a.jpg', 'local/' + '0'.repeat(32) + '.png', good, 'cloud://env-1.bucket/a.png']);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fields: {
          'photos.1': '第2张照片不是图片（只支持 JPG、PNG、WebP、GIF），请重新选择',
          'photos.2': `第3张照片太大（超过${EVENT_LIMITS.photoBytes / 1024 / 1024}MB），请压缩后再上传`,
          'photos.3': '第4张照片无法识别，请重新上传',
          'photos.4': '第5张照片没有找到，请重新上传',
          'photos.5': '第6张照片和前面的照片重复了，请删掉一张',
          // A production id is not a file of the local store.
          'photos.6': '第7张照片没有找到，请重新上传',
        },
      },
    });
    await expectNothingWritten();
    expect(await files.read(good)).not.toBeNull();
  });

  test('more than 9 photos', async () => {
    const photos = await Promise.all(Array.from({ length: EVENT_LIMITS.photos + 1 }, () => files.put(PNG, 'png')));
    expect(await record(photos)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { photos: `最多上传${EVENT_LIMITS.photos}张照片` } } });
    await expectNothingWritten();
  });

  test('an image the platform check refuses, and a summary the content check refuses', async () => {
    const refusing = { ...files, imageAllowed: async () => false };
    await app.close();
    app = await createTestApp({ ports: { files: refusing } });
    event = await insertEvent(app.store, app.clock.now() - MINUTE);
    const photo = await files.put(PNG, 'png');
    expect(await record([photo])).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { 'photos.0': expect.stringContaining('内容安全检查') } } });
    expect(await record([], '活动里有人组织赌博')).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { summary: expect.any(String) } } });
    await expectNothingWritten();
  });
});

test('a record at its bounds reads back through the event page and the group page for every role', async () => {
  // The longest summary, nine photos, 120 attendees with the longest names (the page lists the first 100).
  for (let i = 0; i < 120; i++) {
    const reg = await insertRegistration(app.store, event._id, { openid: `many-${i}`, name: '郭'.repeat(20) });
    await app.ok(LEADER, 'events', 'markAttendance', { registrationId: reg._id, present: true });
  }
  const photos = await Promise.all(Array.from({ length: EVENT_LIMITS.photos }, () => files.put(JPEG, 'jpg')));
  await app.ok(LEADER, 'events', 'record', { eventId: event._id, summary: '记'.repeat(EVENT_LIMITS.summary), photos });
  for (const as of [LEADER, WORKER, 'demo-resident', 'sw-youyi', 'many-7']) {
    const { event: shown } = await app.ok(as, 'events', 'detail', { eventId: event._id });
    expect(shown.record).toMatchObject({ attendance: 120, volunteerHours: 300, photoUrls: photos.map((p) => `/files/${p}`) });
    expect(shown.record!.attendeeNames?.length ?? null).toBe(as === LEADER || as === WORKER ? 100 : null);
  }
  app.clock.advance(event.endAt - app.clock.now() + 60_000);
  for (const groupId of [LAONIAN, HECHANG]) {
    const past = await app.ok('demo-resident', 'events', 'groupEvents', { groupId, when: 'past' });
    expect(past.items.find((e) => e.id === event._id)).toMatchObject({ hasRecord: true });
  }
});
