import { createHash } from 'node:crypto';
import { GROWTH_LIMITS, NOTE_KIND_LABELS, type TGrowthFunction, type TNoteView } from '../../../types/growth';
import { AppError, invalidFields } from '../app-error';
import { C, type TGroupDoc, type TGroupNoteDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import type { TTransaction } from '../storage/port';
import { staffGroup } from './staff';
import { toStageView } from './stages';

type TImpl = TActionImpl<TGrowthFunction['actions']>;
const PAGE_SIZE = 20;
const DAY = 86_400_000;

export function noteIdFor(openid: string, requestId: string): string {
  return 'n_' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24);
}

export function toNoteView(doc: TGroupNoteDoc): TNoteView {
  return {
    id: doc._id,
    groupId: doc.groupId,
    kind: doc.kind,
    kindLabel: NOTE_KIND_LABELS[doc.kind],
    at: doc.at,
    text: doc.text,
    authorName: doc.authorName,
    createdAt: doc.createdAt,
  };
}

/** Appends a note in the caller's transaction (also the stage change's dated record). */
export function insertNote(tx: TTransaction, note: Omit<TGroupNoteDoc, 'createdAt' | 'updatedAt' | 'version'>) {
  return tx.insert<TGroupNoteDoc>(C.groupnotes, note);
}

/**
 * 记录走访/建议/问题: the community's social workers only (everyone else NOT_FOUND: notes are internal). Dated
 * by the social worker (today or up to a year back, never ahead). The request id makes a retry add one note; the
 * same id with other content is REQUEST_REUSED. Notes are never shown to residents, so no content check.
 */
export const addNote: TImpl['addNote'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const id = noteIdFor(ctx.caller.openid, input.requestId);
  const note = await ctx.store.transaction(async (tx) => {
    const { group, user } = await staffGroup(ctx, input.groupId, 'hidden', tx);
    if (input.at > now) throw invalidFields({ at: '日期不能晚于今天，请重新选择' });
    if (input.at < now - GROWTH_LIMITS.noteBackDays * DAY) throw invalidFields({ at: '只能记录一年以内的情况，请重新选择日期' });
    const existing = await tx.get<TGroupNoteDoc>(C.groupnotes, id);
    if (existing) {
      if (existing.groupId !== group._id || existing.text !== input.text || existing.kind !== input.kind || existing.at !== input.at) {
        throw new AppError('REQUEST_REUSED');
      }
      return existing;
    }
    return insertNote(tx, {
      _id: id,
      groupId: group._id,
      communityId: group.communityId,
      kind: input.kind,
      at: input.at,
      text: input.text,
      authorOpenid: ctx.caller.openid,
      authorName: user.displayName,
    });
  });
  return { note: toNoteView(note) };
};

/** A group's notes, newest first (index groupnotes_group_at), with its stage: social workers of its community only. */
export const listNotes: TImpl['notes'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const { group } = await staffGroup(ctx, input.groupId, 'hidden');
  const page = await ctx.store.collection<TGroupNoteDoc>(C.groupnotes).find({
    where: { groupId: input.groupId },
    orderBy: [['at', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map(toNoteView), nextCursor: page.nextCursor, stage: toStageView(group as TGroupDoc) };
};
