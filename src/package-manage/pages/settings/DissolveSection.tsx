import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { MANAGE_LIMITS } from '../../../../types/form-limits';
import type { TGroupDetail } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { NoteSheet } from '../../components/NoteSheet';
import { mintRequestId } from '../../request-id';
import { MANAGE_ROUTES } from '../../routes';
import { startedHere } from '../../../lib/safe-nav';

/** 注销组织 (leader only): reason → one more confirm → 注销报备 for the social worker → its detail page. */
export function DissolveSection({ group }: { group: TGroupDetail }) {
  const requestId = useRef(mintRequestId());
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const send = async (reason: string) => {
    if (sending) return;
    const res = await Taro.showModal({
      title: '确认注销组织',
      content: `提交后由社区社工审核。审核通过后，「${group.name}」将从社团名录中移除，且不能恢复。确定提交注销报备吗？`,
      confirmText: '确认注销',
      cancelText: '再想想',
      confirmColor: '#b3261e',
    }).catch(() => ({ confirm: false }));
    if (!res.confirm) return;
    const origin = startedHere();
    setSending(true);
    setError(undefined);
    try {
      await askNoticeConsent(['filing_decided']); // right after the confirming tap; never blocks the call
      const { filing } = await api.manage.dissolve({ groupId: group.id, requestId: requestId.current, reason });
      setOpen(false);
      void Taro.showToast({ title: '注销报备已提交', icon: 'none', duration: 2000 });
      origin.redirectTo(MANAGE_ROUTES.filingDetail(filing.id));
    } catch (err) {
      if (isApiError(err) && err.fields.reason) setError(err.fields.reason);
      else {
        setOpen(false);
        void Taro.showModal({ title: '没有提交成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <View id='dissolve-section' className='card danger-zone'>
      <View className='danger-zone__title'>注销组织</View>
      <View className='card__meta'>组织不再开展活动时，可以申请注销。需要社区社工审核，通过后组织将从名录中移除。</View>
      <View className='btn-stack'>
        <Button id='btn-dissolve' className='btn btn--danger' disabled={group.hasPendingFiling || undefined} onClick={() => setOpen(true)}>
          {group.hasPendingFiling ? '有报备正在审核，暂不能注销' : '申请注销组织'}
        </Button>
      </View>
      {open ? (
        <NoteSheet
          id='dissolve-sheet'
          title={`注销「${group.name}」`}
          text='请写明注销的原因，社工审核时会看到。'
          label='注销原因'
          placeholder='例如：成员年事已高，协会已长期不开展活动'
          requiredMin={2}
          maxLength={MANAGE_LIMITS.dissolveReason}
          confirmText='提交注销报备'
          danger
          sending={sending}
          error={error}
          onConfirm={(reason) => void send(reason)}
          onCancel={() => !sending && setOpen(false)}
        />
      ) : null}
    </View>
  );
}
