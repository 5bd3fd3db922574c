import { createTestApp, type TTestApp } from '../support/app';

/** The demo shows the base's residents' side through the actions themselves (scripts/seed/demo-incubation.ts). */
let app: TTestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

test('open needs ranked by demand, with the one that became a course', async () => {
  const { items } = await app.ok('demo-resident', 'incubation', 'needs', { communityId: 'c-tatan' });
  // With the needs answered over the year (scripts/seed/demo-year-base.ts), most wanted first.
  expect(items.map((n) => [n.title, n.demand, n.status])).toEqual([
    ['想听防诈骗讲座', 5, 'arranged'],
    ['想学智能手机', 4, 'collecting'],
    ['想学唱歌', 3, 'arranged'],
    ['想每月量一次血压', 3, 'arranged'],
    ['想有人陪老人聊天', 2, 'collecting'],
    ['想学书法', 2, 'collecting'],
    ['想组织冬泳', 2, 'declined'],
  ]);
});

test('the partners list, and a running 老年大学 course with members enrolled on every session', async () => {
  const partners = await app.ok('demo-social-worker', 'incubation', 'partners', { communityId: 'c-tatan' });
  expect(partners.items.map((p) => p.name).sort()).toEqual(['石家庄开放大学', '河北师范大学青年志愿者服务队'].sort());
  const [card] = (await app.ok('demo-resident', 'incubation', 'courses', { communityId: 'c-tatan' })).items;
  expect(card).toMatchObject({ title: '老年大学声乐课', partnerName: '石家庄开放大学', sessionCount: 8, enrolledCount: 4 });
  const { course } = await app.ok('seed-member-1', 'incubation', 'course', { courseId: card!.id });
  const now = app.clock.now();
  expect(course.sessions.filter((s) => s.endAt < now)).toHaveLength(3);
  expect(course.sessions.every((s) => s.registeredCount === 4)).toBe(true);
  expect(course.myEnrollment).toMatchObject({ status: 'enrolled' });
});
