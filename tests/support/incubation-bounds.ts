import { INCUBATION_LIMITS } from '../../types/incubation';
import type { TTestApp } from './app';
import { requestId } from './filings';
import { courseInput, needInput } from './incubation';

/**
 * Needs, partners and courses at their bounds for stored-fits-shown.test.ts: the longest texts, the most
 * sessions, a full course with a line, a need answered at length and one merged into it.
 */
const I = INCUBATION_LIMITS;
const text = (n: number, ch: string) => ch.repeat(n);
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';

export interface TIncubationWorld {
  needIds: string[];
  courseId: string;
}

export async function incubationAtTheBounds(app: TTestApp): Promise<TIncubationWorld> {
  await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
  const post = async (as: string, ch: string) =>
    (await app.ok(as, 'incubation', 'postNeed', { ...needInput(), title: text(I.title, ch), description: text(I.description, ch) })).need.id;
  const kept = await post(RESIDENT, '想');
  const duplicate = await post('demo-leader', '学');
  const other = await post('demo-leader', '盼');
  await app.ok(WORKER, 'incubation', 'answerNeed', { needId: kept, status: 'declined', answer: text(I.answer, '答') });
  await app.ok(WORKER, 'incubation', 'mergeNeeds', { keepId: kept, mergeId: duplicate });
  await app.ok(WORKER, 'incubation', 'seedCircle', { needId: other, name: text(I.circleName, '圈'), contactName: text(I.person, '联'), contactMobile: '13931110001' });
  const { partner } = await app.ok(WORKER, 'incubation', 'savePartner', {
    requestId: requestId(),
    communityId: 'c-tatan',
    name: text(I.partnerName, '伙'),
    contactName: text(I.person, '人'),
    contactMobile: '13812340000',
    offers: text(I.offers, '供'),
  });
  const { course } = await app.ok(
    WORKER,
    'incubation',
    'createCourse',
    courseInput(app.clock.now(), {
      title: text(I.title, '课'),
      description: text(I.courseDescription, '介'),
      teacher: text(I.teacher, '师'),
      place: text(I.place, '地'),
      partnerId: partner.id,
      sessions: I.sessions,
      capacity: 1,
    }),
  );
  for (const who of [RESIDENT, 'demo-leader', 'other-leader']) await app.ok(who, 'incubation', 'enroll', { courseId: course.id });
  return { needIds: [kept, other], courseId: course.id };
}

/** Each incubation read, as every role that may use it on that world. */
export function incubationReads(app: TTestApp, w: TIncubationWorld): Record<string, Array<() => Promise<{ ok: boolean }>>> {
  return {
    'incubation.needs': [RESIDENT, WORKER, 'demo-leader'].map((as) => () => app.call(as, 'incubation', 'needs', { communityId: 'c-tatan' })),
    'incubation.partners': [() => app.call(WORKER, 'incubation', 'partners', { communityId: 'c-tatan' })],
    'incubation.courses': [RESIDENT, WORKER].map((as) => () => app.call(as, 'incubation', 'courses', { communityId: 'c-tatan' })),
    'incubation.course': [RESIDENT, WORKER, 'demo-leader', 'other-leader'].map((as) => () => app.call(as, 'incubation', 'course', { courseId: w.courseId })),
  };
}
