import { startGateway, type TGateway } from '../../scripts/gateway/server';

/** The local gateway's POST /dev/latency: a chosen call is held back, the others are not, nonsense is refused. */

let gateway: TGateway;
beforeAll(async () => {
  gateway = await startGateway({ port: 0, dbFile: ':memory:', seed: true });
});
afterAll(async () => {
  await gateway.close();
});

const post = (path: string, body: object, user?: string) =>
  fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { 'x-dev-user': user } : {}) },
    body: JSON.stringify(body),
  });

/** Resolves with 'answered' if the call answers before `ms`, else 'held' (the call is awaited either way). */
async function answeredWithin(ms: number, call: Promise<Response>): Promise<'answered' | 'held'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const held = new Promise<'held'>((resolve) => (timer = setTimeout(() => resolve('held'), ms)));
  const result = await Promise.race([call.then(() => 'answered' as const), held]);
  clearTimeout(timer);
  await call;
  return result;
}

test('only the named action waits, and { ms: 0 } turns it off', async () => {
  const set = await post('/dev/latency', { ms: 1500, only: ['account.communities'] });
  expect(await set.json()).toEqual({ ok: true, data: { ms: 1500, only: ['account.communities'] } });

  const started = Date.now();
  const slow = await post('/fn/account', { action: 'communities' }, 'demo-resident');
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(((await slow.json()) as { ok: boolean }).ok).toBe(true);
  // Another action is not held back: it answers while the named one would still be waiting.
  expect(await answeredWithin(1400, post('/fn/account', { action: 'me' }, 'demo-resident'))).toBe('answered');

  await post('/dev/latency', { ms: 0 });
  expect(await answeredWithin(1400, post('/fn/account', { action: 'communities' }, 'demo-resident'))).toBe('answered');
  expect(await (await fetch(`${gateway.url}/dev/latency`)).json()).toEqual({ ok: true, data: { ms: 0, only: [] } });
});

test('refuses a delay that is not whole milliseconds within 30 s, or an action list it cannot read', async () => {
  for (const body of [{ ms: 'slow' }, { ms: -1 }, { ms: 30_001 }, { ms: 1.5 }, { ms: 10, only: 'filings.submit' }, { ms: 10, only: ['submit'] }]) {
    const res = await post('/dev/latency', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  }
});
