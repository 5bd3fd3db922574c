/**
 * Readable Chinese names of audit actions (docs/administration.md). Zod-free, so the audit page (package-admin)
 * imports it without the schemas; the server labels each line with the same words.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'filing:submitted': '提交报备',
  'filing:approved': '通过报备',
  'filing:returned': '退回报备',
  'filing:rejected': '报备不予通过',
  'filing:withdrawn': '撤回报备',
  'community:create': '新建社区',
  'community:rename': '修改社区名称',
  'community:retire': '撤销社区',
  'assignment:add': '分配人员',
  'assignment:end': '结束分配',
  // 代办 and 年度确认 (docs/on-behalf.md)
  'filing:takeover': '负责人接手代办的报备',
  'group:confirmYear': '年度确认',
  // Exports (docs/reports.md)
  'export:quarterly': '导出季度统计报表',
  'export:roster': '导出会员花名册',
};

/** What the person tried, for a refused attempt (`denied:<function>.<action>`). */
export const ATTEMPT_LABELS: Record<string, string> = {
  'filings.decide': '审核报备',
  'filings.get': '查看报备',
  'growth.setStage': '调整阶段',
  'growth.addNote': '记录走访',
  'growth.notes': '查看走访记录',
  'growth.quietGroups': '查看久未活动的组织',
  'growth.partyFacts': '查看党建信息',
  'growth.setPartyFacts': '登记党建信息',
  'growth.overview': '查看社区统计',
  'events.create': '发起活动',
  'base.saveBase': '设置基地',
  'base.saveRoom': '设置房间',
  'base.book': '预订房间',
  'base.bookings': '查看预订',
  'admin.createCommunity': '新建社区',
  'admin.renameCommunity': '修改社区名称',
  'admin.retireCommunity': '撤销社区',
  'admin.assign': '分配人员',
  'admin.unassign': '结束分配',
  'filings.startOnBehalf': '代办报备',
  'filings.submit': '提交代办的报备',
  'growth.unconfirmed': '查看未做年度确认的组织',
  'filings.queue': '查看审核队列',
  'stats.dashboard': '查看数据看板',
  'reports.options': '查看可导出的报表',
  'reports.quarterly': '导出季度统计报表',
  'reports.roster': '导出会员花名册',
  'workbench.groups': '查看社团列表',
  'workbench.group': '查看社团档案',
  'admin.places': '查看区划',
  'admin.staff': '查看人员',
  'admin.audit': '查看操作日志',
};

export function auditActionLabel(action: string): string {
  if (AUDIT_ACTION_LABELS[action]) return AUDIT_ACTION_LABELS[action]!;
  if (action.startsWith('denied:')) {
    const tried = action.slice('denied:'.length);
    return `越权操作被拒绝：${ATTEMPT_LABELS[tried] ?? tried}`;
  }
  if (action.startsWith('export:')) return `导出：${action.slice('export:'.length)}`;
  return action;
}

/** The actions the viewer's filter offers. */
export const AUDIT_FILTER_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);
