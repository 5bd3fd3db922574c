import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TNeedRow } from '../../../../types/incubation';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS } from '../../../lib/base-labels';
import { go, ROUTES } from '../../../lib/nav';
import { usePagedList } from '../../../lib/usePagedList';
import { useStaffMe } from '../../useCommunity';
import { useSend } from '../../../lib/useSend';
import { AnswerSheet, CircleSheet, MergeSheet, type TAnswerStatus, type TCircleForm } from './NeedSheets';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../manage.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TOpen = { kind: 'answer' | 'merge' | 'circle'; need: TNeedRow } | null;

/** Social workers: the community's needs ranked by demand, each answered, merged, or turned into a course or a circle. */
function StaffNeedsPageBody() {
  const staff = useStaffMe();
  const { communityId } = staff;
  const fetchPage = useCallback(
    (cursor: string | undefined) => (communityId ? api.incubation.needs({ communityId, cursor }) : Promise.resolve({ items: [] as TNeedRow[], nextCursor: null })),
    [communityId],
  );
  const list = usePagedList(fetchPage);
  const [open, setOpen] = useState<TOpen>(null);
  const [status, setStatus] = useState<TAnswerStatus>('collecting');
  const [answer, setAnswer] = useState('');
  const [circle, setCircle] = useState<TCircleForm>({ name: '', contactName: '', contactMobile: '' });
  const { sending, errors, setErrors, send } = useSend();

  useFreshOnShow(() => staff.load().then(() => (communityId ? list.refresh() : undefined)));
  useEffect(() => {
    if (communityId) void list.reload();
  }, [communityId]); // eslint-disable-line react-hooks/exhaustive-deps
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const openSheet = (kind: 'answer' | 'merge' | 'circle', need: TNeedRow) => {
    setErrors({});
    if (kind === 'answer') {
      setStatus(need.status === 'merged' ? 'collecting' : need.status);
      setAnswer(need.answer ?? '');
    }
    if (kind === 'circle') setCircle({ name: need.title.replace(/^想(学|有)?/, '') + '小组', contactName: '', contactMobile: '' });
    setOpen({ kind, need });
  };

  const done = async (toast: string) => {
    setOpen(null);
    void Taro.showToast({ title: toast, icon: 'success' });
    await list.reload();
  };

  const submitAnswer = async () => {
    if (!open) return;
    if (status === 'declined' && !answer.trim()) return setErrors({ answer: '暂不能安排时，请写下原因，居民会看到' });
    const ok = await send(() => api.incubation.answerNeed({ needId: open.need.id, status, answer: answer.trim() }));
    if (ok) await done('已保存答复');
  };
  const merge = async (mergeId: string) => {
    if (!open) return;
    const { confirm } = await Taro.showModal({ title: '合并需求', content: '合并后，那一条不再单独显示，它的人数并到这一条。确定合并吗？', confirmText: '合并' });
    if (!confirm) return;
    const ok = await send(() => api.incubation.mergeNeeds({ keepId: open.need.id, mergeId }));
    if (ok) await done(`已合并${ok.moved}人`);
  };
  const submitCircle = async () => {
    if (!open) return;
    const ok = await send(() => api.incubation.seedCircle({ needId: open.need.id, name: circle.name.trim(), contactName: circle.contactName.trim(), contactMobile: circle.contactMobile.trim() }));
    if (ok) await done('兴趣小组已成立');
  };

  let body;
  if (!staff.me) body = staff.error ? <ErrorState message={staff.error} onRetry={() => void staff.load()} /> : <Loading />;
  else if (!staff.isStaff || !communityId) body = <EmptyState text='只有社区社工可以处理需求' />;
  else if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loaded && list.items.length === 0) body = <EmptyState id='staff-needs-empty' text='还没有居民提需求' />;
  else {
    body = (
      <View id='staff-need-list'>
        {list.items.map((n, i) => (
          <View key={n.id} id={`staff-need-${n.id}`} className='card' data-title={n.title}>
            <View className='card__title'>
              {i + 1}. {n.title}
            </View>
            <View className='card__row'>
              <Text className='bm__demand'>{n.demand}人想要</Text>
            </View>
            <View className='card__row'>
              <Text className='bm__stage'>{NEED_STATUS_LABELS[n.status]}</Text>
              <Text className='category-tag'>{NEED_CATEGORY_LABELS[n.category]}</Text>
            </View>
            {n.description ? <View className='card__meta'>{n.description}</View> : null}
            {n.answer ? <View className='card__meta'>答复：{n.answer}</View> : null}
            <View className='bm__row-btns'>
              {n.courseId ? (
                <Button className='btn btn--ghost' onClick={() => go(ROUTES.course(n.courseId!))}>
                  查看课程
                </Button>
              ) : (
                <Button id={`btn-to-course-${n.id}`} className='btn btn--primary' onClick={() => go(ROUTES.courseNew(n.id))}>
                  开设课程
                </Button>
              )}
              {!n.circleName && !n.courseId ? (
                <Button id={`btn-to-circle-${n.id}`} className='btn btn--ghost' onClick={() => openSheet('circle', n)}>
                  成立兴趣小组
                </Button>
              ) : null}
              <Button id={`btn-answer-${n.id}`} className='btn btn--ghost' onClick={() => openSheet('answer', n)}>
                答复
              </Button>
              <Button id={`btn-merge-${n.id}`} className='btn btn--ghost' onClick={() => openSheet('merge', n)}>
                合并重复
              </Button>
            </View>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page'>
      <View className='card'>
        <View className='bm__lead'>居民需求（按想要的人数排列）</View>
        <View className='muted'>可以答复、合并重复的需求，或直接开设课程、成立兴趣小组。</View>
      </View>
      {body}
      {open?.kind === 'answer' ? (
        <AnswerSheet need={open.need} sending={sending} errors={errors} status={status} answer={answer} onStatus={setStatus} onAnswer={setAnswer} onSubmit={() => void submitAnswer()} onCancel={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'merge' ? (
        <MergeSheet need={open.need} sending={sending} errors={errors} others={list.items.filter((o) => o.id !== open.need.id && o.status === 'collecting')} onMerge={(id) => void merge(id)} onCancel={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'circle' ? (
        <CircleSheet need={open.need} sending={sending} errors={errors} form={circle} onChange={(p) => setCircle((c) => ({ ...c, ...p }))} onSubmit={() => void submitCircle()} onCancel={() => setOpen(null)} />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function StaffNeedsPage() {
  return (
    <PageShell>
      <StaffNeedsPageBody />
    </PageShell>
  );
}
