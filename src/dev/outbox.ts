import { NOTICE_KINDS, type TNoticeKind, type TOutboxItem } from '../../types/notices';

export type { TOutboxItem };


/** The Chinese name of a notice kind, or the raw kind for one this build does not know. */
export function noticeKindTitle(kind: string): string {
  return Object.hasOwn(NOTICE_KINDS, kind) ? NOTICE_KINDS[kind as TNoticeKind].title : kind;
}

/** H5 only: the newest notices the gateway's outbox holds for one demo user. */
export async function fetchOutbox(openid: string): Promise<TOutboxItem[]> {
  const res = await fetch(`/dev/outbox?to=${encodeURIComponent(openid)}`);
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { items?: TOutboxItem[] }; error?: { message?: string } } | null;
  if (!body?.ok || !Array.isArray(body.data?.items)) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body.data.items;
}
