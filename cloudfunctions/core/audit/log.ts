import { C } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TTransaction } from '../storage/port';

/**
 * One line of the audit log for anything that is not a filing transition (filing transitions keep their own
 * entries, see filings/transition.ts). SHARED INTERFACE (issue 10): exports, administration and refused
 * cross-scope attempts all write through here; the audit viewer reads them back.
 */
export interface TAuditLine {
  /** e.g. 'export:quarterly', 'community:rename', 'denied:filings.decide'. */
  action: string;
  /** What kind of record it touched: 'filing' | 'group' | 'community' | 'user' | 'report' ... */
  entity: string;
  entityId: string;
  /**
   * The place it belongs to (the viewer's scope filter): a community's id; for lines about a street or a district
   * (an officer's assignment), that street's or district's id; null when it belongs to no place.
   */
  communityId: string | null;
  /** Short readable detail (the rename's new name, the report's quarter); never personal data. */
  detail?: string | null;
  /** The actor's display name when the caller has it at hand; otherwise the viewer looks it up. */
  actorName?: string;
}

/** Appends one audit line, inside `tx` when given (so it commits with the change it records). */
export async function logAudit(ctx: TAuthedContext, line: TAuditLine, tx?: TTransaction): Promise<void> {
  const doc = {
    _id: ctx.ids.next('a'),
    ...line,
    detail: line.detail ?? null,
    actor: ctx.caller.openid,
    at: ctx.clock.now(),
  };
  if (tx) await tx.insert(C.audit, doc);
  else await ctx.store.collection(C.audit).insert(doc);
}
