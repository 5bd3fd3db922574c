/** Domain vocabularies shared by the mini program and the functions. Labels are what people read. */

export const GROUP_CATEGORIES = ['culture_sports', 'life_service', 'charity', 'mutual_aid', 'community_affairs', 'other'] as const;
export type TGroupCategory = (typeof GROUP_CATEGORIES)[number];
export const GROUP_CATEGORY_LABELS: Record<TGroupCategory, string> = {
  culture_sports: '文体活动',
  life_service: '生活服务',
  charity: '公益慈善',
  mutual_aid: '居民互助',
  community_affairs: '社区事务',
  other: '其他',
};

export const FILING_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'rejected', 'withdrawn'] as const;
export type TFilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<TFilingStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已通过',
  returned: '退回修改',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export const FILING_KINDS = ['initial', 'change', 'dissolution'] as const;
export type TFilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<TFilingKind, string> = {
  initial: '成立报备',
  change: '变更报备',
  dissolution: '注销报备',
};

export const DECISIONS = ['approve', 'return', 'reject'] as const;
export type TDecision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<TDecision, string> = { approve: '通过', return: '退回修改', reject: '不予通过' };
/** A return or rejection must say why: the contract refuses it without, and the review page asks before confirming. */
export const DECISION_COMMENT_REQUIRED: Record<Exclude<TDecision, 'approve'>, string> = {
  return: '退回修改时，请写明需要修改的地方',
  reject: '不予通过时，请写明理由',
};

/** Platform roles. Group roles (leader/deputy/member) come from memberships, not from here. */
export const STAFF_ROLES = ['social_worker', 'admin'] as const;
export type TStaffRole = (typeof STAFF_ROLES)[number];

/** The place hierarchy (docs/administration.md): a district holds streets, a street holds communities. */
export const PLACE_LEVELS = ['community', 'street', 'district'] as const;
export type TPlaceLevel = (typeof PLACE_LEVELS)[number];
export const PLACE_LEVEL_LABELS: Record<TPlaceLevel, string> = { community: '社区', street: '街道', district: '区' };
/** Community assignments make a social worker (社工); street and district ones an officer (街道/区 管理员). */
export const ROLE_OF_LEVEL: Record<TPlaceLevel, TStaffRole> = { community: 'social_worker', street: 'admin', district: 'admin' };
export const ROLE_LABELS: Record<TStaffRole | 'resident', string> = {
  resident: '居民',
  social_worker: '社工',
  admin: '管理员',
};

/** `circle`: a hobby circle not filed yet (兴趣小组/培育中, docs/growth.md); `active`: filed, in the directory. */
export const GROUP_STATUSES = ['active', 'dissolved', 'circle'] as const;
export type TGroupStatus = (typeof GROUP_STATUSES)[number];
