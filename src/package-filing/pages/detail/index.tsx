import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TFilingView, THistoryEntry } from '../../../../types';
import { FILING_KIND_LABELS } from '../../../../types/domain';
import { api, errorMessage } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { DecisionNotice } from '../../../components/DecisionNotice';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FilingContent, filingTitle } from '../../../components/FilingContent';
import { HistoryTimeline } from '../../../components/HistoryTimeline';
import { Loading } from '../../../components/Loading';
import { StatusTag } from '../../../components/StatusTag';
import { go, ROUTES } from '../../../lib/nav';
import { formatDateTime } from '../../../lib/time';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import { filingTimes } from './filing-times';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

function FilingDetailPageBody() {
  const id = useRouter().params.id ?? '';
  const [data, setData] = useState<{ filing: TFilingView; history: THistoryEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await api.filings.get({ filingId: id }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  // Back from the edit page (or after a reviewer decided) the status may have changed.
  useFreshOnShow(load);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const act = async (run: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'none' });
      await load();
    } catch (err) {
      void Taro.showModal({ title: '操作没有成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
      await load();
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    act(async () => {
      await askNoticeConsent(['filing_decided']); // from the tap, before the call; never blocks it
      return api.filings.submit({ filingId: id });
    }, '已提交，请等待社区审核');

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '确定撤回这份报备吗？',
      content: '撤回后社工将不再审核。您可以修改后重新提交。',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (confirm) await act(() => api.filings.withdraw({ filingId: id }), '已撤回');
  };

  if (!data) {
    return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;
  }
  const { filing, history } = data;
  const times = filingTimes(filing);
  return (
    <View className='page detail'>
      <View className='card detail__head'>
        <View className='card__row'>
          <StatusTag id='filing-status' status={filing.status} />
          <View className='muted'>{FILING_KIND_LABELS[filing.kind]}</View>
        </View>
        <View className='detail__name'>{filingTitle(filing)}</View>
        {times.submittedAt ? <View id='filing-submitted-at' className='muted'>提交于 {formatDateTime(times.submittedAt)}</View> : null}
        {times.decidedAt ? <View id='filing-decided-at' className='muted'>审核于 {formatDateTime(times.decidedAt)}</View> : null}
        {filing.status === 'submitted' ? <View className='muted'>社区社工审核中，请耐心等待。</View> : null}
        {filing.onBehalf ? (
          <View id='filing-behalf' className='muted'>
            {`由${filing.onBehalf.enteredByRole} ${filing.onBehalf.enteredByName} 代 ${filing.onBehalf.leaderName} 填写${filing.onBehalf.claimed ? '，负责人本人已接手' : ''}`}
          </View>
        ) : null}
      </View>

      <DecisionNotice status={filing.status} comment={filing.lastComment} />

      <View className='detail__actions'>
        {filing.can.edit ? (
          <Button id='btn-edit' className='btn btn--primary' onClick={() => go(ROUTES.filingEdit(filing.id))}>
            {filing.status === 'returned' ? '按意见修改' : '修改'}
          </Button>
        ) : null}
        {filing.can.submit ? (
          <Button id='btn-detail-submit' className={filing.can.edit ? 'btn btn--ghost' : 'btn btn--primary'} disabled={busy} onClick={() => void submit()}>
            {filing.status === 'returned' || filing.status === 'withdrawn' ? '重新提交' : '提交'}
          </Button>
        ) : null}
        {filing.can.withdraw ? (
          <Button id='btn-withdraw' className='btn btn--plain' disabled={busy} onClick={() => void withdraw()}>
            撤回
          </Button>
        ) : null}
      </View>

      <FilingContent filing={filing} />

      <View className='section-title'>办理记录</View>
      <View className='card'>
        <HistoryTimeline entries={history} />
      </View>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function FilingDetailPage() {
  return (
    <PageShell needs='id'>
      <FilingDetailPageBody />
    </PageShell>
  );
}
