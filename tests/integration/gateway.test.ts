import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway, type TGateway } from '../../scripts/gateway/server';

let gateway: TGateway;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gateway-'));
  gateway = await startGateway({ port: 0, dbFile: path.join(dir, 'db.sqlite'), seed: true });
});
afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(fn: string, body: string, user?: string) {
  return fetch(`${gateway.url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { 'x-dev-user': user } : {}) },
    body,
  });
}

test('answers /healthz', async () => {
  const res = await fetch(`${gateway.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, functions: ['account', 'filings', 'groups', 'manage'] });
});

test('runs the handler as the X-Dev-User, on the seeded demo data', async () => {
  const res = await post('account', JSON.stringify({ action: 'me' }), 'demo-social-worker');
  expect(await res.json()).toEqual({
    ok: true,
    data: { me: expect.objectContaining({ displayName: '刘芳', roles: ['social_worker'], reviewCommunityIds: ['c-tatan'] }) },
  });
});

test('takes identity only from the header: none, or a malformed one, is UNAUTHENTICATED', async () => {
  for (const user of [undefined, 'demo resident', 'x'.repeat(65)]) {
    const res = await post('account', JSON.stringify({ action: 'me', openid: 'demo-admin' }), user);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  }
});

test('malformed JSON and unknown functions answer in the envelope', async () => {
  const bad = await post('filings', '{"action": ', 'demo-leader');
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  const missing = await post('nope', '{}', 'demo-leader');
  expect(missing.status).toBe(404);
  expect((await missing.json()).error.code).toBe('NOT_FOUND');
});

test('serves a helpful page when the H5 app is not built', async () => {
  const res = await fetch(`${gateway.url}/`);
  expect(await res.text()).toContain('npm run build:h5');
});
