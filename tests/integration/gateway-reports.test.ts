import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FILE_MESSAGES, reportDownloadName } from '../../scripts/gateway/file-routes';
import { startGateway, type TGateway } from '../../scripts/gateway/server';
import { QUARTERLY_SHEETS } from '../../cloudfunctions/core/reports/quarterly-workbook';
import { sheetNames } from '../support/reports';

/** How H5 gets a report: the function answers a link, the gateway serves the file behind it for ten minutes. */

let gateway: TGateway;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gateway-reports-'));
  gateway = await startGateway({ port: 0, dbFile: path.join(dir, 'db.sqlite'), seed: true });
});
afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportQuarterly(): Promise<{ fileName: string; url: string; fileId: string }> {
  const res = await fetch(`${gateway.url}/fn/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-user': 'demo-social-worker' },
    body: JSON.stringify({ action: 'quarterly', level: 'community', placeId: 'c-tatan', year: 2026, quarter: 1 }),
  });
  const body = (await res.json()) as { ok: boolean; data: { file: { fileName: string; url: string; fileId: string } } };
  expect(body.ok).toBe(true);
  return body.data.file;
}

test('the link serves the workbook as an .xlsx attachment named as the function named it', async () => {
  const file = await exportQuarterly();
  expect(file.fileName).toBe('塔谈社区_2026年第1季度统计报表.xlsx');
  const res = await fetch(`${gateway.url}${file.url}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(await sheetNames(Buffer.from(await res.arrayBuffer()))).toEqual([...QUARTERLY_SHEETS]);
  expect(readdirSync(path.join(dir, 'files', 'reports'))).toEqual([file.fileId.slice('local/reports/'.length)]);
});

test('after ten minutes the link is gone; an unknown or odd name never reaches a file', async () => {
  const file = await exportQuarterly();
  const name = file.fileId.slice('local/reports/'.length);
  const old = (Date.now() - 11 * 60_000) / 1000;
  utimesSync(path.join(dir, 'files', 'reports', name), old, old);
  for (const url of [file.url, `/files/reports/${'0'.repeat(32)}.xlsx`, '/files/reports/..%2F..%2Fdb.sqlite', `/files/reports/${name.replace('.xlsx', '.png')}`]) {
    const res = await fetch(`${gateway.url}${url}`);
    expect([url, res.status]).toEqual([url, 404]);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: FILE_MESSAGES.reportGone } });
  }
});

test('the saved name keeps Chinese and drops what a path or a header could abuse', () => {
  expect(reportDownloadName('塔谈社区_2026年第1季度统计报表.xlsx')).toBe('塔谈社区_2026年第1季度统计报表.xlsx');
  expect(reportDownloadName('../../etc/passwd')).toBe('....etcpasswd.xlsx');
  expect(reportDownloadName('a"\r\nb.xlsx')).toBe('ab.xlsx');
  expect(reportDownloadName(undefined)).toBe('报表.xlsx');
});
