import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import type { TJoinForm } from './JoinSheet';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2000 });

async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#b3261e' });
    return res.confirm;
  } catch {
    return false;
  }
}

function failed(err: unknown) {
  void Taro.showModal({ title: '操作没有成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
}

/** 申请加入 / 取消申请 / 退出组织 for the caller; each ends by fetching the group again (counts, status). */
export function useMembership(group: TGroupDetail | null, reload: () => Promise<void>) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const openSheet = () => {
    setErrors({});
    setSheetOpen(true);
  };
  const closeSheet = () => !sending && setSheetOpen(false);

  const join = async (form: TJoinForm) => {
    if (!group || sending) return;
    setSending(true);
    setErrors({});
    try {
      // The leader's decision is a notice; an open group takes the person at once, so there is nothing to ask.
      if (group.joinPolicy !== 'open') await askNoticeConsent(['join_decided']);
      const message = form.message.trim();
      const mobile = form.mobile.trim();
      const { membership } = await api.groups.join({ groupId: group.id, message: message || undefined, mobile: mobile || undefined });
      setSheetOpen(false);
      toast(membership.status === 'active' ? '已加入' : '申请已提交，请等待负责人审核');
      await reload();
    } catch (err) {
      // Field problems (a rejected message, a malformed phone) stay in the sheet next to the field.
      if (isApiError(err) && Object.keys(err.fields).length > 0) {
        const { message, mobile, ...rest } = err.fields;
        setErrors({ message: message ?? '', mobile: mobile ?? '', _: Object.values(rest)[0] ?? (message || mobile ? '' : err.message) });
      } else setErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const run = async (call: () => Promise<unknown>, done: string) => {
    if (!group || sending) return;
    setSending(true);
    try {
      await call();
      toast(done);
    } catch (err) {
      failed(err);
    } finally {
      setSending(false);
      await reload();
    }
  };

  const cancelJoin = async () => {
    if (!group) return;
    if (!(await confirm('取消申请', `确定取消加入「${group.name}」的申请吗？以后还可以再申请。`, '取消申请'))) return;
    await run(() => api.groups.cancelJoin({ groupId: group.id }), '已取消申请');
  };

  const leave = async () => {
    if (!group) return;
    if (!(await confirm('退出组织', `确定退出「${group.name}」吗？退出后需要重新申请才能加入。`, '退出'))) return;
    await run(() => api.groups.leave({ groupId: group.id }), '已退出');
  };

  return { sheetOpen, sending, errors, openSheet, closeSheet, join, cancelJoin, leave };
}
