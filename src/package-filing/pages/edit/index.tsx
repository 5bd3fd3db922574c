import { Button, View } from '@tarojs/components';
import Taro, { useDidHide, useLoad, useRouter, useUnload } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { toFieldErrors, ZFilingFields, type TCommunity, type TFilingView } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { StatusTag } from '../../../components/StatusTag';
import { ROUTES } from '../../../lib/nav';
import { startedHere, type TOriginNav } from '../../../lib/safe-nav';
import { formatDateTime } from '../../../lib/time';
import {
  applyChange,
  emptyForm,
  fieldDomId,
  FIELD_ORDER,
  fromDraftFields,
  defaultSupervisor,
  toSubmitCandidate,
  topField,
  type TFilingForm,
} from '../../form-model';
import { mintRequestId, readLocalCopy, removeLocalCopy, writeLocalCopy } from '../../local-copy';
import { useAutosave, type TAutosave } from '../../useAutosave';
import { FilingFormFields } from './FilingFormFields';
import { PageShell } from '../../../components/PageShell';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TPhase = 'loading' | 'ready' | 'locked' | 'error';

function localErrors(form: TFilingForm): Record<string, string> {
  const result = ZFilingFields.safeParse(toSubmitCandidate(form));
  return result.success ? {} : toFieldErrors(result.error);
}

function scrollToFirstError(fields: Record<string, string>) {
  const first = FIELD_ORDER.find((f) => Object.keys(fields).some((path) => topField(path) === f));
  if (first) void Taro.pageScrollTo({ selector: `#${fieldDomId(first)}`, offsetTop: -60, duration: 300 });
}

/**
 * After submitting from the detail page's 修改, go back to it; otherwise replace this form with the detail.
 * Only while this form is still on top: if the person pressed back during the submit, they stay where they are.
 */
function showDetail(filingId: string, origin: TOriginNav) {
  if (!origin.isStillTop()) return;
  const pages = Taro.getCurrentPages();
  const prev = pages[pages.length - 2] as (Taro.Page & { path?: string }) | undefined;
  const prevRoute = prev ? `${prev.route ?? prev.path ?? ''}` : '';
  if (prevRoute.includes('package-filing/pages/detail/index') && prev?.options?.id === filingId) {
    origin.navigateBack();
  } else {
    origin.redirectTo(ROUTES.filingDetail(filingId));
  }
}

