import { reportsFunction } from '../../../types/reports';
import { createHandler } from '../dispatch';
import { quarterlyReport, reportOptions } from '../reports/quarterly';
import { rosterReport } from '../reports/roster';

/** .xlsx exports (docs/reports.md): the quarterly statistics report and a group's 会员花名册. */
export const handleReports = createHandler(reportsFunction, {
  options: reportOptions,
  quarterly: quarterlyReport,
  roster: rosterReport,
});
