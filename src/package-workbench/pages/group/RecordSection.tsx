import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TStaffRecord } from '../../../../types/workbench';
import { GROUP_CATEGORY_LABELS } from '../../../../types/domain';
import { InfoRow } from '../../../components/InfoRow';
import { PartyBadge } from '../../../components/PartyBadge';
import { StageTag } from '../../../components/StageTag';
import { Tag } from '../../../components/Tag';
import { tappable } from '../../../components/Tappable';
import { formatDate } from '../../../lib/time';

/** A charter runs to pages; the first lines show, the rest on request, so the roster and history stay near. */
const CHARTER_PREVIEW = 120;

/** The filed record as it stands: every filed field, the leader's phone in full (staff only reach this page). */
export function RecordSection({ record }: { record: TStaffRecord }) {
  const [charterOpen, setCharterOpen] = useState(false);
  const long = record.charter.length > CHARTER_PREVIEW;
  return (
    <View id='staff-record' className='card wb-section'>
      <View id='staff-group-name' className='card__title'>
        {record.name}
      </View>
      <View className='card__row'>
        <View className='category-tag'>{GROUP_CATEGORY_LABELS[record.category]}</View>
        <StageTag stage={record.stage} />
        {record.hasPartyBranch ? <PartyBadge /> : null}
        {record.status === 'dissolved' ? <Tag tone='grey'>已注销</Tag> : null}
      </View>
      <InfoRow label='所属社区' value={record.communityName} />
      <InfoRow label='负责人' value={record.leaderName} />
      <InfoRow id='staff-leader-mobile' label='负责人手机号' value={record.leaderMobile} />
      <InfoRow label='成员人数' value={`${record.memberCount} 人`} />
      <InfoRow label='党员人数' value={`${record.partyMemberCount} 人${record.hasPartyBranch ? '（已建党支部）' : ''}`} />
      <InfoRow label='活动场所' value={record.venue} />
      <InfoRow label='活动时间' value={record.activityTime} />
      <InfoRow label='指导单位' value={record.supervisor} />
      <InfoRow label='备案日期' value={record.filedAt ? formatDate(record.filedAt) : '未备案（兴趣小组）'} />
      {record.dissolvedAt ? <InfoRow label='注销日期' value={formatDate(record.dissolvedAt)} /> : null}
      <View className='wb-sub'>宗旨与主要活动</View>
      <View className='card__line'>{record.purpose || '未填写'}</View>
      <View className='wb-sub'>章程</View>
      <View id='staff-charter' className='wb-charter'>
        {!record.charter ? '未填写' : long && !charterOpen ? `${record.charter.slice(0, CHARTER_PREVIEW)}…` : record.charter}
      </View>
      {long ? (
        <View {...tappable()} id='btn-staff-charter' className='link' onClick={() => setCharterOpen(!charterOpen)}>
          {charterOpen ? '收起章程' : '展开全文'}
        </View>
      ) : null}
    </View>
  );
}
