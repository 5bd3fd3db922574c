import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TGroupDetail, TMemberRow } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { MANAGE_ROUTES } from '../../routes';
import type { TMemberList } from '../../useMemberList';
import { startedHere } from '../../../lib/safe-nav';

export type TMemberSheet = { kind: 'decline' | 'remove' | 'assign'; row: TMemberRow } | null;

interface TDeps {
  group: TGroupDetail | null;
  pending: TMemberList;
  roster: TMemberList;
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2000 });

async function confirm(title: string, content: string, confirmText: string, danger = false): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: danger ? '#b3261e' : '#1f5fad' });
    return res.confirm;
  } catch {
    return false;
  }
}

function failed(err: unknown, list: TMemberList) {
  void Taro.showModal({ title: '操作没有成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
  // The row may have changed under us (decided by a deputy, left the group): show the server's truth.
  if (isApiError(err, 'INVALID_STATE') || isApiError(err, 'NOT_FOUND') || isApiError(err, 'CONFLICT')) void list.reload();
}

/** Every action on a member row: confirm, call `manage`, patch the row in place, toast. */
export function useMemberActions({ group, pending, roster }: TDeps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<TMemberSheet>(null);
  const [sending, setSending] = useState(false);
  const [sheetError, setSheetError] = useState<string | undefined>();
  const isLeader = group?.myMembership?.role === 'leader';

  const openSheet = (next: TMemberSheet) => {
    setSheetError(undefined);
    setSheet(next);
  };
  const closeSheet = () => !sending && setSheet(null);

  /** Runs one call for a row; errors about the note stay in the open sheet, the rest become a modal. */
  const run = async (row: TMemberRow, list: TMemberList, call: () => Promise<{ member: TMemberRow }>, done: string) => {
    setBusyId(row.id);
    setSending(true);
    try {
      const { member } = await call();
      list.put(member);
      setSheet(null);
      toast(done);
      return member;
    } catch (err) {
      if (isApiError(err) && err.fields.note) setSheetError(err.fields.note);
      else {
        setSheet(null);
        failed(err, list);
      }
      return null;
    } finally {
      setBusyId(null);
      setSending(false);
    }
  };

  /** Only the leader is told of new applications: each decision is the moment to allow the next notice. */
  const askForNextRequest = () => (isLeader ? askNoticeConsent(['join_requested']) : Promise.resolve());

  const approve = async (row: TMemberRow) => {
    if (busyId) return;
    await askForNextRequest();
    if (!(await confirm('同意入会', `同意「${row.name}」加入本组织？`, '同意'))) return;
    const member = await run(row, pending, () => api.manage.decideJoin({ membershipId: row.id, decision: 'approve' }), `已同意${row.name}加入`);
    if (member && roster.loaded) void roster.reload();
  };

  const decline = async (row: TMemberRow, note: string) => {
    await askForNextRequest();
    return run(row, pending, () => api.manage.decideJoin({ membershipId: row.id, decision: 'decline', note: note || undefined }), '已拒绝该申请');
  };

  const remove = (row: TMemberRow, note: string) =>
    run(row, roster, () => api.manage.removeMember({ membershipId: row.id, note: note || undefined }), `已将${row.name}移出`);

  const assign = (row: TMemberRow, subCommitteeId: string | null) => {
    if (subCommitteeId === row.subCommitteeId) return setSheet(null);
    const name = group?.subCommittees.find((s) => s.id === subCommitteeId)?.name;
    return run(row, roster, () => api.manage.assignSubCommittee({ membershipId: row.id, subCommitteeId }), name ? `已安排到${name}` : '已移出分会');
  };

  const toggleDeputy = async (row: TMemberRow) => {
    const appoint = row.role !== 'deputy';
    const ok = appoint
      ? await confirm('设为副负责人', `设「${row.name}」为副负责人？副负责人可以审核入会申请、管理成员。`, '确定')
      : await confirm('取消副负责人', `取消「${row.name}」的副负责人身份？TA 仍是本组织成员。`, '确定');
    if (ok) await run(row, roster, () => api.manage.setDeputy({ membershipId: row.id, deputy: appoint }), appoint ? '已设为副负责人' : '已取消副负责人');
  };

  const startAssign = async (row: TMemberRow) => {
    if (group && group.subCommittees.length > 0) return openSheet({ kind: 'assign', row });
    if (!group) return;
    const origin = startedHere();
    if (await confirm('还没有分会', '请先在「组织管理」中新增分会，再安排成员。', '去新增')) {
      origin.navigateTo(MANAGE_ROUTES.settings(group.id));
    }
  };

  const startRemove = async (row: TMemberRow) => {
    if (await confirm('移出组织', `确定将「${row.name}」移出本组织吗？移出后 TA 需要重新申请才能加入。`, '移出', true)) {
      openSheet({ kind: 'remove', row });
    }
  };

  /** 操作 on a roster row: only what the caller may do to that person is offered. */
  const openActions = async (row: TMemberRow) => {
    if (busyId) return;
    const items: { label: string; act: () => unknown }[] = [];
    if (isLeader && row.role !== 'leader') {
      items.push({ label: row.role === 'deputy' ? '取消副负责人' : '设为副负责人', act: () => toggleDeputy(row) });
    }
    items.push({ label: '安排到分会…', act: () => startAssign(row) });
    if (row.role === 'member' || (row.role === 'deputy' && isLeader)) items.push({ label: '移出组织', act: () => startRemove(row) });
    try {
      const res = await Taro.showActionSheet({ itemList: items.map((i) => i.label), itemColor: '#1a1a1a' });
      void items[res.tapIndex]?.act();
    } catch {
      // Cancelled.
    }
  };

  return {
    busyId,
    sheet,
    sending,
    sheetError,
    approve,
    startDecline: (row: TMemberRow) => openSheet({ kind: 'decline', row }),
    decline,
    remove,
    assign,
    openActions,
    closeSheet,
  };
}
