import { Button, Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TPartyFacts } from '../../../../types/growth';
import { api } from '../../../api';
import { FieldError } from '../../../components/FieldError';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';
import { useSend } from '../../../lib/useSend';

function YesNo({ id, value, yes, no, onChange }: { id: string; value: boolean; yes: string; no: string; onChange: (v: boolean) => void }) {
  return (
    <View className='chips' role='radiogroup'>
      <View id={`${id}-yes`} role='radio' aria-checked={value} className={value ? 'chip chip--active' : 'chip'} onClick={() => onChange(true)}>
        {yes}
      </View>
      <View id={`${id}-no`} role='radio' aria-checked={!value} className={!value ? 'chip chip--active' : 'chip'} onClick={() => onChange(false)}>
        {no}
      </View>
    </View>
  );
}

/** 双孵化: the Party facts the social worker verified for a group (branch, members, leaders, a nominated leader). */
export function PartyFacts({ groupId }: { groupId: string }) {
  const [facts, setFacts] = useState<TPartyFacts | null>(null);
  const [form, setForm] = useState<{ hasPartyBranch: boolean; members: string; leaders: string; nominated: boolean } | null>(null);
  const { sending, errors, setErrors, send } = useSend();

  useEffect(() => {
    api.growth
      .partyFacts({ groupId })
      .then((r) => setFacts(r.facts))
      .catch(() => undefined);
  }, [groupId]);

  const save = async () => {
    if (!form) return;
    const members = Number(form.members.trim());
    const leaders = Number(form.leaders.trim());
    if (!/^\d{1,4}$/.test(form.members.trim())) return setErrors({ partyMemberCount: '请填写党员人数（数字）' });
    if (!/^\d{1,4}$/.test(form.leaders.trim())) return setErrors({ partyLeaderCount: '请填写负责人中的党员人数（数字）' });
    const ok = await send(() => api.growth.setPartyFacts({ groupId, hasPartyBranch: form.hasPartyBranch, partyMemberCount: members, partyLeaderCount: leaders, nominatedPartyLeader: form.nominated }));
    if (ok) {
      setFacts(ok.facts);
      setForm(null);
    }
  };

  if (!facts) return null;
  return (
    <View id='party-facts' className='card'>
      <View className='card__title'>双孵化（党建）</View>
      <View className='card__meta'>党支部：{facts.hasPartyBranch ? '已建立' : '未建立'}</View>
      <View className='card__meta'>
        党员 {facts.partyMemberCount} 人，其中负责人 {facts.partyLeaderCount} 人
      </View>
      <View className='card__meta'>负责人{facts.nominatedPartyLeader ? '是' : '不是'}组织推荐的党员</View>
      <Button
        id='btn-edit-party'
        className='btn btn--ghost'
        onClick={() => {
          setErrors({});
          setForm({ hasPartyBranch: facts.hasPartyBranch, members: String(facts.partyMemberCount), leaders: String(facts.partyLeaderCount), nominated: facts.nominatedPartyLeader });
        }}
      >
        修改核实情况
      </Button>
      {form ? (
        <Sheet id='party-sheet' title='双孵化：核实情况' busy={sending} onClose={() => setForm(null)}>
          <FormField id='party-branch' label='是否已建立党支部' required error={errors.hasPartyBranch}>
            <YesNo id='party-branch' value={form.hasPartyBranch} yes='已建立' no='未建立' onChange={(hasPartyBranch) => setForm({ ...form, hasPartyBranch })} />
          </FormField>
          <FormField id='party-members' label='党员人数' required error={errors.partyMemberCount}>
            <Input className='input' type='number' value={form.members} maxlength={NO_CUT} {...fieldA11y('党员人数')} onInput={(e) => setForm({ ...form, members: e.detail.value })} />
          </FormField>
          <FormField id='party-leaders' label='负责人中的党员人数' required error={errors.partyLeaderCount}>
            <Input className='input' type='number' value={form.leaders} maxlength={NO_CUT} {...fieldA11y('负责人中的党员人数')} onInput={(e) => setForm({ ...form, leaders: e.detail.value })} />
          </FormField>
          <FormField id='party-nominated' label='负责人是否为组织推荐的党员' required error={errors.nominatedPartyLeader}>
            <YesNo id='party-nominated' value={form.nominated} yes='是' no='不是' onChange={(nominated) => setForm({ ...form, nominated })} />
          </FormField>
          <FieldError message={errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setForm(null)}>
              取消
            </Button>
            <Button id='btn-party-save' className='btn btn--primary' disabled={sending} onClick={() => void save()}>
              保存
            </Button>
          </View>
        </Sheet>
      ) : null}
    </View>
  );
}
