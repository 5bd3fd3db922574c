import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { C, type TGrowthStatDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import { communityStatId } from '../../cloudfunctions/core/events/stats';
import { localFileStore } from '../../cloudfunctions/core/files/local-files';
import { countsOf, growthStatId, recountGrowth } from '../../cloudfunctions/core/growth/counters';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { quarterOf } from '../../cloudfunctions/core/reports/quarter';
import { QUARTERLY_SHEETS, SUMMARY_HEADERS } from '../../cloudfunctions/core/reports/quarterly-workbook';
import { ROSTER_HEADERS, ROSTER_SHEETS } from '../../cloudfunctions/core/reports/roster-workbook';
import { GROUP_CATEGORIES, GROUP_CATEGORY_LABELS } from '../../types/domain';
import { talliesOf } from '../../cloudfunctions/core/stats/group-tallies';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';
import { readWorkbook, sheetNames } from '../support/reports';

/**
 * The .xlsx exports (docs/reports.md), generated in-process as each role and read back with exceljs: the sheets,
 * the headers, totals equal to the counters, who may export what, the audit line, and refusals that write nothing.
 * The test clock is 2026-11-28, in 2026年第4季度.
 */

const WORKER = 'demo-social-worker';
const ADMIN = 'demo-admin';
const LAONIAN = 'g_seed_laonian';
const Q4 = { year: 2026, quarter: 4 };

let app: TTestApp;
let files: ReturnType<typeof localFileStore>;

beforeEach(async () => {
  files = localFileStore(mkdtempSync(path.join(tmpdir(), 'ccf-reports-')));
  app = await createTestApp({ ports: { files } });
});
afterEach(() => app.close());

const reportFiles = () => {
  try {
    return readdirSync(path.join(files.dir(), 'reports'));
  } catch {
    return [];
  }
};
const bytesOf = (fileId: string) => readFileSync(files.reportPathOf(fileId.replace('local/reports/', ''))!);
const auditLines = async (action: string) =>
  ((await app.store.collection(C.audit).find({ where: { action }, limit: 100 })).items as Array<Record<string, unknown>>).sort(
    (a, b) => (a.at as number) - (b.at as number) || String(a.actor).localeCompare(String(b.actor)) || String(a.entityId).localeCompare(String(b.entityId)),
  );

async function quarterly(as: string, input: Record<string, unknown>) {
  const { file } = await app.ok(as, 'reports', 'quarterly', input as never);
  return { file, sheets: await readWorkbook(bytesOf(file.fileId)), names: await sheetNames(bytesOf(file.fileId)) };
}

/** The 汇总 figures the counters hold for one community in Q4 2026. */
async function countersOf(communityId: string) {
  const growth = countsOf(await app.store.collection<TGrowthStatDoc>(C.growthstats).get(growthStatId(communityId)));
  const months = await Promise.all(quarterOf(2026, 4).months.map((m) => app.store.collection<TStatDoc>(C.stats).get(communityStatId(communityId, m))));
  const sum = (k: 'eventsHeld' | 'attendances' | 'volunteerMinutes') => months.reduce((t, m) => t + (m?.[k] ?? 0), 0);
  return { growth, eventsHeld: sum('eventsHeld'), attendances: sum('attendances'), volunteerMinutes: sum('volunteerMinutes') };
}

const col = (header: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(header);

describe('quarterly report', () => {
  test('a community report: the expected sheets and headers, and each figure equals its counter and a recount', async () => {
    const { file, sheets, names } = await quarterly(WORKER, { level: 'community', placeId: 'c-tatan', ...Q4 });
    expect(file.fileName).toBe('塔谈社区_2026年第4季度统计报表.xlsx');
    expect(file.url).toMatch(/^\/files\/reports\/[a-f0-9]{32}\.xlsx\?name=/);
    expect(file.expiresAt).toBe(app.clock.now() + 10 * 60_000);
    expect(names).toEqual([...QUARTERLY_SHEETS]);

    const summary = sheets['汇总']!;
    expect(summary[0]).toEqual([...SUMMARY_HEADERS]);
    expect(summary).toHaveLength(2); // one community, no 合计 row
    const row = summary[1]!;
    const counters = await countersOf('c-tatan');
    const recount = await recountGrowth(app.store, 'c-tatan');
    expect(recount).toEqual(counters.growth);
    expect(row[col('社区')]).toBe('塔谈社区');
    expect(row[col('已备案组织（含示范）')]).toBe(counters.growth.filedGroups);
    expect(row[col('其中示范')]).toBe(counters.growth.modelGroups);
    expect(row[col('兴趣小组')]).toBe(counters.growth.circles);
    expect(row[col('培育中')]).toBe(counters.growth.incubating);
    expect(row[col('党支部')]).toBe(counters.growth.partyBranches);
    expect(row[col('党员人数')]).toBe(counters.growth.partyMembers);
    expect(row[col('活动场次')]).toBe(counters.eventsHeld);
    expect(row[col('参与人次')]).toBe(counters.attendances);
    expect(row[col('志愿服务时长（小时）')]).toBe(Math.round((counters.volunteerMinutes / 60) * 10) / 10);
    // The story's numbers (the demo seed): 15 filed groups, 8 Party branches, 32 Party members.
    expect([row[col('已备案组织（含示范）')], row[col('党支部')], row[col('党员人数')]]).toEqual([15, 8, 32]);

    // 分类统计: the categories' groups add up to the stage counters, and their members to 汇总's.
    const categories = sheets['分类统计']!;
    expect(categories[0]).toEqual(['类别', '兴趣小组', '培育中', '已备案', '示范', '组织合计', '成员人数']);
    expect(categories.slice(1, -1).map((r) => r[0])).toEqual(Object.values(GROUP_CATEGORY_LABELS));
    const total = categories.at(-1)!;
    expect(total[0]).toBe('合计');
    expect(total[1]).toBe(counters.growth.circles);
    expect(total[2]).toBe(counters.growth.incubating);
    expect((total[3] as number) + (total[4] as number)).toBe(counters.growth.filedGroups);
    expect(total[4]).toBe(counters.growth.modelGroups);
    // The scan by category agrees with the dashboards' tallies kept in the same counter document.
    const tallies = talliesOf(await app.store.collection<TGrowthStatDoc>(C.growthstats).get(growthStatId('c-tatan')));
    expect(total[6]).toBe(row[col('成员人数')]);
    expect(row[col('成员人数')]).toBe(tallies.members);
    expect(categories.slice(1, -1).map((r) => (r[3] as number) + (r[4] as number))).toEqual(GROUP_CATEGORIES.map((c) => tallies.categories[c]));

    // 活动统计: three months and a total equal to 汇总's.
    const events = sheets['活动统计']!;
    expect(events[0]).toEqual(['月份', '社区', '活动场次', '参与人次', '志愿服务时长（小时）']);
    expect(events.slice(1, -1).map((r) => r[0])).toEqual(['2026年10月', '2026年11月', '2026年12月']);
    expect(events.at(-1)!.slice(2)).toEqual([row[col('活动场次')], row[col('参与人次')], row[col('志愿服务时长（小时）')]]);

    const notes = Object.fromEntries(sheets['说明']!.map((r) => [r[0], r[1]]));
    expect(notes['统计季度']).toBe('2026年第4季度');
    expect(notes['统计期间']).toBe('2026-10-01 至 2026-12-31');
    expect(notes['生成人']).toBe('刘芳（社工）');
  });

  test('a filing approved in the quarter is counted and listed; the export is written to the audit log without personal data', async () => {
    const before = (await quarterly(WORKER, { level: 'community', placeId: 'c-tatan', ...Q4 })).sheets['汇总']![1]!;
    const draft = await app.ok('demo-leader', 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields({ name: '塔谈社区书法社' }) });
    await app.ok('demo-leader', 'filings', 'submit', { filingId: draft.filing.id });
    await app.ok(WORKER, 'filings', 'decide', { filingId: draft.filing.id, decision: 'approve' });

    const { sheets } = await quarterly(WORKER, { level: 'community', placeId: 'c-tatan', ...Q4 });
    const after = sheets['汇总']![1]!;
    expect(after[col('本季度成立')]).toBe((before[col('本季度成立')] as number) + 1);
    expect(after[col('已备案组织（含示范）')]).toBe((before[col('已备案组织（含示范）')] as number) + 1);
    expect(after[col('成员人数')]).toBe((before[col('成员人数')] as number) + completeFields().memberCount);
    expect(sheets['备案事项']!.find((r) => r[1] === '塔谈社区书法社')).toEqual(['塔谈社区', '塔谈社区书法社', '成立报备', '', '2026-11-28']);

    const lines = await auditLines('export:quarterly');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ entity: 'community', entityId: 'c-tatan', communityId: 'c-tatan', actor: WORKER, detail: '塔谈社区 2026年第4季度' });
  });

  test('a street report: one row per community and a 合计 row that is their sum', async () => {
    const { sheets } = await quarterly(ADMIN, { level: 'street', placeId: 's-huitong', ...Q4 });
    const summary = sheets['汇总']!;
    expect(summary.map((r) => r[0])).toEqual(['社区', '北焦社区', '塔谈社区', '合计']);
    const [, beijiao, tatan, total] = summary as [unknown[], unknown[], unknown[], unknown[]];
    for (let i = 2; i < SUMMARY_HEADERS.length - 1; i++) expect(total[i]).toBe((beijiao[i] as number) + (tatan[i] as number));
    const tatanCounters = await countersOf('c-tatan');
    expect(tatan[col('已备案组织（含示范）')]).toBe(tatanCounters.growth.filedGroups);
    expect(sheets['说明']!.find((r) => r[0] === '统计范围')![1]).toBe('汇通街道（街道，2个社区：北焦社区、塔谈社区）');
    const events = sheets['活动统计']!;
    expect(events).toHaveLength(1 + 3 * 2 + 1);
  });

  test('outside the scope: refused (FORBIDDEN), the attempt is logged, no file is written', async () => {
    const refusals: Array<[string, Record<string, unknown>]> = [
      [WORKER, { level: 'street', placeId: 's-huitong', ...Q4 }], // a social worker of one of its two communities
      [WORKER, { level: 'community', placeId: 'c-youyi', ...Q4 }],
      ['officer-zhentou', { level: 'community', placeId: 'c-tatan', ...Q4 }],
      [ADMIN, { level: 'district', placeId: 'd-qiaoxi', ...Q4 }], // 友谊社区 is outside 汇通街道
      [WORKER, { level: 'community', placeId: 'c-nowhere', ...Q4 }],
    ];
    // Someone who is not staff is refused too, but that is no cross-scope attempt: no line.
    const resident = await app.call('demo-leader', 'reports', 'quarterly', { level: 'community', placeId: 'c-tatan', ...Q4 });
    expect(resident.ok ? 'ok' : resident.error.code).toBe('FORBIDDEN');
    for (const [who, input] of refusals) {
      const result = await app.call(who, 'reports', 'quarterly', input as never);
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
    expect(reportFiles()).toEqual([]);
    const denied = await auditLines('denied:reports.quarterly');
    const sorted = (pairs: unknown[][]) => pairs.map((p) => p.join(' ')).sort();
    expect(sorted(denied.map((l) => [l.actor, l.entityId]))).toEqual(sorted(refusals.map(([who, input]) => [who, input.placeId])));
    expect(await auditLines('export:quarterly')).toEqual([]);
  });

  test('a bad or future quarter: a Chinese VALIDATION_FAILED on the field, nothing written', async () => {
    const bad = await app.call(WORKER, 'reports', 'quarterly', { level: 'community', placeId: 'c-tatan', year: 2026, quarter: 5 });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED', fields: { quarter: '季度请选择第1至第4季度' } }) });
    const future = await app.call(WORKER, 'reports', 'quarterly', { level: 'community', placeId: 'c-tatan', year: 2027, quarter: 2 });
    expect(future).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED', fields: { quarter: '2027年第2季度还没有开始，请选择已经开始的季度' } }) });
    const level = await app.call(WORKER, 'reports', 'quarterly', { level: 'city', placeId: 'c-tatan', ...Q4 } as never);
    expect(level.ok ? null : level.error.fields).toEqual({ level: '请选择统计范围（社区、街道或区）' });
    expect(reportFiles()).toEqual([]);
    expect(await app.store.collection(C.audit).find({ where: { entityId: 'c-tatan' }, limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  test('the picker offers the places in scope: a street officer their street and its communities, a social worker their community', async () => {
    expect((await app.ok(WORKER, 'reports', 'options', {})).places).toEqual([{ level: 'community', placeId: 'c-tatan', name: '塔谈社区' }]);
    const admin = await app.ok(ADMIN, 'reports', 'options', {});
    expect(admin).toEqual({
      places: [
        { level: 'street', placeId: 's-huitong', name: '汇通街道' },
        { level: 'community', placeId: 'c-beijiao', name: '北焦社区' },
        { level: 'community', placeId: 'c-tatan', name: '塔谈社区' },
      ],
      year: 2026,
      quarter: 4,
    });
    expect((await app.ok('demo-resident', 'reports', 'options', {})).places).toEqual([]);
  });

  test('the district officer’s report covers every community of the district', async () => {
    // demo-district (王丽) is the officer of 桥西区, assigned to the district as a whole.
    const { sheets } = await quarterly('demo-district', { level: 'district', placeId: 'd-qiaoxi', ...Q4 });
    expect(sheets['汇总']!.map((r) => r[0])).toEqual(['社区', '北焦社区', '塔谈社区', '友谊社区', '合计']);
  });
});

describe('member roster', () => {
  const members = async () =>
    (await app.ok('demo-leader', 'manage', 'members', { groupId: LAONIAN, status: 'active' })).items;

  test('the leader exports it: every active member with role, phone, joined date and 分会; the audit line names the group only', async () => {
    const { file } = await app.ok('demo-leader', 'reports', 'roster', { groupId: LAONIAN });
    expect(file.fileName).toBe('塔谈社区老年协会_会员花名册_20261128.xlsx');
    const bytes = bytesOf(file.fileId);
    expect(await sheetNames(bytes)).toEqual([...ROSTER_SHEETS]);
    const rows = (await readWorkbook(bytes))['花名册']!;
    expect(rows[0]).toEqual([...ROSTER_HEADERS]);
    const listed = await members();
    expect(rows).toHaveLength(listed.length + 1);
    expect(rows[1]!.slice(1, 3)).toEqual(['张建国', '负责人']);
    for (const m of listed) {
      const row = rows.find((r) => r[1] === m.name)!;
      expect(row[3]).toBe(m.mobile ?? null);
    }
    expect(rows.slice(1).every((r) => typeof r[3] === 'string' && /^1\d{10}$/.test(r[3] as string))).toBe(true);
    expect(rows.some((r) => typeof r[5] === 'string' && (r[5] as string).length > 0)).toBe(true); // 老年协会 has 分会

    const [line] = await auditLines('export:roster');
    expect(line).toMatchObject({ entity: 'group', entityId: LAONIAN, communityId: 'c-tatan', actor: 'demo-leader', detail: '塔谈社区老年协会' });
  });

  test('the deputy and the community’s staff may export it; a member, a resident and staff elsewhere get NOT_FOUND and no file', async () => {
    for (const who of ['seed-deputy-laonian', WORKER, ADMIN]) await app.ok(who, 'reports', 'roster', { groupId: LAONIAN });
    const written = reportFiles().length;
    for (const who of ['seed-member-1', 'demo-resident', 'seed-leader-langsong', 'sw-youyi', 'officer-zhentou']) {
      const result = await app.call(who, 'reports', 'roster', { groupId: LAONIAN });
      expect([who, result.ok ? 'ok' : result.error.code]).toEqual([who, 'NOT_FOUND']);
    }
    expect(reportFiles()).toHaveLength(written);
    expect((await auditLines('denied:reports.roster')).map((l) => l.actor).sort()).toEqual(['officer-zhentou', 'sw-youyi']);
  });

  test('a deputy removed from the group can no longer export it', async () => {
    await app.ok('demo-leader', 'manage', 'removeMember', { membershipId: membershipIdFor(LAONIAN, 'seed-deputy-laonian') });
    const result = await app.call('seed-deputy-laonian', 'reports', 'roster', { groupId: LAONIAN });
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });
});
