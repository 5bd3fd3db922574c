import { View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import type { TCircleCard } from '../../../types/growth';
import { api } from '../../api';
import { Card } from '../../components/Card';
import { ListFooter } from '../../components/ListFooter';
import { StageTag } from '../../components/StageTag';
import { go, ROUTES } from '../../lib/nav';
import { usePagedList } from '../../lib/usePagedList';

/** 兴趣小组 and groups being incubated: listed apart from the filed groups and saying they are not filed yet. */
export function CircleList({ communityId, reloadKey }: { communityId: string; reloadKey: number }) {
  const fetchPage = useCallback((cursor: string | undefined) => api.growth.circles({ communityId, cursor }), [communityId]);
  const list = usePagedList<TCircleCard>(fetchPage);
  useEffect(() => {
    void list.reload();
  }, [communityId, reloadKey]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!list.loaded || list.items.length === 0) return null;
  return (
    <View id='circle-list'>
      <View className='section-title'>兴趣小组（还未备案）</View>
      <View className='muted directory__circles-hint'>这些小组正在社工的帮助下成长，还没有向社区备案。</View>
      {list.items.map((c) => (
        <Card
          key={c.id}
          id={`circle-${c.id}`}
          className='circle-card'
          title={c.name}
          tags={<StageTag stage={c.stage} />}
          more='查看详情'
          onOpen={() => go(ROUTES.groupDetail(c.id))}
        >
          {c.intro ? <View className='card__intro'>{c.intro}</View> : null}
          <View className='card__meta'>
            成员 {c.memberCount} 人{c.contactName ? `　联系人：${c.contactName}` : ''}
          </View>
        </Card>
      ))}
      <ListFooter list={list} moreId='btn-more-circles' />
    </View>
  );
}
