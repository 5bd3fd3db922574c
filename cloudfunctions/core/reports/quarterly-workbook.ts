import ExcelJS from 'exceljs';
import { FILING_KIND_LABELS, GROUP_CATEGORIES, GROUP_CATEGORY_LABELS } from '../../../types/domain';
import { GROUP_STAGES, GROUP_STAGE_LABELS } from '../../../types/incubation-vocab';
import { REPORT_LEVEL_LABELS } from '../../../types/report-vocab';
import { emptyCategories, quarterEvents, type TCommunityFigures } from './figures';
import type { TReportScope } from './places';
import { monthLabel, type TQuarter } from './quarter';
import { addNotes, addTable, addTotalRow, chinaDate, chinaDateTime, hours, toBuffer } from './sheet-style';

/** The sheets of the quarterly report, in order (docs/reports.md says what each holds). */
export const QUARTERLY_SHEETS = ['汇总', '分类统计', '活动统计', '备案事项', '说明'] as const;

export const SUMMARY_HEADERS = [
  '社区',
  '所属街道',
  '已备案组织（含示范）',
  '其中示范',
  '兴趣小组',
  '培育中',
  '本季度成立',
  '本季度变更',
  '本季度注销',
  '成员人数',
  '党支部',
  '党员人数',
  '活动场次',
  '参与人次',
  '志愿服务时长（小时）',
] as const;

export interface TQuarterlyMeta {
  scope: TReportScope;
  quarter: TQuarter;
  generatedAt: number;
  /** `刘芳（社工）` */
  generatedBy: string;
}

/** The numbers of one 汇总 row, in SUMMARY_HEADERS order after the two names; volunteer time in minutes. */
function summaryNumbers(f: TCommunityFigures): number[] {
  const e = quarterEvents(f);
  const g = f.growth;
  return [
    g.filedGroups, g.modelGroups, g.circles, g.incubating,
    f.approved.initial, f.approved.change, f.approved.dissolution,
    f.members, g.partyBranches, g.partyMembers,
    e.eventsHeld, e.attendances, e.volunteerMinutes,
  ];
}

const withHours = (numbers: number[]) => [...numbers.slice(0, -1), hours(numbers.at(-1) ?? 0)];
const sumColumns = (rows: number[][]) => rows.reduce((t, r) => t.map((v, i) => v + (r[i] ?? 0)), rows[0]?.map(() => 0) ?? []);

function summarySheet(wb: ExcelJS.Workbook, meta: TQuarterlyMeta, figures: TCommunityFigures[]) {
  const ws = addTable(wb, '汇总', SUMMARY_HEADERS.map((h, i) => [h, i < 2 ? 14 : 11]));
  const streetOf = new Map(meta.scope.communities.map((c) => [c._id, c.streetName]));
  const rows = figures.map(summaryNumbers);
  figures.forEach((f, i) => ws.addRow([f.communityName, streetOf.get(f.communityId) ?? '', ...withHours(rows[i]!)]));
  // A street or district report adds the 合计 the bureau copies; a community report is its own total.
  if (meta.scope.level !== 'community') addTotalRow(ws, ['合计', '', ...withHours(sumColumns(rows))]);
}

function categorySheet(wb: ExcelJS.Workbook, figures: TCommunityFigures[]) {
  const ws = addTable(wb, '分类统计', [['类别', 12], ...GROUP_STAGES.map((s): [string, number] => [GROUP_STAGE_LABELS[s], 10]), ['组织合计', 10], ['成员人数', 10]]);
  const total = emptyCategories();
  for (const f of figures) {
    for (const c of GROUP_CATEGORIES) {
      for (const s of GROUP_STAGES) total[c].stages[s] += f.byCategory[c].stages[s];
      total[c].members += f.byCategory[c].members;
    }
  }
  const rows = GROUP_CATEGORIES.map((c) => {
    const stages = GROUP_STAGES.map((s) => total[c].stages[s]);
    return [...stages, stages.reduce((a, b) => a + b, 0), total[c].members];
  });
  GROUP_CATEGORIES.forEach((c, i) => ws.addRow([GROUP_CATEGORY_LABELS[c], ...rows[i]!]));
  addTotalRow(ws, ['合计', ...sumColumns(rows)]);
}

function eventSheet(wb: ExcelJS.Workbook, quarter: TQuarter, figures: TCommunityFigures[]) {
  const ws = addTable(wb, '活动统计', [['月份', 12], ['社区', 14], ['活动场次', 10], ['参与人次', 10], ['志愿服务时长（小时）', 12]]);
  let total = [0, 0, 0];
  quarter.months.forEach((month, i) => {
    for (const f of figures) {
      const m = f.byMonth[i]!;
      ws.addRow([monthLabel(month), f.communityName, m.eventsHeld, m.attendances, hours(m.volunteerMinutes)]);
      total = [total[0]! + m.eventsHeld, total[1]! + m.attendances, total[2]! + m.volunteerMinutes];
    }
  });
  addTotalRow(ws, ['合计', '', total[0]!, total[1]!, hours(total[2]!)]);
}

function filingSheet(wb: ExcelJS.Workbook, figures: TCommunityFigures[]) {
  const ws = addTable(wb, '备案事项', [['社区', 14], ['组织名称', 28], ['类型', 12], ['变更事项', 24], ['通过日期', 12]]);
  const all = figures.flatMap((f) => f.filings).sort((a, b) => a.decidedAt - b.decidedAt);
  for (const f of all) ws.addRow([f.communityName, f.groupName, FILING_KIND_LABELS[f.kind], f.changed.join('、'), chinaDate(f.decidedAt)]);
  if (all.length === 0) ws.addRow(['本季度没有通过的备案事项']);
}

export async function quarterlyWorkbook(meta: TQuarterlyMeta, figures: TCommunityFigures[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社区云报备';
  wb.created = new Date(meta.generatedAt);
  summarySheet(wb, meta, figures);
  categorySheet(wb, figures);
  eventSheet(wb, meta.quarter, figures);
  filingSheet(wb, figures);
  const { scope, quarter } = meta;
  addNotes(wb, [
    ['报表', '社区社会组织季度统计报表'],
    ['统计范围', `${scope.placeName}（${REPORT_LEVEL_LABELS[scope.level]}，${scope.communities.length}个社区：${scope.communities.map((c) => c.name).join('、')}）`],
    ['统计季度', quarter.label],
    ['统计期间', `${chinaDate(quarter.from)} 至 ${chinaDate(quarter.to - 1)}`],
    ['生成时间', chinaDateTime(meta.generatedAt)],
    ['生成人', meta.generatedBy],
    ['现状数字', '组织数（按阶段、类别）、成员人数、党支部和党员人数是生成时的现状。'],
    ['季度数字', '成立、变更、注销是本季度内审核通过的报备；活动场次、参与人次和志愿服务时长按活动开始时间计入月份，以活动记录为准。'],
    ['成员人数', '已备案组织（含示范）报备的成员人数加上在小程序加入的成员。'],
  ]);
  return toBuffer(wb);
}
