import {
  DAY_MS,
  SLOT_MS,
  WEEKDAY_LABELS,
  chinaDayStart,
  chinaMinuteOfDay,
  chinaWeekday,
  formatMinute,
  formatOpening,
  formatSlotTime,
  unitsOf,
} from '../../../types/base-time';
import { AppError, notFound } from '../app-error';
import { C } from '../collections';
import type { TContext } from '../context';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import type { TRoomDoc, TRoomSlotDoc, TSlotHolderKind } from './docs';

/**
 * The slot core: no two holders ever share a 30-minute unit of a room (docs/base.md).
 *
 * CloudBase transactions read and write by id only, so "is anything overlapping?" cannot be asked inside one.
 * Instead each unit is a document with a deterministic id (`slot_<roomId>_<unitStart>`), inserted in the claiming
 * transaction: a unit already taken makes the insert throw DuplicateIdError, which aborts the whole transaction
 * (a weekly series lands all its units or none). Two simultaneous claims of one unit collide on the same id, on
 * SQLite (one writer at a time) and on CloudBase (a write conflict, retried onto the committed winner).
 *
 * Use from any transaction (bookings, events, courses):
 *   try { await ctx.store.transaction(async (tx) => { …; await claimRoom(tx, ctx, { roomId, ranges, holder }); }) }
 *   catch (e) { throw await asConflict(ctx, e, roomId, ranges); }
 * and free the same ranges with releaseRoom in the transaction that cancels the holder.
 */

export interface TRange {
  startAt: number;
  endAt: number;
}

export interface TSlotHolder {
  kind: TSlotHolderKind;
  /** The booking, event or course id. */
  id: string;
  /** The group's name, or the community's for its own use (shown on the calendar and in conflicts). */
  name: string;
  title: string;
  /** The group holding it; null for the community's own use. */
  groupId?: string | null;
}

export const ROOM_LIMITS = {
  /** Units one claim may take (each is one insert, one HTTPS request on CloudBase): 20 weeks × 4 hours. */
  unitsPerClaim: 160,
  /** How far ahead a room can be booked. */
  aheadDays: 366,
} as const;

export const slotIdFor = (roomId: string, unitStart: number) => `slot_${roomId}_${unitStart}`;

/** What is wrong with claiming these ranges of this room at `now`, in words that say what to do; null if nothing. */
export function claimProblem(room: TRoomDoc, ranges: TRange[], now: number): string | null {
  if (!room.active) return `「${room.name}」已停用，请选择其他房间`;
  if (ranges.length === 0) return '请选择预订的时间';
  let units = 0;
  const sorted = [...ranges].sort((a, b) => a.startAt - b.startAt);
  for (const [i, r] of sorted.entries()) {
    if (!Number.isInteger(r.startAt) || !Number.isInteger(r.endAt) || r.startAt % SLOT_MS !== 0 || r.endAt % SLOT_MS !== 0) {
      return '开始和结束时间需在整点或半点，例如 9:00 或 9:30';
    }
    if (r.endAt <= r.startAt) return '结束时间需晚于开始时间';
    if (r.startAt < now) return `${formatSlotTime(r.startAt)}已经过去，请选择以后的时间`;
    if (r.startAt > now + ROOM_LIMITS.aheadDays * DAY_MS) return '最多只能预订一年以内的时间，请减少周数或选近一些的日期';
    const day = chinaDayStart(r.startAt);
    if (r.endAt > day + DAY_MS) return '一次预订需在同一天内结束，请分开预订';
    const weekday = chinaWeekday(r.startAt);
    const opening = room.hours[weekday] ?? null;
    if (!opening) return `「${room.name}」${WEEKDAY_LABELS[weekday]}不开放，请换一天`;
    const from = chinaMinuteOfDay(r.startAt);
    const to = r.endAt === day + DAY_MS ? 24 * 60 : chinaMinuteOfDay(r.endAt);
    if (from < opening.open || to > opening.close) {
      return `「${room.name}」${WEEKDAY_LABELS[weekday]}的开放时间是 ${formatOpening(opening)}，${formatMinute(from)}–${formatMinute(to)} 超出了开放时间，请调整`;
    }
    const previous = sorted[i - 1];
    if (previous && r.startAt < previous.endAt) return '选择的几个时间段彼此重叠，请检查';
    units += (r.endAt - r.startAt) / SLOT_MS;
  }
  if (units > ROOM_LIMITS.unitsPerClaim) {
    return `一次最多预订 ${ROOM_LIMITS.unitsPerClaim / 2} 小时，请减少周数或缩短时长`;
  }
  return null;
}

const refuse = (problem: string) => new AppError('VALIDATION_FAILED', { startAt: problem }, problem);

