import { Button, Picker, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { TGroupStage, TNoteView, TStageView } from '../../../../types/growth';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { GROWTH_LIMITS } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { Sheet } from '../../../components/Sheet';
import { GROUP_STAGE_LABELS, GROUP_STAGE_ORDER, isUnfiled } from '../../../lib/base-labels';
import { chinaDate, dateLabel, fromChina } from '../../../lib/china-time';
import { mintRequestId } from '../../../lib/request-id';
import { usePagedList } from '../../../lib/usePagedList';
import { useSend } from '../../../lib/useSend';
import { PartyFacts } from './PartyFacts';
import { ExportRosterButton } from '../../../package-stats/components/ExportRosterButton';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../manage.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TKind = 'visit' | 'advice' | 'problem';
const KINDS: { value: TKind; label: string }[] = [
  { value: 'visit', label: '走访' },
  { value: 'advice', label: '建议' },
  { value: 'problem', label: '问题' },
];

/** A group's incubation record (social workers): its stage (with a reason) and dated notes, newest first. */
function GroupGrowthPageBody() {
  const groupId = useRouter().params.groupId ?? '';
  const [stage, setStage] = useState<TStageView | null>(null);
  const [groupName, setGroupName] = useState('');
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.growth.notes({ groupId, cursor });
      if (!cursor) setStage(page.stage);
      return { items: page.items as TNoteView[], nextCursor: page.nextCursor };
    },
    [groupId],
  );
  const notes = usePagedList(fetchPage);
  const [noteOpen, setNoteOpen] = useState(false);
  const [kind, setKind] = useState<TKind>('visit');
  const [noteDate, setNoteDate] = useState(() => chinaDate(Date.now()));
  const [text, setText] = useState('');
  const [stageOpen, setStageOpen] = useState<TGroupStage | null>(null);
  const [reason, setReason] = useState('');
  const { sending, errors, setErrors, send } = useSend();
  const requestId = useRef(mintRequestId());

  const refresh = useCallback(async () => {
    await notes.reload();
    api.groups
      .detail({ groupId })
      .then((r) => setGroupName(r.group.name))
      .catch(() => undefined);
  }, [groupId, notes.reload]); // eslint-disable-line react-hooks/exhaustive-deps
  useFreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (notes.hasMore) void notes.loadMore();
  });

  const addNote = async () => {
    if (text.trim().length < 2) return setErrors({ text: '请写下记录内容（至少2个字）' });
    const ok = await send(() => api.growth.addNote({ groupId, requestId: requestId.current, kind, at: fromChina(noteDate, '12:00'), text: text.trim() }));
    if (ok) {
      requestId.current = mintRequestId();
      setText('');
      setNoteOpen(false);
      await notes.reload();
    }
  };
  const saveStage = async () => {
    if (!stageOpen) return;
    if (reason.trim().length < 2) return setErrors({ reason: '请写下调整原因（至少2个字）' });
    const ok = await send(() => api.growth.setStage({ groupId, stage: stageOpen, reason: reason.trim() }));
    if (ok) {
      setStage(ok.stage);
      setStageOpen(null);
      setReason('');
      await notes.reload();
    }
  };

  if (notes.error && !notes.loaded) return <ErrorState message={notes.error} onRetry={() => void notes.reload()} />;
  if (!notes.loaded) return <Loading />;

  // Before filing a group moves between 兴趣小组 and 培育中; after it, between 已备案 and 示范.
  const choices = stage ? GROUP_STAGE_ORDER.filter((s) => s !== stage.stage && isUnfiled(s) === isUnfiled(stage.stage)) : [];

  return (
    <View className='page'>
      <View className='card'>
        <View className='bm__lead'>{groupName || '组织'}</View>
        {stage ? (
          <View id='growth-stage' className='card__row'>
            <View className='bm__stage'>{stage.stageLabel}</View>
            {stage.stageReason ? <View className='card__meta'>　{stage.stageReason}</View> : null}
          </View>
        ) : null}
        {isUnfiled(stage?.stage) ? <View className='muted'>还未备案：备案通过后成为已备案组织，成员和记录都会保留。</View> : null}
        <View className='bm__row-btns'>
          {choices.map((s) => (
            <Button key={s} id={`btn-stage-${s}`} className='btn btn--ghost' onClick={() => { setErrors({}); setReason(''); setStageOpen(s); }}>
              调整为「{GROUP_STAGE_LABELS[s]}」
            </Button>
          ))}
        </View>
      </View>
      <PartyFacts groupId={groupId} />
      {/* 会员花名册 with phones, as the community's social worker may list it (docs/reports.md). */}
      <ExportRosterButton groupId={groupId} />
      <Button id='btn-add-note' className='btn btn--primary' onClick={() => { setErrors({}); setNoteOpen(true); }}>
        写一条记录（走访、建议、问题）
      </Button>
      <View className='section-title'>培育记录（只有社工能看到）</View>
      {notes.items.length === 0 ? (
        <EmptyState id='notes-empty' text='还没有记录' />
      ) : (
        <View id='note-list' className='card'>
          {notes.items.map((n) => (
            <View key={n.id} className='bm__item'>
              <View className='bm__item-title'>
                {dateLabel(chinaDate(n.at))} · {n.kindLabel}
              </View>
              <View>{n.text}</View>
              <View className='card__meta'>{n.authorName}</View>
            </View>
          ))}
          <ListFooter list={notes} />
        </View>
      )}
      {noteOpen ? (
        <Sheet id='note-sheet' title='写一条记录' busy={sending} onClose={() => setNoteOpen(false)}>
          <FormField id='note-kind' label='类型' required error={errors.kind}>
            <View className='chips' role='radiogroup'>
              {KINDS.map((k) => (
                <View key={k.value} id={`note-kind-${k.value}`} role='radio' aria-checked={kind === k.value} className={kind === k.value ? 'chip chip--active' : 'chip'} onClick={() => setKind(k.value)}>
                  {k.label}
                </View>
              ))}
            </View>
          </FormField>
          <FormField id='note-at' label='日期' required error={errors.at}>
            <Picker mode='date' value={noteDate} end={chinaDate(Date.now())} onChange={(e) => setNoteDate(String(e.detail.value))}>
              <View className='picker-value'>{dateLabel(noteDate)}</View>
            </Picker>
          </FormField>
          <FormField id='note-text' label='内容' required error={errors.text} limit={{ value: text, max: GROWTH_LIMITS.note }}>
            <Textarea className='textarea bm__textarea' value={text} maxlength={NO_CUT} {...fieldA11y('内容')} placeholder='例如：走访了排练，建议制定章程' placeholderClass='placeholder' onInput={(e) => setText(e.detail.value)} />
          </FormField>
          <FieldError message={errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setNoteOpen(false)}>
              取消
            </Button>
            <Button id='btn-note-save' className='btn btn--primary' disabled={sending} onClick={() => void addNote()}>
              保存
            </Button>
          </View>
        </Sheet>
      ) : null}
      {stageOpen ? (
        <Sheet id='stage-sheet' title={`调整为「${GROUP_STAGE_LABELS[stageOpen]}」`} busy={sending} onClose={() => setStageOpen(null)}>
          <FormField id='stage-reason' label='调整原因' required error={errors.reason} limit={{ value: reason, max: GROWTH_LIMITS.reason }}>
            <Textarea className='textarea bm__textarea' value={reason} maxlength={NO_CUT} {...fieldA11y('调整原因')} placeholder='例如：连续半年活动规范，评为示范' placeholderClass='placeholder' onInput={(e) => setReason(e.detail.value)} />
          </FormField>
          <FieldError message={errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setStageOpen(null)}>
              取消
            </Button>
            <Button id='btn-stage-save' className='btn btn--primary' disabled={sending} onClick={() => void saveStage()}>
              确定
            </Button>
          </View>
        </Sheet>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function GroupGrowthPage() {
  return (
    <PageShell needs='groupId'>
      <GroupGrowthPageBody />
    </PageShell>
  );
}
