import type { TEventCard, TEventsFunction } from '../../../types/events';
import { C, type TEventDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { encodeCursor, InvalidCursorError, normalizeOrder } from '../storage/cursor';
import type { TFindOptions, TFindPage, TSortDirection } from '../storage/port';
import { RUNNING_LOOKBACK_MS } from './rules';
import { PAGE_SIZE } from './scan';
import { toEventCard } from './views';

type TImpl = TActionImpl<TEventsFunction['actions']>;

/**
 * A group's events are those it hosts and those it co-hosts: two index reads (hostGroupId, coHostGroupId, each with
 * startAt), merged in order. A page takes at most 20 of the merged rows; the cursor holds where each stream
 * stopped (a store cursor built from the last row taken from it, `false` once it is used up), so nothing is
 * skipped or repeated. Two requests a page; both are index-served on CloudBase and SQLite alike.
 */
type TStreamAt = string | null | false;
interface TPosition {
  host: TStreamAt;
  coHost: TStreamAt;
}

function decodePosition(cursor: string | undefined): TPosition {
  if (!cursor) return { host: null, coHost: null };
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<TPosition>;
    const ok = (v: unknown) => v === null || v === false || (typeof v === 'string' && v.length > 0);
    if (ok(p.host) && ok(p.coHost)) return p as TPosition;
  } catch {
    // fall through
  }
  throw new InvalidCursorError('group events cursor has the wrong shape');
}

const encodePosition = (p: TPosition): string | null =>
  p.host === false && p.coHost === false ? null : Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');

const EMPTY: TFindPage<TEventDoc> = { items: [], nextCursor: null };

export const groupEvents: TImpl['groupEvents'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const upcoming = input.when === 'upcoming';
  const direction: TSortDirection = upcoming ? 'asc' : 'desc';
  const orderBy: TFindOptions['orderBy'] = [['startAt', direction]];
  const startAt = upcoming ? { gte: now - RUNNING_LOOKBACK_MS } : { lt: now };
  const events = ctx.store.collection<TEventDoc>(C.events);
  const read = (field: 'hostGroupId' | 'coHostGroupId', at: TStreamAt) =>
    at === false
      ? Promise.resolve(EMPTY)
      : events.find({ where: { [field]: input.groupId, startAt }, orderBy, limit: PAGE_SIZE, cursor: at ?? undefined });

  const position = decodePosition(input.cursor);
  const [host, coHost] = await Promise.all([read('hostGroupId', position.host), read('coHostGroupId', position.coHost)]);

  // Merge by (startAt in the page's direction, then _id), as each stream is sorted.
  const tagged = [...host.items.map((e) => ({ e, from: 'host' as const })), ...coHost.items.map((e) => ({ e, from: 'coHost' as const }))];
  tagged.sort((x, y) => (x.e.startAt === y.e.startAt ? (x.e._id < y.e._id ? -1 : 1) : (x.e.startAt - y.e.startAt) * (upcoming ? 1 : -1)));
  const taken = tagged.slice(0, PAGE_SIZE);

  const order = normalizeOrder(orderBy);
  const next = (from: 'host' | 'coHost', page: TFindPage<TEventDoc>): TStreamAt => {
    const mine = taken.filter((t) => t.from === from);
    const last = mine[mine.length - 1]?.e;
    if (!last) return page.items.length === 0 && !page.nextCursor ? false : position[from];
    const usedUp = last === page.items[page.items.length - 1] && !page.nextCursor;
    return usedUp ? false : encodeCursor(order, last);
  };

  const items: TEventCard[] = taken.map((t) => t.e).filter((e) => (upcoming ? e.endAt > now : e.endAt <= now)).map(toEventCard);
  return { items, nextCursor: encodePosition({ host: next('host', host), coHost: next('coHost', coHost) }) };
};
