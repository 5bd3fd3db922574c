import type { TAdminFunction, TAuditLine } from '../../../types/admin';
import { auditActionLabel } from '../../../types/audit-labels';
import { C, type TAuditDoc, type TCommunityDoc, type TPlaceDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { communitiesUnder } from '../scope';
import type { TFilter, TSortDirection } from '../storage/port';
import { requireStaffCaller, type TStaffCaller } from './officer';

type TImpl = TActionImpl<TAdminFunction['actions']>;
const PAGE = 20;

/**
 * The places whose lines the caller may read: a social worker's communities; a street officer's street and its
 * communities (retired ones too: their retirement is on record); a district officer's district, its streets and
 * every community in it. Lines carry the place they belong to in `communityId` (core/audit/log.ts).
 */
async function visiblePlaces(ctx: TAuthedContext, caller: TStaffCaller): Promise<Map<string, string>> {
  const { scope } = caller;
  const names = new Map<string, string>();
  const byIds = async <T extends TCommunityDoc | TPlaceDoc>(collection: string, ids: string[]): Promise<T[]> =>
    ids.length ? (await ctx.store.collection<T>(collection).find({ where: { _id: { in: ids } }, limit: 100 })).items : [];
  // A district officer: the district's communities and streets (two queries); a street officer: the street's
  // communities and the street's name; a social worker: their communities' names.
  const [byDistrict, byStreet, districtStreets, streets, own] = await Promise.all([
    communitiesUnder(ctx, 'districtId', scope.districtIds),
    scope.districtIds.length ? Promise.resolve([]) : communitiesUnder(ctx, 'streetId', scope.streetIds),
    scope.districtIds.length
      ? ctx.store
          .collection<TPlaceDoc>(C.places)
          .find({ where: { districtId: scope.districtIds.length === 1 ? scope.districtIds[0]! : { in: scope.districtIds }, level: 'street' }, orderBy: [['name', 'asc']], limit: 100 })
          .then((p) => p.items)
      : Promise.resolve([]),
    byIds<TPlaceDoc>(C.places, scope.districtIds.length ? [] : scope.streetIds),
    byIds<TCommunityDoc>(C.communities, scope.communityIds),
  ]);
  for (const id of scope.districtIds) names.set(id, '全区');
  for (const p of [...streets, ...districtStreets]) names.set(p._id, p.name);
  for (const c of [...byDistrict, ...byStreet, ...own]) names.set(c._id, c.name);
  for (const id of scope.communityIds) if (!names.has(id)) names.set(id, id);
  return names;
}

/** Chooses the index for the filters given: a record, a person, an action, or the places alone. */
function queryFor(input: { actor?: string; entityId?: string; auditAction?: string }, places: string[]) {
  const where: TFilter = { communityId: places.length === 1 ? places[0]! : { in: places } };
  if (input.entityId) where.entityId = input.entityId; // audit_entity_at
  if (input.actor) where.actor = input.actor; // audit_actor_at
  if (input.auditAction) where.action = input.auditAction; // audit_action_at
  const orderBy: Array<[string, TSortDirection]> = [['at', 'desc']];
  return { where, orderBy };
}

/** Names of the actors on a page whose lines did not store one: one query. */
async function actorNames(ctx: TAuthedContext, lines: TAuditDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(lines.filter((l) => !l.actorName).map((l) => l.actor))];
  if (ids.length === 0) return new Map();
  const users = await ctx.store.collection<TUserDoc>(C.users).find({ where: { _id: { in: ids } }, limit: 100 });
  return new Map(users.items.map((u) => [u._id, u.displayName]));
}

/** admin.audit: who did what, when, to which record — newest first, only lines of places in the caller's scope. */
export const listAudit: TImpl['audit'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const places = await visiblePlaces(ctx, caller);
  const ids = [...places.keys()];
  if (ids.length === 0) return { items: [], nextCursor: null };
  const page = await ctx.store.collection<TAuditDoc>(C.audit).find({ ...queryFor(input, ids), limit: PAGE, cursor: input.cursor });
  const names = await actorNames(ctx, page.items);
  const items = page.items.map((l): TAuditLine => {
    const action = l.action ?? `filing:${l.to}`;
    return {
      id: l._id,
      at: l.at,
      action,
      actionLabel: auditActionLabel(action),
      entity: l.entity,
      entityId: l.entityId,
      placeName: l.communityId ? (places.get(l.communityId) ?? null) : null,
      actor: l.actor,
      actorName: l.actorName ?? names.get(l.actor) ?? '未登记的用户',
      detail: l.detail ?? l.reason ?? null,
    };
  });
  return { items, nextCursor: page.nextCursor };
};
