/**
 * Length limits the schemas enforce and the forms show (live counters, instant errors), zod-free so any page,
 * main package included, may import them without pulling zod in. The schemas import these, never a copy.
 */

/** A mainland mobile number is exactly this many digits. */
export const MOBILE_DIGITS = 11;

/** 组织管理, 成员管理 and 变更/注销报备 (types/manage.ts). */
export const MANAGE_LIMITS = {
  note: 200,
  coverText: 30,
  subCommitteeName: 30,
  subCommitteeIntro: 200,
  changeReason: 200,
  dissolveReason: 200,
} as const;

/** 申请加入 and the directory search (types/groups.ts). */
export const GROUP_LIMITS = {
  joinMessage: 200,
  query: 20,
} as const;
