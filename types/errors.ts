/**
 * The one error-code table. `code` is stable (clients branch on it); `message` is Chinese, for the person.
 * An object the caller may not see is NOT_FOUND, never FORBIDDEN, so its existence does not leak.
 */
export const ERROR_CODES = {
  /** Input failed its schema: wrong type, unknown or server-owned key, over-long text, bad mobile number. Nothing was written. */
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再试',
  /** No platform identity (no OPENID in the CloudBase context, no dev header in the local gateway). */
  UNAUTHENTICATED: '请先登录微信后再试',
  /** The caller can see the object but their role does not allow this action on it. */
  FORBIDDEN: '您没有权限进行此操作',
  /** The object does not exist, or the caller may not see it. */
  NOT_FOUND: '没有找到相关内容，可能已被删除或您无权查看',
  /** A concurrent change won; the client should reload and try again. */
  CONFLICT: '内容已被其他操作更新，请刷新后再试',
  /** A second decision on a filing that is no longer waiting for review, including the loser of a concurrent decision. */
  ALREADY_DECIDED: '该报备已经处理过了，请刷新查看最新状态',
  /**
   * An idempotency key (`requestId`) sent again with a different request: another action, group or content.
   * A true replay answers the first result; this one is refused and nothing is written.
   */
  REQUEST_REUSED: '这次提交与之前的一次提交冲突，请返回刷新后重新填写提交',
  /** The action does not fit the object's current state (e.g. submitting an approved filing). */
  INVALID_STATE: '当前状态下不能进行此操作，请刷新后再试',
  /** Too many requests from one caller in a short time. */
  RATE_LIMITED: '操作太频繁，请稍后再试',
  /** Text that others will read did not pass the content check. */
  CONTENT_REJECTED: '内容包含不适宜发布的信息，请修改后再提交',
  /** Anything unexpected. Details go to the log, never to the client. */
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [TErrorCode, ...TErrorCode[]];
