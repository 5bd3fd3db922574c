import { Button, Input, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ZPartner } from '../../../../types/incubation';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { INCUBATION_LIMITS as IL } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { Sheet } from '../../../components/Sheet';
import { mintRequestId } from '../../../lib/request-id';
import { usePagedList } from '../../../lib/usePagedList';
import { useStaffMe } from '../../useCommunity';
import { useSend } from '../../../lib/useSend';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../manage.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TPartner = z.output<typeof ZPartner>;
interface TForm {
  partnerId: string;
  name: string;
  contactName: string;
  contactMobile: string;
  offers: string;
}
const EMPTY: TForm = { partnerId: '', name: '', contactName: '', contactMobile: '', offers: '' };

function problems(f: TForm): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.name.trim().length < 2) p.name = '名称至少2个字';
  if (!f.contactName.trim()) p.contactName = '请填写联系人';
  if (!/^1\d{10}$/.test(f.contactMobile.trim())) p.contactMobile = '请填写11位手机号';
  if (f.offers.trim().length < 2) p.offers = '请写明能提供什么（如：智能手机教学）';
  return p;
}

/** 合作伙伴: the teachers the base works with (a university volunteer team, the open university), added and edited here. */
function PartnersPageBody() {
  const staff = useStaffMe();
  const { communityId } = staff;
  const fetchPage = useCallback(
    (cursor: string | undefined) => (communityId ? api.incubation.partners({ communityId, cursor }) : Promise.resolve({ items: [] as TPartner[], nextCursor: null })),
    [communityId],
  );
  const list = usePagedList(fetchPage);
  const [form, setForm] = useState<TForm | null>(null);
  const [tried, setTried] = useState(false);
  const { sending, errors: serverErrors, setErrors, send } = useSend();
  const requestId = useRef(mintRequestId());

  useLoad(() => void staff.load());
  useFreshOnShow(() => staff.load().then(() => (communityId ? list.refresh() : undefined)), { skipFirst: true });
  useEffect(() => {
    if (communityId) void list.reload();
  }, [communityId]); // eslint-disable-line react-hooks/exhaustive-deps
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const errors = form ? { ...serverErrors, ...(tried ? problems(form) : {}) } : {};
  const change = (patch: Partial<TForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors({});
  };
  const save = async () => {
    if (!form) return;
    setTried(true);
    if (Object.keys(problems(form)).length > 0) return;
    const fields = { communityId, name: form.name.trim(), contactName: form.contactName.trim(), contactMobile: form.contactMobile.trim(), offers: form.offers.trim() };
    const ok = await send(() => api.incubation.savePartner(form.partnerId ? { partnerId: form.partnerId, ...fields } : { requestId: requestId.current, ...fields }));
    if (ok) {
      requestId.current = mintRequestId();
      setForm(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await list.reload();
    }
  };

  let body;
  if (!staff.me) body = staff.error ? <ErrorState message={staff.error} onRetry={() => void staff.load()} /> : <Loading />;
  else if (!staff.isStaff || !communityId) body = <EmptyState text='合作伙伴名单只对社区社工开放' />;
  else if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loaded && list.items.length === 0) body = <EmptyState id='partners-empty' text='还没有合作伙伴' hint='点上方「添加合作伙伴」，例如大学志愿者团队、开放大学。' />;
  else {
    body = (
      <View id='partner-list'>
        {list.items.map((p) => (
          <View key={p.id} id={`partner-${p.id}`} className='card'>
            <View className='card__title'>{p.name}</View>
            <View className='card__meta'>
              联系人：{p.contactName}　{p.contactMobile}
            </View>
            <View className='card__meta'>可提供：{p.offers}</View>
            <Button id={`btn-edit-partner-${p.id}`} className='btn btn--ghost' onClick={() => { setTried(false); setErrors({}); setForm({ partnerId: p.id, name: p.name, contactName: p.contactName, contactMobile: p.contactMobile, offers: p.offers }); }}>
              修改
            </Button>
          </View>
        ))}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page'>
      <Button id='btn-add-partner' className='btn btn--primary' onClick={() => { setTried(false); setErrors({}); setForm(EMPTY); }}>
        添加合作伙伴
      </Button>
      <View className='section-title'>合作伙伴</View>
      {body}
      {form ? (
        <Sheet id='partner-sheet' title={form.partnerId ? '修改合作伙伴' : '添加合作伙伴'} busy={sending} onClose={() => setForm(null)}>
          <FormField id='partner-name' label='名称' required error={errors.name} limit={{ value: form.name, max: IL.partnerName }}>
            <Input className='input' value={form.name} maxlength={NO_CUT} {...fieldA11y('名称')} placeholder='例如：市开放大学' placeholderClass='placeholder' onInput={(e) => change({ name: e.detail.value })} />
          </FormField>
          <FormField id='partner-contact' label='联系人' required error={errors.contactName} limit={{ value: form.contactName, max: IL.person }}>
            <Input className='input' value={form.contactName} maxlength={NO_CUT} {...fieldA11y('联系人')} placeholder='姓名' placeholderClass='placeholder' onInput={(e) => change({ contactName: e.detail.value })} />
          </FormField>
          <FormField id='partner-mobile' label='联系电话' required error={errors.contactMobile} mobile={form.contactMobile}>
            <Input className='input' type='number' value={form.contactMobile} maxlength={NO_CUT} {...fieldA11y('联系电话')} placeholder='11位手机号' placeholderClass='placeholder' onInput={(e) => change({ contactMobile: e.detail.value })} />
          </FormField>
          <FormField id='partner-offers' label='可提供的服务' required error={errors.offers} limit={{ value: form.offers, max: IL.offers }}>
            <Textarea className='textarea bm__textarea' value={form.offers} maxlength={NO_CUT} {...fieldA11y('可提供的服务')} placeholder='例如：智能手机、书法教学' placeholderClass='placeholder' onInput={(e) => change({ offers: e.detail.value })} />
          </FormField>
          <FieldError message={errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setForm(null)}>
              取消
            </Button>
            <Button id='btn-partner-save' className='btn btn--primary' disabled={sending} onClick={() => void save()}>
              {sending ? '正在保存…' : '保存'}
            </Button>
          </View>
        </Sheet>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function PartnersPage() {
  return (
    <PageShell>
      <PartnersPageBody />
    </PageShell>
  );
}
