import { Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TFilingView, THistoryEntry } from '../../../../types';
import { DECISION_COMMENT_REQUIRED, DECISION_LABELS, FILING_KIND_LABELS, FILING_STATUS_LABELS, type TDecision } from '../../../../types/domain';
import { api, errorMessage, isApiError } from '../../../api';
import { DecisionNotice } from '../../../components/DecisionNotice';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FILING_LIMITS } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT, textProblem } from '../../../lib/field-limits';
import { FilingContent, filingTitle } from '../../../components/FilingContent';
import { HistoryTimeline } from '../../../components/HistoryTimeline';
import { Loading } from '../../../components/Loading';
import { StatusTag } from '../../../components/StatusTag';
import { useFreshOnShow } from '../../../lib/freshness';
import { ROUTES } from '../../../lib/nav';
import { formatDateTime } from '../../../lib/time';
import { ConfirmDecisionSheet } from './ConfirmDecisionSheet';
import { PageShell } from '../../../components/PageShell';
import { AfterDecisionBar, DecisionBar } from './DecisionBar';
import { nextInQueue } from './next-in-queue';
import { SinceReturn } from './SinceReturn';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** Matches the contract's limit on 审核意见. */
const COMMENT_MAX = FILING_LIMITS.reviewComment;

function ReviewPageBody() {
  const id = useRouter().params.id ?? '';
  const [data, setData] = useState<{ filing: TFilingView; history: THistoryEntry[] } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const [pending, setPending] = useState<TDecision | null>(null);
  const [sending, setSending] = useState(false);
  const [decided, setDecided] = useState<TDecision | null>(null);
  /** After a decision: the next waiting filing's id, null when none is left, undefined until the queue is read. */
  const [nextId, setNextId] = useState<string | null | undefined>(undefined);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setData(await api.filings.get({ filingId: id }));
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [id]);

  useLoad(() => {
    void load();
  });
  // Shown again (back from a notice, another app): another reviewer may have decided it meanwhile. The typed comment stays.
  useFreshOnShow(load, { skipFirst: true });

  // A return or rejection needs a comment, and no comment may pass its limit: say so at the comment, before any sheet.
  const choose = (decision: TDecision) => {
    const problem = decision !== 'approve' && !comment.trim() ? DECISION_COMMENT_REQUIRED[decision] : textProblem('审核意见', comment, COMMENT_MAX);
    if (problem) {
      setCommentError(problem);
      void Taro.pageScrollTo({ selector: '#review-comment', offsetTop: -80, duration: 300 });
      return;
    }
    setPending(decision);
  };

  const findNext = async () => {
    try {
      setNextId(await nextInQueue(id));
    } catch {
      setNextId(null); // the way back to the list stays; the queue shows what is left
    }
  };

  const openNext = () => {
    if (nextId) void Taro.redirectTo({ url: ROUTES.review(nextId) });
  };

  const backToList = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: ROUTES.reviewQueue });
  };

  const send = async () => {
    if (!pending || sending) return;
    const tooLong = textProblem('审核意见', comment, COMMENT_MAX);
    if (tooLong) {
      setPending(null);
      setCommentError(tooLong);
      return;
    }
    setSending(true);
    const decision = pending;
    try {
      const trimmed = comment.trim();
      await api.filings.decide({ filingId: id, decision, comment: trimmed ? trimmed : undefined });
      setPending(null);
      setDecided(decision);
      setCommentError('');
      void findNext();
      await load();
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    } catch (err) {
      setPending(null);
      if (isApiError(err, 'VALIDATION_FAILED')) {
        setCommentError(err.fields.comment ?? err.message);
        void Taro.pageScrollTo({ selector: '#review-comment', offsetTop: -80, duration: 300 });
      } else if (isApiError(err, 'ALREADY_DECIDED')) {
        await Taro.showModal({ title: '无需再审核', content: err.message, showCancel: false, confirmText: '知道了' });
        await load();
      } else {
        void Taro.showModal({ title: '审核没有提交成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
      }
    } finally {
      setSending(false);
    }
  };

  if (!data) return loadError ? <ErrorState message={loadError} onRetry={() => void load()} /> : <Loading />;
  const { filing, history } = data;

  return (
    <View className={filing.can.decide || decided ? 'page review review--with-bar' : 'page review'}>
      {decided ? (
        <View id='review-result' className='notice review__result' role='status'>
          <View className='notice__title'>已{DECISION_LABELS[decided]}</View>
          <View className='notice__text'>当前状态：{FILING_STATUS_LABELS[filing.status]}。负责人会在「我的报备」中看到结果。</View>
        </View>
      ) : null}

      <View className='card review__head'>
        <View className='card__row'>
          <StatusTag id='review-status' status={filing.status} />
          <View className='muted'>{FILING_KIND_LABELS[filing.kind]}</View>
        </View>
        <View className='review__name'>{filingTitle(filing)}</View>
        <View className='muted'>{filing.communityName ?? ''}</View>
        {filing.submittedAt ? <View className='muted'>提交于 {formatDateTime(filing.submittedAt)}</View> : null}
        {/* 代办: the reviewer sees who typed it; the one who entered it cannot approve it (docs/on-behalf.md). */}
        {filing.onBehalf ? (
          <View id='review-behalf' className='muted'>
            {`由${filing.onBehalf.enteredByRole} ${filing.onBehalf.enteredByName} 代 ${filing.onBehalf.leaderName} 填写`}
            {filing.status === 'submitted' && !filing.can.decide ? '。您填写的报备由社区其他工作人员审核。' : ''}
          </View>
        ) : null}
      </View>

      {filing.sinceReturn && filing.status === 'submitted' ? <SinceReturn changes={filing.sinceReturn} returnComment={filing.lastComment} /> : null}

      <DecisionNotice status={filing.status} comment={filing.lastComment} />

      <FilingContent filing={filing} />

      <View className='section-title'>办理记录</View>
      <View className='card'>
        <HistoryTimeline entries={history} />
      </View>

      {filing.can.decide ? (
        <View className='review__decide'>
          <FormField
            id='review-comment'
            label='审核意见'
            hint='退回修改或不予通过时必须填写，负责人会看到这段话。通过时可不填。'
            error={commentError}
            limit={{ value: comment, max: COMMENT_MAX }}
          >
            {pending ? (
              // Native textareas float above everything in WeChat; show the text instead while the sheet is open.
              <View className='textarea review__comment-text'>{comment || ' '}</View>
            ) : (
              <Textarea
                className='textarea'
                value={comment}
                maxlength={NO_CUT}
                placeholder='例如：请补充会员花名册，并写明每周活动的具体时间'
                placeholderClass='placeholder'
                {...fieldA11y('审核意见')}
                onInput={(e) => {
                  setComment(e.detail.value);
                  if (commentError) setCommentError('');
                }}
              />
            )}
          </FormField>
        </View>
      ) : !decided ? (
        <View className='muted review__closed'>这份报备当前不需要审核（{FILING_STATUS_LABELS[filing.status]}）。</View>
      ) : null}

      {filing.can.decide ? <DecisionBar onChoose={choose} /> : decided ? <AfterDecisionBar nextId={nextId} onNext={openNext} onBack={backToList} /> : null}

      {pending ? (
        <ConfirmDecisionSheet
          decision={pending}
          kind={filing.kind}
          filingName={filingTitle(filing)}
          comment={comment}
          sending={sending}
          onConfirm={() => void send()}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function ReviewPage() {
  return (
    <PageShell needs='id'>
      <ReviewPageBody />
    </PageShell>
  );
}
