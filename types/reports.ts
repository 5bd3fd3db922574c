import { z } from 'zod';
import './validation';
import { defineFunction } from './define';
import { zId } from './fields';
import { REPORT_LEVELS, REPORT_LIMITS } from './report-vocab';
export * from './report-vocab';

/**
 * .xlsx exports (docs/reports.md): the quarterly statistics report for the civil affairs bureau and a group's
 * 会员花名册. Each export is built in the `reports` function, stored in the file store (a local folder served by
 * the gateway; CloudBase cloud storage in production), written to the audit log, and answered as a short-lived
 * link the caller's own app opens.
 */
export const ZReportLevel = z.enum(REPORT_LEVELS, { error: '请选择统计范围（社区、街道或区）' });

export const ZReportFile = z.object({
  /** What the person sees and saves: `塔谈社区_2026年第3季度统计报表.xlsx`. */
  fileName: z.string(),
  /** `local/reports/<32 hex>.xlsx` locally, `cloud://…` in production (Taro.cloud.downloadFile takes it). */
  fileId: z.string(),
  /** A temporary link: relative `/files/reports/…` locally, a CloudBase temporary URL in production. */
  url: z.string(),
  /** When the link stops working (ms); generate again after that. */
  expiresAt: z.number(),
});
export type TReportFile = z.output<typeof ZReportFile>;

/** A place the caller may report on, for the reports page's picker. */
export const ZReportPlace = z.object({ level: ZReportLevel, placeId: z.string(), name: z.string() });
export type TReportPlace = z.output<typeof ZReportPlace>;

export const ZQuarterlyInput = z.strictObject({
  level: ZReportLevel,
  placeId: zId('统计范围'),
  year: z
    .number({ error: '请选择年份' })
    .int('年份请填写整数')
    .min(REPORT_LIMITS.firstYear, `年份不能早于${REPORT_LIMITS.firstYear}年`)
    .max(REPORT_LIMITS.lastYear, `年份不能晚于${REPORT_LIMITS.lastYear}年`),
  quarter: z.number({ error: '请选择季度' }).int('季度请选择第1至第4季度').min(1, '季度请选择第1至第4季度').max(4, '季度请选择第1至第4季度'),
});

export const reportsFunction = defineFunction('reports', {
  /** The places (community / street / district) the caller may report on, and the quarter to offer first. */
  options: {
    input: z.strictObject({}),
    output: z.object({ places: z.array(ZReportPlace), year: z.number(), quarter: z.number() }),
  },
  /** 季度统计报表 of a place in the caller's scope: staff only. */
  quarterly: { input: ZQuarterlyInput, output: z.object({ file: ZReportFile }) },
  /** 会员花名册 of a group (names, roles, phones, 分会): its leader and deputies and its community's staff. */
  roster: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ file: ZReportFile }) },
});
export type TReportsFunction = typeof reportsFunction;
