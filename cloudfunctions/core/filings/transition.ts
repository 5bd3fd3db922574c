import type { TFilingStatus } from '../../../types/domain';
import { C, type TAuditDoc, type TFilingDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TPatch, TTransaction } from '../storage/port';

export interface TTransitionRequest {
  filingId: string;
  to: TFilingStatus;
  /** Throws the right AppError when the filing, as read inside the transaction, may not make this move. */
  check(current: TFilingDoc | null): asserts current is TFilingDoc;
  /** An asynchronous check run before `check` on the same document (a reviewer's scope may need a read). */
  guard?(tx: TTransaction, current: TFilingDoc | null): Promise<void>;
  patch?: TPatch;
  actorName: string;
  reason?: string | null;
  /** More by-id writes that must commit together with the transition (e.g. creating the group on approval). */
  alongside?(tx: TTransaction, current: TFilingDoc, now: number): Promise<TPatch | void>;
}

/** The append-only record of one filing transition. */
export function auditEntry(
  ctx: TAuthedContext,
  e: { filingId: string; communityId: string | null; seq: number; from: TFilingStatus | null; to: TFilingStatus; actorName: string; reason: string | null; at: number },
) {
  return {
    _id: ctx.ids.next('a'),
    action: `filing:${e.to}`,
    communityId: e.communityId,
    detail: null,
    entity: 'filing' as const,
    entityId: e.filingId,
    seq: e.seq,
    actor: ctx.caller.openid,
    actorName: e.actorName,
    from: e.from,
    to: e.to,
    reason: e.reason,
    at: e.at,
  };
}

/**
 * Moves a filing to a new status and appends its audit entry in one transaction. The check runs on the
 * document as read inside the transaction, so of two concurrent moves only one passes it.
 */
export async function transitionFiling(ctx: TAuthedContext, request: TTransitionRequest): Promise<TFilingDoc> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const current = await tx.get<TFilingDoc>(C.filings, request.filingId);
    await request.guard?.(tx, current);
    request.check(current);
    const extra = (await request.alongside?.(tx, current, now)) ?? {};
    const patch = { ...request.patch, ...extra, status: request.to };
    await tx.update(C.filings, current._id, patch);
    await tx.insert<TAuditDoc>(
      C.audit,
      auditEntry(ctx, { filingId: current._id, communityId: current.communityId, seq: current.version + 1, from: current.status, to: request.to, actorName: request.actorName, reason: request.reason ?? null, at: now }),
    );
    return { ...current, ...patch, version: current.version + 1, updatedAt: now } as TFilingDoc;
  });
}
