import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TNeedRow } from '../../../../types/incubation';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { go, ROUTES } from '../../../lib/nav';
import { mintRequestId } from '../../../lib/request-id';
import { usePagedList } from '../../../lib/usePagedList';
import { useMe } from '../../useMe';
import { NeedCard } from './NeedCard';
import { PostNeedSheet, type TNeedForm } from './PostNeedSheet';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../base.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

const EMPTY_FORM: TNeedForm = { title: '', category: '', description: '' };

function localProblems(form: TNeedForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = form.title.trim();
  if (title.length < 4) problems.title = '请用4到30个字说说您想要什么';
  if (!form.category) problems.category = '请选择类别';
  return problems;
}

/** 社区需求: my community's needs, most wanted first; 提需求 and 我也想. `?post=1` opens the form at once. */
function NeedsPageBody() {
  const { me, error: meError, load: loadMe } = useMe();
  const communityId = me?.community?.id ?? '';
  const fetchPage = useCallback(
    (cursor: string | undefined) => (communityId ? api.incubation.needs({ communityId, cursor }) : Promise.resolve({ items: [] as TNeedRow[], nextCursor: null })),
    [communityId],
  );
  const list = usePagedList(fetchPage);
  const [overrides, setOverrides] = useState<Record<string, TNeedRow>>({});
  const [supporting, setSupporting] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(useRouter().params.post === '1');
  const [form, setForm] = useState<TNeedForm>(EMPTY_FORM);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const requestId = useRef(mintRequestId());
  const firstLoad = useRef(true);

  const refresh = useCallback(async () => {
    const fresh = await loadMe();
    if (fresh?.community) {
      setOverrides({});
      await list.reload();
    }
  }, [loadMe, list.reload]); // eslint-disable-line react-hooks/exhaustive-deps

  useFreshOnShow(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      void loadMe();
      return;
    }
    void refresh();
  });
  // The list needs the community first: load it once me has arrived.
  useEffect(() => {
    if (communityId) void list.reload();
  }, [communityId]); // eslint-disable-line react-hooks/exhaustive-deps
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const support = async (needId: string) => {
    if (supporting) return;
    setSupporting(needId);
    try {
      const { need } = await api.incubation.support({ needId });
      setOverrides((prev) => ({ ...prev, [need.id]: need }));
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
    } finally {
      setSupporting(null);
    }
  };

  const errors = { ...serverErrors, ...(tried ? localProblems(form) : {}) };

  const submit = async () => {
    setTried(true);
    if (sending || Object.keys(localProblems(form)).length > 0) return;
    setSending(true);
    setServerErrors({});
    try {
      const { need } = await api.incubation.postNeed({
        requestId: requestId.current,
        title: form.title.trim(),
        category: form.category as Exclude<TNeedForm['category'], ''>,
        description: form.description.trim(),
      });
      requestId.current = mintRequestId();
      setForm(EMPTY_FORM);
      setTried(false);
      setSheetOpen(false);
      setOverrides((prev) => ({ ...prev, [need.id]: need }));
      void Taro.showToast({ title: '已提交，社工会看到', icon: 'success' });
      await list.reload();
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) setServerErrors(err.fields);
      else setServerErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  let body;
  if (!me) body = meError ? <ErrorState message={meError} onRetry={() => void loadMe()} /> : <Loading />;
  else if (!me.community) {
    body = <EmptyState id='needs-no-community' text='请先选择您所在的社区' hint='在「社团」页选好社区后，再来提需求。' actionText='去选择社区' onAction={() => void Taro.switchTab({ url: ROUTES.directory })} />;
  } else if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loaded && list.items.length === 0) body = <EmptyState id='needs-empty' text='还没有人提需求' hint='点上方「提需求」，说说您想学什么、想要什么服务。' />;
  else {
    body = (
      <View id='need-list'>
        {list.items.map((n) => {
          const need = overrides[n.id] ?? n;
          return <NeedCard key={n.id} need={need} busy={supporting === n.id} onSupport={(id) => void support(id)} onOpenCourse={(id) => go(ROUTES.course(id))} />;
        })}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page nb'>
      <View className='card'>
        <View className='nb__lead'>{me?.community ? `${me.community.name}的居民需求` : '居民需求'}</View>
        <View className='muted'>想要的人越多越靠前。只显示人数，不显示是谁提的。</View>
        <Button id='btn-post-need' className='btn btn--primary nb__top-btn' onClick={() => setSheetOpen(true)} disabled={!me?.community}>
          提需求
        </Button>
      </View>
      {body}
      {sheetOpen ? (
        <PostNeedSheet
          form={form}
          errors={errors}
          sending={sending}
          onChange={(patch) => {
            setForm((f) => ({ ...f, ...patch }));
            setServerErrors((prev) => {
              const next = { ...prev };
              for (const k of Object.keys(patch)) delete next[k];
              delete next._;
              return next;
            });
          }}
          onSubmit={() => void submit()}
          onCancel={() => setSheetOpen(false)}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function NeedsPage() {
  return (
    <PageShell>
      <NeedsPageBody />
    </PageShell>
  );
}