/**
 * Claims every unit of `ranges` in `roomId` for `holder` inside `tx`: reads the room (NOT_FOUND if missing),
 * refuses bad times (VALIDATION_FAILED, nothing written), then inserts one slot per unit. A taken unit throws
 * DuplicateIdError out of the transaction: turn it into the readable refusal with asConflict after it.
 * Costs 1 read (none when `room` was already read in this transaction) + 1 insert per unit. Returns the room (its
 * name is the place of what booked it).
 */
export async function claimRoom(
  tx: TTransaction,
  ctx: Pick<TContext, 'clock'>,
  claim: { roomId: string; ranges: TRange[]; holder: TSlotHolder; room?: TRoomDoc },
): Promise<TRoomDoc> {
  const room = claim.room ?? (await tx.get<TRoomDoc>(C.rooms, claim.roomId));
  if (!room) throw notFound();
  const problem = claimProblem(room, claim.ranges, ctx.clock.now());
  if (problem) throw refuse(problem);
  const { holder } = claim;
  for (const range of [...claim.ranges].sort((a, b) => a.startAt - b.startAt)) {
    for (const unitStart of unitsOf(range)) {
      await tx.insert<TRoomSlotDoc>(C.roomslots, {
        _id: slotIdFor(room._id, unitStart),
        roomId: room._id,
        unitStart,
        rangeStartAt: range.startAt,
        rangeEndAt: range.endAt,
        head: unitStart === range.startAt,
        holderKind: holder.kind,
        holderId: holder.id,
        holderName: holder.name,
        holderGroupId: holder.groupId ?? null,
        title: holder.title,
      });
    }
  }
  return room;
}

/**
 * Frees the units of `ranges` in `roomId` inside `tx`: one remove per unit, no reads. Call it only with ranges the
 * holder claimed (as stored on the holder's document), in the transaction that ends the holder, so a unit is
 * removed only by whoever holds it.
 */
export async function releaseRoom(tx: TTransaction, release: { roomId: string; ranges: TRange[] }): Promise<void> {
  for (const range of release.ranges) {
    for (const unitStart of unitsOf(range)) await tx.remove(C.roomslots, slotIdFor(release.roomId, unitStart));
  }
}

export interface TConflict {
  unitStart: number;
  holderName: string;
  /** Only when it is public (an event, a course, the community's own use); a group's own booking shows its name alone. */
  title: string | null;
  message: string;
}

/** Whether a slot's title may be shown to anyone: a group's own booking keeps its purpose to the group and staff. */
export const titleIsPublic = (slot: Pick<TRoomSlotDoc, 'holderKind' | 'holderGroupId'>) => slot.holderKind !== 'booking' || slot.holderGroupId === null;

/** The readable refusal for a taken unit: whose it is and when, without private details of other groups. */
export function conflictMessage(slot: Pick<TRoomSlotDoc, 'unitStart' | 'holderName' | 'holderKind' | 'holderGroupId' | 'title'>): TConflict {
  const title = titleIsPublic(slot) ? slot.title : null;
  const what = title ? `「${slot.holderName}」的「${title}」` : `「${slot.holderName}」`;
  return {
    unitStart: slot.unitStart,
    holderName: slot.holderName,
    title,
    message: `${formatSlotTime(slot.unitStart)}起已被${what}预订，请换个时间或房间`,
  };
}

/**
 * After a claim failed: the earliest unit of `ranges` that someone holds now (one indexed query), or null if
 * none is held any more (it was freed meanwhile: trying again may work).
 */
export async function describeConflict(ctx: Pick<TContext, 'store'>, roomId: string, ranges: TRange[]): Promise<TConflict | null> {
  const units = ranges.flatMap(unitsOf).sort((a, b) => a - b);
  if (units.length === 0) return null;
  const found = await ctx.store.collection<TRoomSlotDoc>(C.roomslots).find({
    where: { roomId, unitStart: { in: units } },
    orderBy: [['unitStart', 'asc']],
    limit: 1,
  });
  const slot = found.items[0];
  return slot ? conflictMessage(slot) : null;
}

/**
 * Turns a claim's DuplicateIdError on a slot into CONFLICT naming the first taken unit and its holder; any other
 * error is returned unchanged (throw the result).
 */
export async function asConflict(ctx: Pick<TContext, 'store'>, error: unknown, roomId: string, ranges: TRange[]): Promise<unknown> {
  if (!(error instanceof DuplicateIdError) || error.collection !== C.roomslots) return error;
  const conflict = await describeConflict(ctx, roomId, ranges);
  return new AppError('CONFLICT', undefined, conflict?.message ?? '这个时段刚刚被别人订走了，请刷新日历后换个时间');
}
