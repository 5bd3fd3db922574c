import { Button, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api, errorMessage, isApiError } from '../../../api';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { MemberPickerSheet } from '../../components/MemberPickerSheet';
import { NotManager } from '../../components/NotManager';
import { startedHere } from '../../../lib/safe-nav';
import { mintRequestId } from '../../request-id';
import { MANAGE_ROUTES } from '../../routes';
import { useGroup } from '../../useGroup';
import { applyChangePatch, checkLocally, diffChanges, fromGroup, normalizeFields, type TChangeForm } from './change-model';
import { ChangeFormFields } from './ChangeFormFields';
import { ChangeSummarySheet } from './ChangeSummarySheet';
import { PageShell } from '../../../components/PageShell';
import '../../components/manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

const FIELD_IDS: Record<string, string> = {
  name: 'field-name',
  category: 'field-category',
  venue: 'field-venue',
  charter: 'field-charter',
  leaderMembershipId: 'field-leader',
  reason: 'field-reason',
};

function scrollTo(errors: Record<string, string>) {
  const first = Object.keys(FIELD_IDS).find((k) => errors[k]);
  const selector = errors._ || !first ? '#change-top-error' : `#${FIELD_IDS[first]}`;
  void Taro.pageScrollTo({ selector, offsetTop: -60, duration: 300 }).catch(() => undefined);
}

/** 变更报备: edit the filed fields, review before → after, file once (one request id per visit). */
function ChangePageBody() {
  const groupId = useRouter().params.groupId ?? '';
  const { group, error, reload } = useGroup(groupId);
  // One key per visit: a double tap, or a retry after a lost answer, files one change.
  const requestId = useRef(mintRequestId());
  const [form, setForm] = useState<TChangeForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState(false);
  const [picking, setPicking] = useState(false);
  const [sending, setSending] = useState(false);

  useLoad(() => {
    void reload();
  });

  if (!group) return error ? <ErrorState message={error} onRetry={() => void reload()} /> : <Loading />;
  if (!group.canManage) return <NotManager />;
  const current = form ?? fromGroup(group);
  const isLeader = group.myMembership?.role === 'leader';
  const blocked = group.hasPendingFiling;
  const { request, lines } = diffChanges(group, current);

  const onChange = (patch: Partial<TChangeForm>) => {
    setForm(applyChangePatch(group, current, patch));
    const keys = Object.keys(patch).map((k) => (k === 'leader' ? 'leaderMembershipId' : k));
    if (keys.some((k) => errors[k]) || errors._) setErrors((prev) => ({ ...prev, ...Object.fromEntries(keys.map((k) => [k, ''])), _: '' }));
  };

  const showErrors = (next: Record<string, string>) => {
    setErrors(next);
    scrollTo(next);
  };

  const review = () => {
    if (lines.length === 0) return showErrors({ _: '与当前备案内容相同，无需变更。请先修改要变更的内容。' });
    const local = checkLocally(request, current);
    if (Object.values(local).some(Boolean)) return showErrors(local);
    setErrors({});
    setReviewing(true);
  };

  const submit = async () => {
    if (sending) return;
    setSending(true);
    const origin = startedHere();
    try {
      await askNoticeConsent(['filing_decided']); // from the tap, before the call; never blocks it
      const reason = current.reason.trim();
      const { filing } = await api.manage.fileChange({ groupId: group.id, requestId: requestId.current, changes: request, reason: reason || undefined });
      void Taro.showToast({ title: '变更报备已提交', icon: 'none', duration: 2000 });
      origin.redirectTo(MANAGE_ROUTES.filingDetail(filing.id));
    } catch (err) {
      setReviewing(false);
      if (isApiError(err) && Object.keys(err.fields).length > 0) showErrors(normalizeFields(err.fields));
      else showErrors({ _: errorMessage(err) });
      // Another change or a dissolution got there first: refresh the flag so the form locks.
      if (isApiError(err, 'INVALID_STATE')) void reload();
    } finally {
      setSending(false);
    }
  };

  return (
    <View className='page change'>
      <View className='muted change__intro'>
        以下是目前的备案内容。修改需要变更的项目，提交后由社区社工审核，通过后才会生效。
      </View>
      {blocked ? (
        <View id='change-blocked' className='notice pending-note' role='status'>
          <View className='notice__text'>有一份变更/注销报备正在审核，审核结果出来后才能再提交变更。</View>
        </View>
      ) : null}
      {errors._ ? (
        <View id='change-top-error' className='notice notice--rejected top-error' role='alert'>
          <View className='notice__text'>{errors._}</View>
        </View>
      ) : (
        <View id='change-top-error' />
      )}

      <ChangeFormFields group={group} form={current} errors={errors} isLeader={isLeader} disabled={blocked} onChange={onChange} onPickLeader={() => setPicking(true)} />

      <View className='muted'>{lines.length > 0 ? `已修改 ${lines.length} 项：${lines.map((l) => l.label).join('、')}` : '还没有修改任何备案内容'}</View>
      <Button id='btn-review-change' className='btn btn--primary change__submit' disabled={blocked || sending || undefined} onClick={review}>
        核对并提交变更报备
      </Button>

      {reviewing ? <ChangeSummarySheet lines={lines} reason={current.reason} sending={sending} onConfirm={() => void submit()} onCancel={() => setReviewing(false)} /> : null}
      {picking ? (
        <MemberPickerSheet
          id='leader-sheet'
          title='选择新负责人'
          groupId={group.id}
          current={current.leader?.id ?? null}
          exclude={(r) => r.role === 'leader'}
          onPick={(row) => {
            onChange({ leader: row });
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function ChangePage() {
  return (
    <PageShell needs='groupId'>
      <ChangePageBody />
    </PageShell>
  );
}
