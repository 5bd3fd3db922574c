import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { api, errorMessage } from '../../../api';
import { FieldError } from '../../../components/FieldError';

/**
 * 年度确认 (docs/on-behalf.md): once a year the leader or a deputy says the filed record is still true, or files a
 * change instead (an approved change counts as confirmed). Shown only for a filed group.
 */
export function AnnualSection({ group, onConfirmed, onFileChange }: { group: TGroupDetail; onConfirmed: (g: TGroupDetail) => void; onFileChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const annual = group.annual;
  if (!annual) return null;

  const confirm = async () => {
    const { confirm: yes } = await Taro.showModal({
      title: `${annual.year} 年度确认`,
      content: '确认组织名称、负责人、章程、活动场所等备案信息仍然属实？',
      confirmText: '信息属实',
      cancelText: '再看看',
    });
    if (!yes) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.manage.confirmYear({ groupId: group.id });
      onConfirmed({ ...group, annual: res.annual });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (annual.confirmed) {
    return (
      <View id='annual-confirmed' className='card settings__annual' role='status'>
        <View className='notice__text'>{`${annual.year} 年度确认：已确认备案信息属实`}</View>
      </View>
    );
  }
  return (
    <View id='annual-section' className='card settings__annual'>
      <View className='notice__title'>{`${annual.year} 年度确认`}</View>
      <View className='notice__text'>每年确认一次备案信息仍然属实；信息有变化的，请提交变更报备（审核通过即视为已确认）。</View>
      <Button id='btn-confirm-year' className='btn btn--primary' disabled={busy} onClick={() => void confirm()}>
        年度确认：信息属实
      </Button>
      <Button id='btn-annual-change' className='btn btn--plain' onClick={onFileChange}>
        信息有变化，去提交变更报备
      </Button>
      <FieldError message={error ?? undefined} />
    </View>
  );
}
