import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway, type TGateway } from '../../scripts/gateway/server';
import { FUNCTIONS } from '../../types';
import { MAX_FIELD_ERRORS } from '../../types/validation';

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

function post(fn: string, body: string, user?: string, contentType = 'application/json') {
  return fetch(`${gateway.url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(user ? { 'x-dev-user': user } : {}) },
    body,
  });
}

/** The answer is the refusal envelope, with this status and code and a Chinese message. */
async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await res.json();
  expect(body).toEqual({ ok: false, error: expect.objectContaining({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) }) });
  return body as { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
}

/** A raw request the HTTP client libraries would refuse to send (a 20 KB URL, a body longer than its length). */
function rawRequest(options: { path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

test('answers /healthz', async () => {
  const res = await fetch(`${gateway.url}/healthz`);
  expect(res.status).toBe(200);
  // Every function of the contract, in its order (growth, incubation and base joined in issue 9).
  expect(await res.json()).toMatchObject({ ok: true, functions: Object.keys(FUNCTIONS) });
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

describe('every refusal is the envelope, with a proper status', () => {
  test('other methods on a function: 405, Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${gateway.url}/fn/account`, { method, ...(method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
      expect(res.headers.get('allow')).toBe('POST');
      await expectEnvelope(res, 405, 'VALIDATION_FAILED');
    }
  });

  test('odd, inherited and over-long function names, and unknown paths under /fn', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'Account', 'acc%00ount', '%E4%B8%AD', '']) {
      await expectEnvelope(await post(name, '{}', 'demo-leader'), 404, 'NOT_FOUND');
    }
    await expectEnvelope(await post('a'.repeat(150), '{}', 'demo-leader'), 414, 'VALIDATION_FAILED');
    await expectEnvelope(await post('%E0%A4%A', '{}', 'demo-leader'), 400, 'VALIDATION_FAILED');
    await expectEnvelope(await post('account/extra', '{}', 'demo-leader'), 404, 'NOT_FOUND');
    await expectEnvelope(await fetch(`${gateway.url}/fn`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }), 404, 'NOT_FOUND');
    await expectEnvelope(await fetch(`${gateway.url}/nothing-here.js`), 404, 'NOT_FOUND');
  });

  test('a URL too long for the HTTP parser, and a broken request: still the envelope', async () => {
    const long = await rawRequest({ path: `/fn/${'a'.repeat(20_000)}`, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(long.status).toBe(431);
    expect(JSON.parse(long.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const broken = await rawRequest({
      path: '/fn/account',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'content-length': '2' },
      body: '{}',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('bodies: oversized 413, not JSON 415, empty JSON 400', async () => {
    const big = await post('account', JSON.stringify({ action: 'me', x: 'a'.repeat(300 * 1024) }), 'demo-leader');
    expect((await expectEnvelope(big, 413, 'VALIDATION_FAILED')).error.message).toContain('256 KB');
    await expectEnvelope(await post('account', 'action=me', 'demo-leader', 'text/plain'), 415, 'VALIDATION_FAILED');
    await expectEnvelope(await post('account', 'action=me', 'demo-leader', 'application/x-www-form-urlencoded'), 415, 'VALIDATION_FAILED');
    await expectEnvelope(await post('account', '', 'demo-leader'), 400, 'VALIDATION_FAILED');
  });

  test('a 230 KB body of unknown keys gets a short answer naming at most 20 of them', async () => {
    const body: Record<string, unknown> = { action: 'me' };
    for (let i = 0; JSON.stringify(body).length < 230 * 1024; i += 1) {
      for (let j = 0; j < 500; j += 1) body[`unknown_key_${i}_${j}`] = j;
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // the dispatcher logs the refusal
    const res = await post('account', JSON.stringify(body), 'demo-resident');
    const text = await res.text();
    warn.mockRestore();
    expect(res.status).toBe(200); // a domain refusal, like every action's
    expect(text.length).toBeLessThan(4 * 1024);
    const { error } = JSON.parse(text) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields)).toHaveLength(MAX_FIELD_ERRORS + 1);
    expect(error.fields._more).toMatch(/还有 \d+ 处问题未列出/);
  });
});

describe('GET /dev/outbox: what would have been sent', () => {
  test('lists the newest notices for one person, with their structured fields', async () => {
    const join = await post('groups', JSON.stringify({ action: 'join', groupId: 'g_seed_laonian', message: '想参加书法班' }), 'demo-resident');
    expect((await join.json()).data.membership.status).toBe('pending');
    const res = await fetch(`${gateway.url}/dev/outbox?to=demo-leader`);
    expect(res.status).toBe(200);
    const { ok, data } = (await res.json()) as { ok: true; data: { items: Array<Record<string, unknown>> } };
    expect(ok).toBe(true);
    expect(data.items[0]).toMatchObject({
      kind: 'join_requested',
      title: '新的入会申请',
      body: expect.stringContaining('塔谈社区老年协会'),
      page: '/package-manage/pages/members/index?groupId=g_seed_laonian',
      data: { groupName: '塔谈社区老年协会', applicant: '李秀英', at: expect.any(Number) },
      at: expect.any(Number),
    });
    const other = await (await fetch(`${gateway.url}/dev/outbox?to=demo-admin`)).json();
    expect(other).toEqual({ ok: true, data: { items: [] } });
  });

  test('needs a well-formed recipient', async () => {
    for (const query of ['', '?to=', '?to=demo%20leader', `?to=${'x'.repeat(65)}`]) {
      const body = await expectEnvelope(await fetch(`${gateway.url}/dev/outbox${query}`), 400, 'VALIDATION_FAILED');
      expect(body.error.fields).toHaveProperty('to');
    }
  });
});

test('serves a helpful page when the H5 app is not built', async () => {
  const res = await fetch(`${gateway.url}/`);
  expect(await res.text()).toContain('npm run build:h5');
});
