import { Button, Picker, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TAuditLine } from '../../../../types/admin';
import { AUDIT_ACTION_LABELS, AUDIT_FILTER_ACTIONS } from '../../../../types/audit-labels';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { tappable } from '../../../components/Tappable';
import { useFreshOnShow } from '../../../lib/freshness';
import { usePagedList } from '../../../lib/usePagedList';
import '../../admin.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

interface TFilters {
  actor?: { id: string; name: string };
  entity?: { id: string; name: string };
  auditAction?: string;
}

const ENTITY_NAMES: Record<string, string> = { filing: '报备', community: '社区', user: '人员', group: '组织', room: '房间', base: '基地', street: '街道' };

/** China time, to the minute: 2026-11-29 09:05. */
function when(at: number): string {
  const d = new Date(at + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function AuditCard({ l, onActor, onEntity }: { l: TAuditLine; onActor: () => void; onEntity: () => void }) {
  const record = `${ENTITY_NAMES[l.entity] ?? l.entity} ${l.entity === 'community' && l.placeName ? l.placeName : l.entityId}`;
  return (
    <View id={`audit-${l.id}`} className='card audit-line'>
      <View className='card__title'>{l.actionLabel}</View>
      <View className='adm__line'>
        {when(l.at)}
        {l.placeName ? ` · ${l.placeName}` : ''}
      </View>
      {l.detail ? <View className='adm__line'>{l.detail}</View> : null}
      <View className='adm__link' {...tappable({ role: 'link' })} onClick={onActor}>
        操作人：{l.actorName}
      </View>
      <View />
      <View className='adm__link' {...tappable({ role: 'link' })} onClick={onEntity}>
        记录：{record}
      </View>
    </View>
  );
}

function AuditPageBody() {
  const [filters, setFilters] = useState<TFilters>({});
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.admin.audit({ cursor, actor: filters.actor?.id, entityId: filters.entity?.id, auditAction: filters.auditAction }),
    [filters],
  );
  const list = usePagedList(fetchPage);
  useEffect(() => void list.reload(), [filters]); // eslint-disable-line react-hooks/exhaustive-deps
  useFreshOnShow(() => list.refresh(), { skipFirst: true });
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const actionNames = ['全部操作', ...AUDIT_FILTER_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a]!)];
  const actionIndex = filters.auditAction ? AUDIT_FILTER_ACTIONS.indexOf(filters.auditAction) + 1 : 0;

  let body;
  if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loaded && list.items.length === 0) body = <EmptyState id='audit-empty' text='没有符合条件的记录' />;
  else
    body = (
      <View id='audit-list'>
        {list.items.map((l) => (
          <AuditCard
            key={l.id}
            l={l}
            onActor={() => setFilters((f) => ({ ...f, actor: { id: l.actor, name: l.actorName } }))}
            onEntity={() => setFilters((f) => ({ ...f, entity: { id: l.entityId, name: l.entity === 'community' && l.placeName ? l.placeName : l.entityId } }))}
          />
        ))}
        <ListFooter list={list} />
      </View>
    );

  return (
    <View className='page'>
      <Picker mode='selector' range={actionNames} value={actionIndex} onChange={(e) => setFilters((f) => ({ ...f, auditAction: Number(e.detail.value) === 0 ? undefined : AUDIT_FILTER_ACTIONS[Number(e.detail.value) - 1] }))}>
        <View id='audit-action-filter' className='adm__choice' {...tappable()}>
          操作：{actionNames[actionIndex]}
        </View>
      </Picker>
      <View className='adm__filters'>
        {filters.actor ? (
          <Button id='btn-clear-actor' className='btn btn--ghost' onClick={() => setFilters((f) => ({ ...f, actor: undefined }))}>
            操作人：{filters.actor.name} ✕
          </Button>
        ) : null}
        {filters.entity ? (
          <Button id='btn-clear-entity' className='btn btn--ghost' onClick={() => setFilters((f) => ({ ...f, entity: undefined }))}>
            记录：{filters.entity.name} ✕
          </Button>
        ) : null}
      </View>
      {!filters.actor && !filters.entity ? <View className='adm__line'>点一条记录的「操作人」或「记录」，只看那个人或那条记录。</View> : null}
      {body}
      <DevPanelSlot />
    </View>
  );
}

/** 操作日志: who did what, when, to which record, in the caller's scope; filtered by person, record and action. */
export default function AuditPage() {
  return (
    <PageShell>
      <AuditPageBody />
    </PageShell>
  );
}