function FilingEditPageBody() {
  const routeId = useRouter().params.id || undefined;
  const [phase, setPhase] = useState<TPhase>('loading');
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<TFilingForm>(emptyForm);
  const [communities, setCommunities] = useState<TCommunity[]>([]);
  const [filing, setFiling] = useState<TFilingView | null>(null);
  const [restored, setRestored] = useState<'none' | 'draft' | 'changes'>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  // After the first failed submit, errors follow the form as it is fixed (same schema as the server).
  const liveRef = useRef(false);
  const formRef = useRef(form);
  const communitiesRef = useRef(communities);
  communitiesRef.current = communities;
  const localTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingLocal = useRef<(() => void) | null>(null);

  const flushLocal = () => {
    if (localTimer.current) clearTimeout(localTimer.current);
    localTimer.current = null;
    pendingLocal.current?.();
    pendingLocal.current = null;
  };

  const autosave: TAutosave = useAutosave({
    // Storage writes are batched: a keystroke should not wait for the disk.
    onLocal: (f, filingId, unsaved) => {
      pendingLocal.current = () =>
        writeLocalCopy(routeId, { form: f, filingId, requestId: autosave.requestId(), unsaved, at: Date.now() });
      if (!localTimer.current) localTimer.current = setTimeout(flushLocal, 400);
    },
    onFieldErrors: (fields) => setErrors((prev) => ({ ...prev, ...fields })),
  });

  const start = (next: TFilingForm, filingId: string | null, requestId: string, unsaved: boolean) => {
    formRef.current = next;
    setForm(next);
    autosave.reset(next, filingId, requestId, unsaved);
  };

  const freshForm = (communityList: TCommunity[], home: TCommunity | null | undefined): TFilingForm => {
    const fresh = emptyForm();
    const community = home ?? (communityList.length === 1 ? communityList[0] : undefined);
    if (community) {
      fresh.communityId = community.id;
      fresh.supervisor = defaultSupervisor(community.name);
    }
    return fresh;
  };

  /**
   * Editing (`?id=`): the server's draft, unless this phone holds newer changes the server never confirmed.
   * New (no id): resume the draft this phone started last time, if it is still a draft; otherwise a fresh form.
   */
  const load = useCallback(async () => {
    setPhase('loading');
    try {
      let local = readLocalCopy(routeId);
      const wantedId = routeId ?? local?.filingId ?? undefined;
      // One call for the first screen. A remembered draft (`draftId`) that has vanished answers null: start afresh.
      const start0 = await api.account.filingForm(routeId ? { filingId: routeId } : wantedId ? { draftId: wantedId } : {});
      const communityList = { items: start0.communities };
      setCommunities(communityList.items);
      const home = communityList.items.find((c) => c.id === start0.homeCommunityId) ?? null;
      const current = start0.filing;
      setFiling(current);
      if (routeId && current && !current.can.edit) return setPhase('locked');
      if (!routeId && local?.filingId && !current?.can.edit) {
        removeLocalCopy(undefined);
        local = null;
      }
      const newerOnPhone = !!local && local.unsaved && local.at >= (current?.updatedAt ?? 0);
      if (current && current.can.edit) {
        const form = newerOnPhone && local ? local.form : fromDraftFields(current.fields);
        start(form, current.id, local?.requestId || mintRequestId(), newerOnPhone);
        if (newerOnPhone) setRestored(routeId ? 'changes' : 'draft');
        else if (!routeId) setRestored('draft');
      } else if (local && newerOnPhone) {
        start(local.form, null, local.requestId || mintRequestId(), true);
        setRestored('draft');
      } else {
        start(freshForm(communityList.items, home), null, mintRequestId(), false);
      }
      setPhase('ready');
    } catch (err) {
      setLoadError(errorMessage(err));
      setPhase('error');
    }
  }, [routeId]); // eslint-disable-line react-hooks/exhaustive-deps

  useLoad(() => {
    void Taro.setNavigationBarTitle({ title: routeId ? '修改报备' : '我要报备' });
    void load();
  });

  // Leaving the page (or the app) saves what is there; the local copy covers a save that cannot finish.
  const saveOnLeave = () => {
    flushLocal();
    void autosave.flush().catch(() => undefined);
  };
  useDidHide(saveOnLeave);
  useUnload(saveOnLeave);

  const onChange = (patch: Partial<TFilingForm>) => {
    const next = applyChange(formRef.current, patch, (id) => communitiesRef.current.find((c) => c.id === id)?.name);
    formRef.current = next;
    setForm(next);
    autosave.change(next);
    if (liveRef.current) setErrors(localErrors(next));
    else {
      // A hint from a refused autosave is about what was there before: drop it for the fields just changed.
      const changed = new Set(Object.keys(patch));
      setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !changed.has(topField(path) ?? ''))));
    }
  };

  const startOver = () => {
    removeLocalCopy(undefined);
    setRestored('none');
    setErrors({});
    liveRef.current = false;
    const home = communities.find((c) => c.id === formRef.current.communityId);
    start(freshForm(communities, home), null, mintRequestId(), false);
  };

  const showErrors = (fields: Record<string, string>) => {
    liveRef.current = true;
    setErrors(fields);
    scrollToFirstError(fields);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    const origin = startedHere();
    try {
      // Asked from the tap, before any other await (WeChat shows the dialog only then); never blocks the submit.
      await askNoticeConsent(['filing_decided']);
      // Refused here with the field's words (an over-long purpose, a 12-digit phone), never sent and never cut.
      const local = localErrors(formRef.current);
      if (Object.keys(local).length > 0) return showErrors(local);
      await autosave.flush();
      const filingId = autosave.filingId();
      if (!filingId) return showErrors(localErrors(formRef.current));
      await api.filings.submit({ filingId });
      flushLocal();
      removeLocalCopy(routeId);
      if (routeId || readLocalCopy(undefined)?.filingId === filingId) removeLocalCopy(undefined);
      void Taro.showToast({ title: '已提交，请等待社区审核', icon: 'none', duration: 2000 });
      showDetail(filingId, origin);
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED')) {
        showErrors(err.fields);
      } else {
        void Taro.showModal({ title: '提交没有成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (phase === 'loading') return <Loading />;
  if (phase === 'error') return <ErrorState message={loadError} onRetry={() => void load()} />;
  if (phase === 'locked' && filing) {
    return (
      <View className='page'>
        <View className='card'>
          <View className='card__row'>
            <StatusTag status={filing.status} />
          </View>
          <View className='state__text edit__locked'>这份报备当前不能修改。</View>
          <Button className='btn btn--primary' onClick={() => void Taro.redirectTo({ url: ROUTES.filingDetail(filing.id) })}>
            查看报备详情
          </Button>
        </View>
      </View>
    );
  }

  const errorCount = Object.keys(errors).length;
  return (
    <View className='page edit'>
      <SaveStatus autosave={autosave} />
      {filing?.onBehalf ? (
        <View id='edit-behalf-banner' className='notice' role='note'>
          <View className='notice__title'>{`代 ${filing.onBehalf.leaderName} 填写`}</View>
          <View className='notice__text'>负责人的姓名和手机号请与本人核对。审核通过后，负责人用这个手机号登录小程序即可接手。</View>
        </View>
      ) : null}
      {filing?.status === 'returned' && filing.lastComment ? (
        <View id='edit-return-comment' className='notice'>
          <View className='notice__title'>社工的修改意见</View>
          <View className='notice__text'>{filing.lastComment}</View>
        </View>
      ) : null}
      {restored !== 'none' ? (
        <View id='edit-restored' className='notice edit__restored'>
          <View className='notice__text'>
            {restored === 'draft' ? '已为您恢复上次没有提交的报备草稿，可以接着填写。' : '已为您恢复上次没来得及保存的修改。'}
          </View>
          {restored === 'draft' && !routeId ? (
            <Button id='btn-start-over' className='btn btn--plain' onClick={startOver}>
              清空，重新填写一份
            </Button>
          ) : null}
        </View>
      ) : null}

      <FilingFormFields form={form} errors={errors} communities={communities} onChange={onChange} />

      {errorCount > 0 ? (
        <View id='edit-error-summary' className='field-error alert edit__summary' role='alert'>
          还有 {errorCount} 处需要修改，已用红框标出，请按提示修改后再提交。
        </View>
      ) : null}
      <Button
        id='btn-submit'
        className={submitting ? 'btn btn--primary btn--busy edit__submit' : 'btn btn--primary edit__submit'}
        disabled={submitting}
        onClick={() => void submit()}
      >
        {submitting ? '正在提交…' : '提交报备'}
      </Button>
      <View className='muted edit__footnote'>提交后由社区社工审核，结果会显示在「我的报备」里。</View>
      <DevPanelSlot />
    </View>
  );
}

function SaveStatus({ autosave }: { autosave: TAutosave }) {
  const { state, savedAt, failure } = autosave;
  let text = '填写的内容会自动保存';
  if (state === 'pending' || state === 'saving') text = '保存中…';
  else if (state === 'saved') text = savedAt ? `已自动保存（${formatDateTime(savedAt).slice(11)}）` : '已自动保存';
  else if (state === 'failed') text = `自动保存没有成功：${failure}`;
  return (
    <View id='autosave-status' className={state === 'failed' ? 'edit__status edit__status--failed' : 'edit__status'} aria-live='polite'>
      {text}
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function FilingEditPage() {
  return (
    <PageShell title={(p) => (p.id ? '修改报备' : '我要报备')}>
      <FilingEditPageBody />
    </PageShell>
  );
}
