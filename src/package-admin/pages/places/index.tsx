import { Button, Input, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TCommunityNode, TDistrictNode, TStreetNode } from '../../../../types/admin';
import { ADMIN_LIMITS } from '../../../../types/form-limits';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { fieldA11y, FormField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { Sheet } from '../../../components/Sheet';
import { Tag } from '../../../components/Tag';
import { NO_CUT } from '../../../lib/field-limits';
import { useFreshOnShow } from '../../../lib/freshness';
import { ROUTES } from '../../../lib/nav';
import { mintRequestId } from '../../../lib/request-id';
import { useSend } from '../../../lib/useSend';
import '../../admin.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** The sheet open: a new community in a street, or a new name for one. */
type TEdit = { kind: 'create'; street: TStreetNode; name: string } | { kind: 'rename'; community: TCommunityNode; name: string };

/** Mirrors the contract's check (types/admin.ts zPlaceName) for instant feedback, worded the same. */
function nameProblem(name: string): string | null {
  const n = name.trim();
  if (!n) return '请填写社区名称';
  if (n.length < ADMIN_LIMITS.placeNameMin) return `社区名称至少需要${ADMIN_LIMITS.placeNameMin}个字`;
  if (n.length > ADMIN_LIMITS.placeName) return `社区名称最多${ADMIN_LIMITS.placeName}个字，请精简一些`;
  return null;
}

function CommunityCard({ c, onRename, onRetire }: { c: TCommunityNode; onRename: () => void; onRetire: () => void }) {
  const retired = c.retiredAt !== null;
  return (
    <View id={`community-${c.id}`} className='card'>
      <View className='card__title'>
        {c.name} {retired ? <Tag tone='grey'>已撤销</Tag> : null}
      </View>
      <View className='adm__line'>社工：{c.staff.length ? c.staff.map((s) => s.displayName).join('、') : '尚未分配'}</View>
      {c.canManage && !retired ? (
        <View className='adm__row-btns'>
          <Button id={`btn-rename-${c.id}`} className='btn btn--ghost' onClick={onRename}>
            改名
          </Button>
          <Button id={`btn-retire-${c.id}`} className='btn btn--plain' onClick={onRetire}>
            撤销社区
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function PlacesPageBody() {
  const [districts, setDistricts] = useState<TDistrictNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [edit, setEdit] = useState<TEdit | null>(null);
  const [tried, setTried] = useState(false);
  const { sending, errors: serverErrors, setErrors, send } = useSend();
  const requestId = useRef(mintRequestId());

  const load = useCallback(async () => {
    setError(null);
    try {
      setDistricts((await api.admin.places({})).districts);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);
  useFreshOnShow(() => load(), { skipFirst: true });
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const open = (next: TEdit) => {
    setTried(false);
    setErrors({});
    setEdit(next);
  };
  const save = async () => {
    if (!edit) return;
    setTried(true);
    if (nameProblem(edit.name)) return;
    const name = edit.name.trim();
    const ok =
      edit.kind === 'create'
        ? await send(() => api.admin.createCommunity({ streetId: edit.street.id, name, requestId: requestId.current }))
        : await send(() => api.admin.renameCommunity({ communityId: edit.community.id, name }));
    if (ok) {
      requestId.current = mintRequestId();
      setEdit(null);
      void Taro.showToast({ title: edit.kind === 'create' ? '已新建' : '已改名', icon: 'success' });
      await load();
    }
  };
  const retire = async (c: TCommunityNode) => {
    const { confirm } = await Taro.showModal({
      title: '撤销社区',
      content: `撤销后「${c.name}」不再出现在居民的社区列表里，分配到这里的社工也一并结束分配。确定撤销吗？`,
      confirmText: '撤销',
    });
    if (!confirm) return;
    try {
      await api.admin.retireCommunity({ communityId: c.id });
      void Taro.showToast({ title: '已撤销', icon: 'success' });
      await load();
    } catch (err) {
      // e.g. 「塔谈社区」还有 4 个在册组织，请先处理完再撤销
      void Taro.showModal({ title: '没有撤销', content: errorMessage(err), showCancel: false });
    }
  };

  const errors: Record<string, string> = edit ? { ...serverErrors, ...(tried && nameProblem(edit.name) ? { name: nameProblem(edit.name)! } : {}) } : {};

  let body;
  if (error && !districts) body = <ErrorState message={error} onRetry={() => void load()} />;
  else if (!districts) body = <Loading />;
  else if (districts.length === 0) body = <EmptyState id='places-empty' text='还没有分配给您的地方' hint='请联系区里的管理员为您分配街道或社区。' />;
  else {
    body = districts.map((d) => (
      <View key={d.id} id={`district-${d.id}`}>
        <View className='section-title'>{d.name}</View>
        {d.officers.length ? <View className='adm__line'>区管理员：{d.officers.map((o) => o.displayName).join('、')}</View> : null}
        {d.streets.map((s) => (
          <View key={s.id} id={`street-${s.id}`} className='adm__street'>
            <View className='adm__street-name'>{s.name}</View>
            <View className='adm__line'>街道管理员：{s.officers.length ? s.officers.map((o) => o.displayName).join('、') : '尚未分配'}</View>
            {s.canManage ? (
              <Button id={`btn-create-${s.id}`} className='btn btn--primary' onClick={() => open({ kind: 'create', street: s, name: '' })}>
                在{s.name}新建社区
              </Button>
            ) : null}
            {s.communities.map((c) => (
              <CommunityCard key={c.id} c={c} onRename={() => open({ kind: 'rename', community: c, name: c.name })} onRetire={() => void retire(c)} />
            ))}
          </View>
        ))}
      </View>
    ));
  }

  return (
    <View className='page'>
      <View className='adm__links'>
        <Button id='btn-admin-staff' className='btn btn--ghost' onClick={() => void Taro.navigateTo({ url: ROUTES.adminStaff })}>
          人员分配
        </Button>
        <Button id='btn-admin-audit' className='btn btn--ghost' onClick={() => void Taro.navigateTo({ url: ROUTES.adminAudit })}>
          操作日志
        </Button>
      </View>
      {body}
      {edit ? (
        <Sheet id='place-sheet' title={edit.kind === 'create' ? `在${edit.street.name}新建社区` : `给「${edit.community.name}」改名`} busy={sending} onClose={() => setEdit(null)}>
          <FormField id='place-name' label='社区名称' required error={errors.name} limit={{ value: edit.name, max: ADMIN_LIMITS.placeName }}>
            <Input
              className='input'
              value={edit.name}
              maxlength={NO_CUT}
              {...fieldA11y('社区名称')}
              placeholder='例如：新华社区'
              placeholderClass='placeholder'
              onInput={(e) => {
                const name = e.detail.value;
                setEdit((x) => (x ? { ...x, name } : x));
                setErrors({});
              }}
            />
          </FormField>
          {edit.kind === 'rename' ? <View className='adm__line'>新名称会同步到这个社区的组织、待审核的报备和今后的活动。</View> : null}
          <FieldError message={errors._} />
          <View className='btn-row'>
            <Button className='btn btn--plain' disabled={sending} onClick={() => setEdit(null)}>
              取消
            </Button>
            <Button id='btn-place-save' className='btn btn--primary' disabled={sending} onClick={() => void save()}>
              {sending ? '正在保存…' : '保存'}
            </Button>
          </View>
        </Sheet>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** 社区管理: the district → street → community tree in the caller's scope; officers create, rename and retire. */
export default function PlacesPage() {
  return (
    <PageShell>
      <PlacesPageBody />
    </PageShell>
  );
}
