import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { readWorkbook } from '../support/reports';

/**
 * exceljs inside a deployable bundle: the `reports` function is bundled by esbuild like every function
 * (scripts/build-functions.ts: node20, CommonJS, minified, nothing external), and the workbook code, bundled the same
 * way, writes a real .xlsx in a plain Node process outside the repository (no node_modules to fall back on).
 */
const ROOT = path.join(__dirname, '../..');
const OPTIONS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning' } as const;

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'reports-bundle-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('the reports function bundles exceljs with everything it needs', async () => {
  const result = await build({ ...OPTIONS, entryPoints: [path.join(ROOT, 'cloudfunctions/reports/index.ts')], outfile: path.join(out, 'reports.js'), metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((f) => f.includes('node_modules/exceljs/'))).toBe(true);
  expect(inputs.filter((f) => f.includes('better-sqlite3') || f.endsWith('.node'))).toEqual([]);
}, 60_000);

test('bundled, the quarterly workbook is written in a plain Node process and reads back with exceljs', async () => {
  const entry = path.join(ROOT, 'cloudfunctions/core/reports/quarterly-workbook.ts');
  await build({ ...OPTIONS, entryPoints: [entry], outfile: path.join(out, 'workbook.js') });
  const q = { year: 2026, quarter: 4, label: '2026年第4季度', months: ['202610', '202611', '202612'], from: 0, to: 1 };
  const community = { _id: 'c-tatan', name: '塔谈社区', streetName: '汇通街道' };
  const zero = { circle: 0, incubating: 0, filed: 0, model: 0 };
  const figures = [
    {
      communityId: 'c-tatan',
      communityName: '塔谈社区',
      growth: { filedGroups: 15, modelGroups: 2, circles: 1, incubating: 1, partyBranches: 8, partyMembers: 32, partyLeaders: 5 },
      approved: { initial: 1, change: 2, dissolution: 0 },
      filings: [],
      members: 300,
      byCategory: Object.fromEntries(['culture_sports', 'life_service', 'charity', 'mutual_aid', 'community_affairs', 'other'].map((c) => [c, { stages: zero, members: 0 }])),
      byMonth: q.months.map((month) => ({ month, eventsHeld: 10, attendances: 100, volunteerMinutes: 90 })),
    },
  ];
  const meta = { scope: { level: 'community', placeId: 'c-tatan', placeName: '塔谈社区', communities: [community] }, quarter: q, generatedAt: 0, generatedBy: '刘芳（社工）' };
  const script = path.join(out, 'run.js');
  writeFileSync(
    script,
    `require(${JSON.stringify(path.join(out, 'workbook.js'))}).quarterlyWorkbook(${JSON.stringify(meta)}, ${JSON.stringify(figures)})
      .then((b) => process.stdout.write(b.toString('base64')))
      .catch((e) => { console.error(e); process.exit(1); });`,
  );
  const base64 = execFileSync(process.execPath, [script], { cwd: '/', encoding: 'utf8' });
  const sheets = await readWorkbook(Buffer.from(base64, 'base64'));
  expect(Object.keys(sheets)).toEqual(['汇总', '分类统计', '活动统计', '备案事项', '说明']);
  expect(sheets['汇总']![1]).toEqual(['塔谈社区', '汇通街道', 15, 2, 1, 1, 1, 2, 0, 300, 8, 32, 30, 300, 4.5]);
}, 60_000);
