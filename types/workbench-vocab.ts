/**
 * The workbench's vocabulary without zod (docs/workbench.md), so the review page and the workbench pages read the
 * same words and numbers as the server without pulling the schemas into their subpackages.
 */
import type { TFilingStatus } from './domain';

/** The street office has 7 days to answer a filing: a filing waiting longer than this is 已超期. */
export const OVERDUE_AFTER_DAYS = 7;
export const OVERDUE_AFTER_MS = OVERDUE_AFTER_DAYS * 86_400_000;

/** The statuses the workbench filters by (a draft is its author's alone, never listed to staff); 待审核 first. */
export const QUEUE_STATUSES = ['submitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly TFilingStatus[];
export type TQueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * Common reasons for 退回修改 / 不予通过, offered as chips under 审核意见: a tap puts the sentence into the comment,
 * and the social worker edits it before sending. Each reads as a complete instruction to the leader.
 */
export const REVIEW_REASONS = [
  '材料不全，请补充会员花名册（姓名、手机号）',
  '章程缺少活动规则和财务管理办法，请补充',
  '负责人联系方式有误，请核对负责人手机号',
  '成员不足，社区社会组织需有10名以上成员',
  '活动场所和时间不够具体，请写明每周活动的地点和时间',
  '组织名称需包含社区名称，如「塔谈社区××队」',
  '宗旨与主要活动描述过于简单，请写明做什么、为谁服务',
] as const;
