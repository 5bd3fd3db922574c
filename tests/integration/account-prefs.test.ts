import { C, type TUserDoc } from '../../cloudfunctions/core/collections';
import { createTestApp, type TTestApp } from '../support/app';

/** 长辈模式 is remembered with the person on the server (issue 8), so the first-visit offer shows once per person. */
let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

test('nobody has chosen yet: me says null, which is what makes the first visit offer the choice', async () => {
  for (const who of ['demo-leader', 'demo-resident', 'someone-new']) {
    expect((await app.ok(who, 'account', 'me', {})).me.prefs).toEqual({ elderMode: null });
  }
});

test('a choice is remembered and shown by me; changing it later keeps the community', async () => {
  await app.ok('demo-resident', 'account', 'setCommunity', { communityId: 'c-tatan' });
  const on = await app.ok('demo-resident', 'account', 'setPrefs', { elderMode: true });
  expect(on.me.prefs).toEqual({ elderMode: true });
  expect(on.me.community?.id).toBe('c-tatan');
  expect((await app.ok('demo-resident', 'account', 'me', {})).me).toMatchObject({ prefs: { elderMode: true }, community: { id: 'c-tatan' } });

  await app.ok('demo-resident', 'account', 'setPrefs', { elderMode: false });
  expect((await app.ok('demo-resident', 'account', 'me', {})).me.prefs).toEqual({ elderMode: false });
});

test('a person without a user document gets one holding only the choice: no roles, no community', async () => {
  const { me } = await app.ok('first-visit', 'account', 'setPrefs', { elderMode: true });
  expect(me).toMatchObject({ roles: [], reviewCommunityIds: [], community: null, prefs: { elderMode: true } });
  const stored = await app.store.collection<TUserDoc>(C.users).get('first-visit');
  expect(stored).toMatchObject({ roles: [], communityId: null, prefs: { elderMode: true } });
  // Choosing a community afterwards keeps the preference.
  await app.ok('first-visit', 'account', 'setCommunity', { communityId: 'c-tatan' });
  expect((await app.ok('first-visit', 'account', 'me', {})).me.prefs).toEqual({ elderMode: true });
});

test('staff keep their roles and scope when they choose a mode', async () => {
  const before = (await app.ok('demo-social-worker', 'account', 'me', {})).me;
  const after = (await app.ok('demo-social-worker', 'account', 'setPrefs', { elderMode: true })).me;
  expect(after).toEqual({ ...before, prefs: { elderMode: true } });
});

test('two taps at once from the same person both land without a conflict, and one of them is kept', async () => {
  await Promise.all([
    app.ok('racer', 'account', 'setPrefs', { elderMode: true }),
    app.ok('racer', 'account', 'setPrefs', { elderMode: false }),
  ]);
  expect([true, false]).toContain((await app.ok('racer', 'account', 'me', {})).me.prefs.elderMode);
});

test('the input is exactly one boolean: anything else is refused by name', async () => {
  const bad = await app.call('demo-resident', 'account', 'setPrefs', { elderMode: 'yes' } as never);
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  const extra = await app.call('demo-resident', 'account', 'setPrefs', { elderMode: true, roles: ['admin'] } as never);
  expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect((await app.ok('demo-resident', 'account', 'me', {})).me).toMatchObject({ roles: [], prefs: { elderMode: null } });
});

test('an anonymous caller is refused', async () => {
  expect(await app.call(null, 'account', 'setPrefs', { elderMode: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
