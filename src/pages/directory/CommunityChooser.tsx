import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TCommunity } from '../../../types';
import { api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { tappable } from '../../components/Tappable';

interface TCommunityChooserProps {
  currentId?: string;
  onChosen: (community: TCommunity) => void;
  onCancel?: () => void;
  /** What choosing will show (the 活动 tab says 活动, the directory 社团). */
  hint?: string;
}

/** Asks once which community the resident lives in; the server remembers the answer. */
export function CommunityChooser({ currentId, onChosen, onCancel, hint }: TCommunityChooserProps) {
  const [items, setItems] = useState<TCommunity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);

  const load = () => {
    setError(null);
    api.account
      .communities({})
      .then((r) => setItems(r.items))
      .catch((err) => setError(errorMessage(err)));
  };
  useEffect(load, []);

  const choose = async (community: TCommunity) => {
    if (savingId) return;
    setSavingId(community.id);
    try {
      await api.account.setCommunity({ communityId: community.id });
      onChosen(community);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSavingId(null);
    }
  };

  return (
    <View id='community-chooser'>
      <View className='section-title'>请选择您所在的社区</View>
      <View className='muted chooser__hint'>{hint ?? '选好后，这里会显示本社区已报备的社团。以后可以随时切换。'}</View>
      {error ? <ErrorState message={error} onRetry={load} /> : null}
      {!items && !error ? <Loading /> : null}
      <View id='community-list'>
        {(items ?? []).map((c) => (
          <View
            key={c.id}
            id={`community-${c.id}`}
            className={c.id === currentId ? 'card chooser__item chooser__item--current' : 'card chooser__item'}
            onClick={() => void choose(c)}
          >
            <View className='card__title'>{c.name}</View>
            <View className='card__meta'>
              {c.districtName} · {c.streetName}
            </View>
            {savingId === c.id ? <View className='card__meta'>正在保存…</View> : null}
            {c.id === currentId ? <View className='card__meta'>当前社区</View> : null}
          </View>
        ))}
      </View>
      {onCancel ? (
        <View className='btn-stack'>
          <View {...tappable()} className='link chooser__cancel' onClick={onCancel}>
            暂不切换，返回
          </View>
        </View>
      ) : null}
    </View>
  );
}
