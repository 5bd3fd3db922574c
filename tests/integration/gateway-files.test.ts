import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVENT_LIMITS } from '../../types/events';
import { FILE_MESSAGES } from '../../scripts/gateway/file-routes';
import { startGateway, type TGateway } from '../../scripts/gateway/server';
import { DAY, eventInput } from '../support/event-input';
import { GIF, JPEG, NOT_AN_IMAGE, PNG } from '../support/images';

/** The gateway's file routes (the H5 upload the client's src/lib/upload.ts calls) and its dev clock. */

let gateway: TGateway;
let dir: string;
const filesDir = () => path.join(dir, 'files');
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gateway-files-'));
  gateway = await startGateway({ port: 0, dbFile: path.join(dir, 'db.sqlite'), seed: true });
});
afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (body: Buffer, contentType = 'image/jpeg', user: string | null = 'demo-leader') =>
  fetch(`${gateway.url}/files`, { method: 'POST', headers: { 'content-type': contentType, ...(user ? { 'x-dev-user': user } : {}) }, body: new Uint8Array(body) });

async function refusal(res: Response, status: number, message: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ ok: false, error: { code: expect.any(String), message } });
}

describe('POST /files', () => {
  test('stores an image next to the database and answers its id; GET serves it with its real type', async () => {
    const res = await upload(PNG, 'image/jpeg'); // the header is wrong; the bytes decide
    expect(res.status).toBe(200);
    const { ok, data } = (await res.json()) as { ok: true; data: { fileId: string } };
    expect(ok).toBe(true);
    expect(data.fileId).toMatch(/^local\/[a-f0-9]{32}\.png$/);
    expect(readdirSync(filesDir())).toEqual([data.fileId.slice('local/'.length)]);
    const served = await fetch(`${gateway.url}/files/${data.fileId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  test('401 without X-Dev-User, 415 for bytes that are not an image, 413 over the photo limit and far over it', async () => {
    await refusal(await upload(JPEG, 'image/jpeg', null), 401, FILE_MESSAGES.noUser);
    await refusal(await upload(NOT_AN_IMAGE, 'image/jpeg'), 415, FILE_MESSAGES.notImage);
    await refusal(await upload(GIF, 'application/octet-stream'), 415, FILE_MESSAGES.notImage);
    await refusal(await upload(Buffer.concat([JPEG, Buffer.alloc(EVENT_LIMITS.photoBytes)])), 413, FILE_MESSAGES.tooLarge);
    await refusal(await upload(Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)])), 413, FILE_MESSAGES.tooLarge);
    await refusal(await upload(Buffer.concat([JPEG, Buffer.alloc(30 * 1024 * 1024)])), 413, FILE_MESSAGES.tooLarge);
    expect(readdirSync(filesDir())).toHaveLength(1); // only the first test's photo
  });

  test('an unknown or odd name is a 404 envelope, never a file outside the folder', async () => {
    for (const name of ['0'.repeat(32) + '.png', '..%2Fdb.sqlite', 'db.sqlite']) {
      const res = await fetch(`${gateway.url}/files/local/${name}`);
      expect(res.status).toBe(404);
      expect((await res.json()).ok).toBe(false);
    }
  });

  test('the function calls still take JSON only', async () => {
    const res = await fetch(`${gateway.url}/fn/events`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-dev-user': 'demo-leader' }, body: new Uint8Array(PNG) });
    expect(res.status).toBe(415);
  });
});

describe('the dev clock', () => {
  test('POST /dev/clock shifts the clock the functions read; GET shows it; nonsense is refused', async () => {
    const before = (await (await fetch(`${gateway.url}/dev/clock`)).json()) as { data: { offsetMs: number; now: number } };
    expect(before.data.offsetMs).toBe(0);
    const hour = 3_600_000;
    const set = await fetch(`${gateway.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: 2 * hour }) });
    const after = (await set.json()) as { data: { offsetMs: number; now: number } };
    expect(after.data.offsetMs).toBe(2 * hour);
    expect(after.data.now - Date.now()).toBeGreaterThan(2 * hour - 60_000);
    const bad = await fetch(`${gateway.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: 'soon' }) });
    expect(bad.status).toBe(400);
    await fetch(`${gateway.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: 0 }) });
    expect(existsSync(filesDir())).toBe(true);
  });

  test('shifted, an event three days ahead reaches its check-in window at once', async () => {
    const call = async (action: string, input: object) =>
      (await fetch(`${gateway.url}/fn/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-user': 'demo-leader' },
        body: JSON.stringify({ action, ...input }),
      }).then((r) => r.json())) as { ok: boolean; data?: any; error?: { code: string } };
    const created = await call('create', eventInput(Date.now()));
    const eventId = created.data.events[0].id as string;
    expect(await call('checkInCode', { eventId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const clock = (offsetMs: number) =>
      fetch(`${gateway.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
    await clock(3 * DAY - 10 * 60_000);
    const shown = await call('checkInCode', { eventId });
    expect(shown).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^\d{6}$/) } });
    expect(shown.data.validUntil).toBeGreaterThan(Date.now() + 3 * DAY - 11 * 60_000);
    await clock(0);
  });
});
