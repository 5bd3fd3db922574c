/** Membership vocabularies: group roles and the life of a join request. */

export const GROUP_ROLES = ['leader', 'deputy', 'member'] as const;
export type TGroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<TGroupRole, string> = { leader: '负责人', deputy: '副负责人', member: '成员' };

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'declined', 'cancelled', 'left', 'removed'] as const;
export type TMembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<TMembershipStatus, string> = {
  pending: '待审核',
  active: '已加入',
  declined: '未通过',
  cancelled: '已取消申请',
  left: '已退出',
  removed: '已移出',
};

export const JOIN_POLICIES = ['approval', 'open'] as const;
export type TJoinPolicy = (typeof JOIN_POLICIES)[number];
export const JOIN_POLICY_LABELS: Record<TJoinPolicy, string> = { approval: '需负责人审核', open: '直接加入' };

/** Filed fields the bureau relies on: changing one needs a change filing. Everything else applies at once. */
export const FILED_CHANGE_FIELDS = ['name', 'category', 'charter', 'venue', 'leader'] as const;
export type TFiledChangeField = (typeof FILED_CHANGE_FIELDS)[number];
export const FILED_CHANGE_LABELS: Record<TFiledChangeField, string> = {
  name: '组织名称',
  category: '类别',
  charter: '章程',
  venue: '活动场所',
  leader: '负责人',
};
