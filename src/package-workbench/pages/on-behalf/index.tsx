import { Button, Input, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { TCommunity } from '../../../../types';
import { FILING_LIMITS } from '../../../../types/form-limits';
import { api, errorMessage, isApiError } from '../../../api';
import { ChipRow } from '../../../components/ChipRow';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { fieldA11y, FormField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { NO_CUT } from '../../../lib/field-limits';
import { ROUTES } from '../../../lib/nav';
import { mintRequestId } from '../../../lib/request-id';
import '../../behalf.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

interface TForm {
  communityId: string;
  leaderName: string;
  leaderMobile: string;
}

/** Checked here with the words the server uses, so a mistyped phone is named before anything is sent. */
function localErrors(form: TForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.communityId) errors.communityId = '请选择所属社区';
  if (!form.leaderName.trim()) errors.leaderName = '请填写负责人姓名';
  if (!/^1\d{10}$/.test(form.leaderMobile.trim())) errors.leaderMobile = '手机号是 11 位数字，以 1 开头';
  return errors;
}

/**
 * 代办 (docs/on-behalf.md): a social worker starts a 成立报备 for an elderly leader who does not use a phone. The
 * leader's name and mobile come first; then the ordinary filing form opens on the new draft, marked 「代 XXX 填写」.
 */
function OnBehalfPageBody() {
  const [communities, setCommunities] = useState<TCommunity[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<TForm>({ communityId: '', leaderName: '', leaderMobile: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  // One request id per person filed for: a double tap or a retry lands on the same draft.
  const requestId = useRef(mintRequestId());

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      // The communities this staff member files for: their scope, by name.
      const [start, { me }] = await Promise.all([api.account.filingForm({}), api.account.me({})]);
      const mine = start.communities.filter((c) => me.reviewCommunityIds.includes(c.id));
      setCommunities(mine);
      const home = mine.find((c) => c.id === start.homeCommunityId)?.id ?? (mine.length === 1 ? mine[0]!.id : '');
      setForm((f) => ({ ...f, communityId: f.communityId || home }));
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, []);
  useLoad(() => void load());

  const change = (patch: Partial<TForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
    if ('leaderName' in patch || 'leaderMobile' in patch) requestId.current = mintRequestId();
  };

  const start = async () => {
    if (sending) return;
    const local = localErrors(form);
    if (Object.keys(local).length > 0) return setErrors(local);
    setSending(true);
    try {
      const { filing } = await api.filings.startOnBehalf({
        requestId: requestId.current,
        communityId: form.communityId,
        leaderName: form.leaderName.trim(),
        leaderMobile: form.leaderMobile.trim(),
      });
      await Taro.redirectTo({ url: ROUTES.filingEdit(filing.id) });
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED')) setErrors(err.fields);
      else setErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  if (!communities) return loadError ? <ErrorState message={loadError} onRetry={() => void load()} /> : <Loading />;
  if (communities.length === 0) return <EmptyState text='代办报备只对社区社工和街道工作人员开放' />;

  return (
    <View className='page'>
      <View id='behalf-intro' className='notice'>
        <View className='notice__title'>为不方便用手机的负责人代办报备</View>
        <View className='notice__text'>
          先填负责人的姓名和手机号，再接着填写报备表。报备上会写明由您代为填写。审核通过后，负责人用这个手机号登录小程序，在「我的」里确认，就能自己管理这个组织。
        </View>
      </View>
      <View className='card'>
        <FormField id='behalf-community' label='所属社区' required error={errors.communityId}>
          <ChipRow
            idPrefix='behalf-community'
            layout='wrap'
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            value={form.communityId}
            onChange={(communityId) => change({ communityId })}
          />
        </FormField>
        <FormField id='behalf-leaderName' label='负责人姓名' required error={errors.leaderName} limit={{ value: form.leaderName, max: FILING_LIMITS.person }}>
          <Input className='input' value={form.leaderName} maxlength={NO_CUT} {...fieldA11y('负责人姓名')} placeholder='例如：孙桂兰' placeholderClass='placeholder' onInput={(e) => change({ leaderName: e.detail.value })} />
        </FormField>
        <FormField id='behalf-leaderMobile' label='负责人手机号' required hint='负责人以后用这个号码接手报备' error={errors.leaderMobile} mobile={form.leaderMobile}>
          <Input className='input' type='number' value={form.leaderMobile} maxlength={NO_CUT} {...fieldA11y('负责人手机号')} placeholder='11位手机号' placeholderClass='placeholder' onInput={(e) => change({ leaderMobile: e.detail.value })} />
        </FormField>
        <FieldError message={errors._} />
        <Button id='btn-behalf-start' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending} onClick={() => void start()}>
          {sending ? '正在创建…' : '下一步：填写报备表'}
        </Button>
      </View>
      <DevPanelSlot />
    </View>
  );
}

export default function OnBehalfPage() {
  return (
    <PageShell>
      <OnBehalfPageBody />
    </PageShell>
  );
}
