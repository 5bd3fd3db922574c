import { Button, Input, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TAssignmentView, TDistrictNode, TStaffRow } from '../../../../types/admin';
import type { TPlaceLevel } from '../../../../types/domain';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { fieldA11y, FormField } from '../../../components/FormField';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { Sheet } from '../../../components/Sheet';
import { tappable } from '../../../components/Tappable';
import { NO_CUT } from '../../../lib/field-limits';
import { useFreshOnShow } from '../../../lib/freshness';
import { usePagedList } from '../../../lib/usePagedList';
import { useSend } from '../../../lib/useSend';
import '../../admin.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** A place the caller may assign people to: a community (a social worker) or, for the district's officer, a street. */
interface TTarget {
  level: TPlaceLevel;
  placeId: string;
  label: string;
}

function targetsOf(districts: TDistrictNode[]): TTarget[] {
  return districts.flatMap((d) =>
    d.streets.flatMap((s) => [
      ...(s.canAssignOfficers ? [{ level: 'street' as const, placeId: s.id, label: `${s.name}（街道管理员）` }] : []),
      ...s.communities.filter((c) => c.canManage && c.retiredAt === null).map((c) => ({ level: 'community' as const, placeId: c.id, label: `${c.name}（社工）` })),
    ]),
  );
}

function StaffCard({ p, onEnd }: { p: TStaffRow; onEnd: (a: TAssignmentView) => void }) {
  return (
    <View id={`staff-${p.openid}`} className='card'>
      <View className='card__title'>{p.displayName}</View>
      <View className='adm__line'>人员编号：{p.openid}</View>
      {p.assignments.map((a) => (
        <View key={`${a.level}:${a.placeId}`} className='adm__line'>
          {a.levelLabel} · {a.placeName}
          {a.canUnassign ? (
            <Button id={`btn-unassign-${p.openid}-${a.placeId}`} className='btn btn--plain' onClick={() => onEnd(a)}>
              结束在{a.placeName}的分配
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

function StaffPageBody() {
  const fetchPage = useCallback((cursor: string | undefined) => api.admin.staff({ cursor }), []);
  const list = usePagedList(fetchPage);
  const [targets, setTargets] = useState<TTarget[] | null>(null);
  const [form, setForm] = useState<{ openid: string; target: TTarget | null } | null>(null);
  const { sending, errors, setErrors, send } = useSend();

  const loadTargets = useCallback(async () => {
    try {
      setTargets(targetsOf((await api.admin.places({})).districts));
    } catch {
      setTargets([]);
    }
  }, []);
  useEffect(() => {
    void list.reload();
    void loadTargets();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useFreshOnShow(() => list.refresh(), { skipFirst: true });
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const assign = async () => {
    if (!form) return;
    const openid = form.openid.trim();
    if (!openid) return setErrors({ openid: '请填写人员编号' });
    if (!form.target) return setErrors({ placeId: '请选择分配到哪里' });
    const target = form.target;
    const { confirm } = await Taro.showModal({ title: '分配人员', content: `把人员编号 ${openid} 分配到${target.label}？`, confirmText: '分配' });
    if (!confirm) return;
    const ok = await send(() => api.admin.assign({ openid, level: target.level, placeId: target.placeId }));
    if (ok) {
      setForm(null);
      void Taro.showToast({ title: `已分配${ok.person.displayName}`, icon: 'success' });
      await list.reload();
    }
  };
  const end = async (p: TStaffRow, a: TAssignmentView) => {
    const { confirm } = await Taro.showModal({ title: '结束分配', content: `结束${p.displayName}在${a.placeName}的分配？结束后他（她）不再能处理那里的事务。`, confirmText: '结束分配' });
    if (!confirm) return;
    try {
      await api.admin.unassign({ openid: p.openid, level: a.level, placeId: a.placeId });
      void Taro.showToast({ title: '已结束分配', icon: 'success' });
      await list.reload();
    } catch (err) {
      void Taro.showModal({ title: '没有结束分配', content: errorMessage(err), showCancel: false });
    }
  };

  let body;
  if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loaded && list.items.length === 0) body = <EmptyState id='staff-empty' text='您的范围内还没有分配人员' />;
  else
    body = (
      <View id='staff-list'>
        {list.items.map((p) => (
          <StaffCard key={p.openid} p={p} onEnd={(a) => void end(p, a)} />
        ))}
        <ListFooter list={list} />
      </View>
    );

  return (
    <View className='page'>
      {targets && targets.length > 0 ? (
        <Button id='btn-assign' className='btn btn--primary' onClick={() => { setErrors({}); setForm({ openid: '', target: null }); }}>
          分配人员
        </Button>
      ) : null}
      <View className='section-title'>我范围内的人员</View>
      {body}
      {form ? (
        <Sheet id='assign-sheet' title='分配人员' busy={sending} onClose={() => setForm(null)}>
          <FormField id='assign-openid' label='人员编号' required error={errors.openid} hint='对方需先打开一次小程序；人员编号见人员卡片或操作日志'>
            <Input
              className='input'
              value={form.openid}
              maxlength={NO_CUT}
              {...fieldA11y('人员编号')}
              placeholder='人员编号'
              placeholderClass='placeholder'
              onInput={(e) => {
                const openid = e.detail.value;
                setForm((f) => (f ? { ...f, openid } : f));
                setErrors({});
              }}
            />
          </FormField>
          <View className='adm__line'>分配到：</View>
          {(targets ?? []).map((t) => {
            const on = form.target?.placeId === t.placeId && form.target.level === t.level;
            return (
              <View
                key={`${t.level}:${t.placeId}`}
                id={`target-${t.placeId}`}
                className={`adm__choice${on ? ' adm__choice--on' : ''}`}
                {...tappable({ role: 'radio', selected: on })}
                onClick={() => setForm((f) => (f ? { ...f, target: t } : f))}
              >
                {on ? '✓ ' : ''}
                {t.label}
              </View>
            );
          })}
          <FieldError message={errors.placeId ?? errors.level ?? errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setForm(null)}>
              取消
            </Button>
            <Button id='btn-assign-save' className='btn btn--primary' disabled={sending} onClick={() => void assign()}>
              {sending ? '正在分配…' : '分配'}
            </Button>
          </View>
        </Sheet>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** 人员分配: the staff in the caller's scope and where each is assigned; officers assign and end assignments. */
export default function StaffPage() {
  return (
    <PageShell>
      <StaffPageBody />
    </PageShell>
  );
}
