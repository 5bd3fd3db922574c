import ExcelJS from 'exceljs';
import { GROUP_ROLE_LABELS, type TGroupRole } from '../../../types/membership';
import type { TGroupDoc, TMembershipDoc, TSubCommitteeDoc } from '../collections';
import { addNotes, addTable, chinaDate, chinaDateTime, toBuffer } from './sheet-style';

export const ROSTER_SHEETS = ['花名册', '说明'] as const;
export const ROSTER_HEADERS = ['序号', '姓名', '角色', '手机号', '入会日期', '分会'] as const;

const ROLE_ORDER: Record<TGroupRole, number> = { leader: 0, deputy: 1, member: 2 };

/** Leader first, then deputies, then members in the order they joined. */
export function rosterOrder(members: TMembershipDoc[]): TMembershipDoc[] {
  return [...members].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.joinedAt ?? a.requestedAt) - (b.joinedAt ?? b.requestedAt) || a._id.localeCompare(b._id),
  );
}

export interface TRosterMeta {
  group: TGroupDoc;
  generatedAt: number;
  generatedBy: string;
}

/**
 * 会员花名册: the group's active members as the app knows them. Only those who may list the roster with phones
 * (its leader and deputies, its community's staff) ever reach this, so every row carries the phone.
 */
export async function rosterWorkbook(meta: TRosterMeta, members: TMembershipDoc[], subcommittees: TSubCommitteeDoc[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社区云报备';
  wb.created = new Date(meta.generatedAt);
  const ws = addTable(wb, '花名册', [['序号', 6], ['姓名', 12], ['角色', 10], ['手机号', 14], ['入会日期', 12], ['分会', 18]]);
  const subName = new Map(subcommittees.map((s) => [s._id, s.name]));
  rosterOrder(members).forEach((m, i) => {
    const row = ws.addRow([i + 1, m.name, GROUP_ROLE_LABELS[m.role], m.mobile ?? '', m.joinedAt ? chinaDate(m.joinedAt) : '', m.subCommitteeId ? (subName.get(m.subCommitteeId) ?? '') : '']);
    row.getCell(4).numFmt = '@'; // a phone is text: no 1.38E+10
  });
  const { group } = meta;
  addNotes(wb, [
    ['组织名称', group.name],
    ['所属社区', group.communityName],
    ['在册成员', `${members.length}人（在小程序加入的成员）`],
    ['报备成员人数', `${group.memberCount}人`],
    ['导出时间', chinaDateTime(meta.generatedAt)],
    ['导出人', meta.generatedBy],
    ['注意', '本表含成员手机号等个人信息，仅供本组织和社区工作使用，请妥善保管，不要转发或公开。'],
  ]);
  return toBuffer(wb);
}
