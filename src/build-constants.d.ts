/** Subscribe-message template id per notice kind ('' when the build had none), from config/build-env.ts. */
declare const NOTICE_TEMPLATE_IDS: Partial<Record<import('../types/notices').TNoticeKind, string>>;
