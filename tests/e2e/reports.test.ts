// The .xlsx exports in the H5 build against the local gateway on a fresh seeded database (docs/reports.md): the social
// worker downloads her community's quarterly report from 我的 → 统计报表, the street officer his street's, and the
// leader of 老年协会 the 会员花名册 from 成员管理. Each download is opened with exceljs: sheets, headers and totals.
// Direct gateway calls only read the counters the report must agree with.
import { QUARTERLY_SHEETS, SUMMARY_HEADERS } from '../../cloudfunctions/core/reports/quarterly-workbook';
import { ROSTER_HEADERS, ROSTER_SHEETS } from '../../cloudfunctions/core/reports/roster-workbook';
import { readWorkbook } from '../support/reports';
import { $, expectLegible, expectNoProblems, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES } from './selectors';
import { useAppSession } from './session';
import { download } from './staff-steps';

jest.setTimeout(240_000);

/** Ids the reports page and the roster button set (src/package-stats). */
const R = {
  mineTile: '#btn-reports',
  places: '#report-places',
  place: (level: string, placeId: string) => `#report-place-${level}-${placeId}`,
  generate: '#btn-generate-report',
  result: '#report-result',
  openAgain: '#btn-open-report',
  exportRoster: '#btn-export-roster',
  rosterTab: '#tab-active',
};

const REPORTS_ROUTE = '/package-stats/pages/reports/index';

const session = useAppSession();

const col = (header: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(header);

interface TOverview {
  filedGroups: number;
  modelGroups: number;
  circles: number;
  incubating: number;
  partyBranches: number;
  partyMembers: number;
}

test('the social worker downloads the quarterly report from 我的, and it opens as a workbook with the counters’ totals', async () => {
  const page = await session.open('demo-social-worker', ROUTES.mine);
  await tap(page, R.mineTile);
  await $(page, R.place('community', 'c-tatan')).waitFor();
  await expect($(page, R.place('street', 's-huitong')).count()).resolves.toBe(0); // only her community
  await screenshot(page, 'reports-1-page');
  await expectLegible(page, 'reports-page');

  const { name, bytes } = await download(page, R.generate);
  await waitForText(page, R.result, name);
  expect(name).toMatch(/^塔谈社区_\d{4}年第[1-4]季度统计报表\.xlsx$/);
  const sheets = await readWorkbook(bytes);
  expect(Object.keys(sheets)).toEqual([...QUARTERLY_SHEETS]);
  const summary = sheets['汇总']!;
  expect(summary[0]).toEqual([...SUMMARY_HEADERS]);
  const row = summary[1]!;
  const { overview } = await session.call<{ overview: TOverview }>('demo-social-worker', 'growth', 'overview', { communityId: 'c-tatan' });
  expect(row[col('社区')]).toBe('塔谈社区');
  expect(row[col('已备案组织（含示范）')]).toBe(overview.filedGroups);
  expect(row[col('其中示范')]).toBe(overview.modelGroups);
  expect(row[col('党支部')]).toBe(overview.partyBranches);
  expect(row[col('党员人数')]).toBe(overview.partyMembers);
  expect([row[col('已备案组织（含示范）')], row[col('党支部')], row[col('党员人数')]]).toEqual([15, 8, 32]); // the story's numbers
  // The categories add up to the filed groups; the months' events to the summary's.
  const categories = sheets['分类统计']!.at(-1)!;
  expect(categories[0]).toBe('合计');
  expect((categories[3] as number) + (categories[4] as number)).toBe(overview.filedGroups);
  const events = sheets['活动统计']!.at(-1)!;
  expect(events.slice(2)).toEqual([row[col('活动场次')], row[col('参与人次')], row[col('志愿服务时长（小时）')]]);
  expect(Object.fromEntries(sheets['说明']!.map((r) => [r[0], r[1]]))['生成人']).toBe('刘芳（社工）');

  // Opening it again within ten minutes downloads the same file without generating another.
  const again = await download(page, R.openAgain);
  expect(again.name).toBe(name);
  expect(again.bytes.equals(bytes)).toBe(true);
  expectNoProblems(page);
});

test('the street officer sees his street and both communities, and the street report adds a 合计 row', async () => {
  const page = await session.open('demo-admin', REPORTS_ROUTE);
  await tap(page, R.place('street', 's-huitong'));
  await $(page, R.place('community', 'c-beijiao')).waitFor();
  const { name, bytes } = await download(page, R.generate);
  expect(name).toMatch(/^汇通街道_\d{4}年第[1-4]季度统计报表\.xlsx$/);
  const summary = (await readWorkbook(bytes))['汇总']!;
  expect(summary.map((r) => r[0])).toEqual(['社区', '北焦社区', '塔谈社区', '合计']);
  for (let i = 2; i < SUMMARY_HEADERS.length - 1; i++) expect(summary[3]![i]).toBe((summary[1]![i] as number) + (summary[2]![i] as number));
  expectNoProblems(page);
});

test('the leader exports 老年协会’s 会员花名册 from 成员管理: names, roles and phones', async () => {
  const page = await session.open('demo-leader', ROUTES.members('g_seed_laonian'));
  await tap(page, R.rosterTab);
  await $(page, R.exportRoster).waitFor();
  await expectLegible(page, 'members-roster-export');
  const { name, bytes } = await download(page, R.exportRoster);
  expect(name).toMatch(/^塔谈社区老年协会_会员花名册_\d{8}\.xlsx$/);
  const sheets = await readWorkbook(bytes);
  expect(Object.keys(sheets)).toEqual([...ROSTER_SHEETS]);
  const rows = sheets['花名册']!;
  expect(rows[0]).toEqual([...ROSTER_HEADERS]);
  expect(rows[1]!.slice(1, 3)).toEqual(['张建国', '负责人']);
  expect(rows.slice(1).every((r) => /^1\d{10}$/.test(String(r[3])))).toBe(true);
  expectNoProblems(page);
});

test('the social worker exports the same roster from her page of the group (孵化基地管理)', async () => {
  const page = await session.open('demo-social-worker', ROUTES.groupGrowth('g_seed_laonian'));
  await $(page, R.exportRoster).waitFor();
  const { name, bytes } = await download(page, R.exportRoster);
  expect(name).toMatch(/^塔谈社区老年协会_会员花名册_\d{8}\.xlsx$/);
  const sheets = await readWorkbook(bytes);
  expect(Object.fromEntries(sheets['说明']!.map((r) => [r[0], r[1]]))['导出人']).toBe('刘芳（社工）');
  expect(sheets['花名册']![1]!.slice(1, 3)).toEqual(['张建国', '负责人']);
  expectNoProblems(page);
});
