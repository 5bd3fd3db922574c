import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import type { TCourseDoc, TEnrollmentDoc, TNeedDoc, TSupportDoc } from '../../cloudfunctions/core/incubation/docs';
import { enrollmentIdFor } from '../../cloudfunctions/core/incubation/ids';
import type { TEnvelope } from '../../types/envelope';
import { addResidents, courseInput, needInput } from '../support/incubation';
import { backendsFor, type TBackendHarness } from '../support/backends';

/**
 * 我也想 and course enrollment under simultaneous calls, on both transaction models (as events-concurrency.test.ts):
 * SQLite runs transactions one at a time in arrival order; the CloudBase adapter over the fake server gives each a
 * snapshot, aborts the loser of a write conflict and retries it. Counters must equal a recount afterwards.
 */
type THarness = TBackendHarness;
const BACKENDS = backendsFor('incubation');

function data<T>(envelope: TEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}
const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const NOW = Date.UTC(2026, 10, 28, 2, 0, 0);

describe.each(BACKENDS)('%s', (_name, makeHarness, { ordered }) => {
  let h: THarness;
  beforeEach(async () => {
    h = await makeHarness();
    await addResidents(h.store, ['poster']);
  });
  afterEach(() => h.close());

  const postNeed = async () => data<{ need: { id: string } }>(await h.call('poster', 'postNeed', needInput())).need.id;
  const supportersOf = async (needId: string) =>
    (await h.store.collection<TSupportDoc>(C.needsupports).find({ where: { needId }, limit: 100 })).items;

  test('M simultaneous 我也想 from one person count once', async () => {
    const needId = await postNeed();
    const answers = await Promise.all(Array.from({ length: 8 }, () => h.call('r-once', 'support', { needId })));
    for (const a of answers) expect(data<{ need: { demand: number } }>(a).need.demand).toBe(2);
    expect((await h.store.collection<TNeedDoc>(C.needs).get(needId))!.demand).toBe(2);
    expect((await supportersOf(needId)).map((s) => s.openid).sort()).toEqual(['poster', 'r-once']);
  }, 60_000);

  test('N people at once: demand N (and the poster)', async () => {
    const needId = await postNeed();
    const who = people('n', 10);
    const answers = await Promise.all(who.map((p) => h.call(p, 'support', { needId })));
    for (const a of answers) expect(a.ok).toBe(true);
    const need = (await h.store.collection<TNeedDoc>(C.needs).get(needId))!;
    expect(need.demand).toBe(who.length + 1);
    expect(await supportersOf(needId)).toHaveLength(who.length + 1);
  }, 60_000);

  test('a merge racing 我也想 on both needs: every person counts once on the need kept', async () => {
    const keepId = await postNeed();
    const dupId = data<{ need: { id: string } }>(await h.call('poster', 'postNeed', needInput('想学用手机视频'))).need.id;
    const early = people('a', 4);
    for (const p of early) data(await h.call(p, 'support', { needId: dupId }));
    const late = people('b', 4);
    const answers = await Promise.all([
      h.call('demo-social-worker', 'mergeNeeds', { keepId, mergeId: dupId }),
      ...late.map((p) => h.call(p, 'support', { needId: dupId })),
      ...early.slice(0, 2).map((p) => h.call(p, 'support', { needId: keepId })),
    ]);
    for (const a of answers) expect(a.ok).toBe(true);
    const wanted = ['poster', ...early, ...late].sort();
    const kept = (await h.store.collection<TNeedDoc>(C.needs).get(keepId))!;
    const supporters = (await supportersOf(keepId)).map((s) => s.openid).sort();
    expect(supporters).toEqual(wanted);
    expect(kept.demand).toBe(wanted.length);
  }, 60_000);

  test('K + M enroll at once: K enrolled and registered on every session, M waitlisted in order', async () => {
    const K = 3;
    const input = courseInput(NOW, { capacity: K, sessions: 3 });
    const courseId = data<{ course: { id: string } }>(await h.call('demo-social-worker', 'createCourse', input)).course.id;
    const who = people('e', 8);
    const answers = await Promise.all(who.map((p) => h.call(p, 'enroll', { courseId })));
    const views = answers.map((a) => data<{ enrollment: { id: string; status: string; waitlistPosition: number | null } }>(a).enrollment);

    const course = (await h.store.collection<TCourseDoc>(C.courses).get(courseId))!;
    const enrollments = (await h.store.collection<TEnrollmentDoc>(C.enrollments).find({ where: { courseId }, limit: 100 })).items;
    const enrolled = enrollments.filter((e) => e.status === 'enrolled');
    expect(course.registeredCount).toBe(K);
    expect(enrolled).toHaveLength(K);
    expect(course.waitlist).toHaveLength(who.length - K);
    expect([...course.waitlist].sort()).toEqual(enrollments.filter((e) => e.status === 'waitlisted').map((e) => e._id).sort());
    // Everyone was told the place they hold.
    for (const v of views.filter((x) => x.status === 'waitlisted')) expect(course.waitlist[v.waitlistPosition! - 1]).toBe(v.id);
    // Each session holds exactly the enrolled people.
    for (const s of course.sessions) {
      const event = (await h.store.collection<TEventDoc>(C.events).get(s.eventId))!;
      const regs = (await h.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId: s.eventId }, limit: 100 })).items;
      expect(event.registeredCount).toBe(K);
      expect(regs.filter((r) => r.status === 'registered').map((r) => r.openid).sort()).toEqual(enrolled.map((e) => e.openid).sort());
    }
    if (ordered) {
      expect(views.map((v) => v.status)).toEqual([...Array(K).fill('enrolled'), ...Array(who.length - K).fill('waitlisted')]);
      expect(course.waitlist).toEqual(who.slice(K).map((p) => enrollmentIdFor(courseId, p)));
    }
  }, 60_000);
});
