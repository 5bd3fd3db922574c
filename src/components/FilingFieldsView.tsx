import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TFilingDraftFields } from '../../types';
import { GROUP_CATEGORY_LABELS } from '../../types/domain';
import { InfoRow } from './InfoRow';

interface TFilingFieldsViewProps {
  fields: TFilingDraftFields;
  communityName: string | null;
}

const count = (n: number | undefined) => (n === undefined ? undefined : `${n} 人`);

/**
 * Every filed field, read-only, as the leader and the reviewer both see it. For change and dissolution filings the
 * requested change itself is FilingChangeSummary; this is the full record it applies to.
 */
export function FilingFieldsView({ fields, communityName }: TFilingFieldsViewProps) {
  const [charterOpen, setCharterOpen] = useState(false);
  const charter = fields.charter ?? '';
  const longCharter = charter.length > 120;
  return (
    <View id='filing-fields' className='card'>
      <InfoRow label='组织名称' value={fields.name} id='view-name' />
      <InfoRow label='类别' value={fields.category ? GROUP_CATEGORY_LABELS[fields.category] : undefined} />
      <InfoRow label='所属社区' value={communityName} />
      <InfoRow label='宗旨与主要活动' value={fields.purpose} />
      <InfoRow label='负责人姓名' value={fields.leaderName} />
      <InfoRow label='负责人手机号' value={fields.leaderMobile} />
      <InfoRow label='成员人数' value={count(fields.memberCount)} />
      <View className='info-row'>
        <View className='info-row__label'>会员花名册</View>
        {fields.roster && fields.roster.length > 0 ? (
          fields.roster.map((r, i) => (
            <View key={i} className='info-row__value'>
              {i + 1}. {r.name || '（未填姓名）'}
              {r.mobile ? `　${r.mobile}` : ''}
            </View>
          ))
        ) : (
          // Says what is true: this filing came without a roster; people who joined in the app are listed in 成员管理.
          <View id='view-roster-empty' className='info-row__value info-row__value--empty'>报备时未附花名册</View>
        )}
      </View>
      <InfoRow label='活动场所' value={fields.venue} />
      <InfoRow label='活动时间' value={fields.activityTime} />
      <View className='info-row'>
        <View className='info-row__label'>章程</View>
        <View className={charter ? 'info-row__value' : 'info-row__value info-row__value--empty'}>
          {!charter ? '未填写' : longCharter && !charterOpen ? `${charter.slice(0, 120)}…` : charter}
        </View>
        {longCharter ? (
          <View className='link' onClick={() => setCharterOpen(!charterOpen)}>
            {charterOpen ? '收起章程' : '展开完整章程'}
          </View>
        ) : null}
      </View>
      <InfoRow label='指导单位' value={fields.supervisor} />
      <InfoRow label='党员人数' value={count(fields.partyMemberCount)} />
      <InfoRow
        label='是否已建立党支部'
        value={fields.hasPartyBranch === undefined ? undefined : fields.hasPartyBranch ? '已建立' : '未建立'}
      />
    </View>
  );
}
