import type { z } from 'zod';
import { PLACE_LEVEL_LABELS, ROLE_OF_LEVEL, type TStaffRole } from '../../../types/domain';
import type { TAdminFunction, TAssignmentView, TStaffRow } from '../../../types/admin';
import { AppError } from '../app-error';
import { logAudit } from '../audit/log';
import { C, type TAssignment, type TCommunityDoc, type TPlaceDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import type { TStaffScope } from '../scope';
import type { TTransaction } from '../storage/port';
import {
  assignsStreetOfficers,
  deny,
  getCommunity,
  getPlace,
  managesCommunity,
  requireStaffCaller,
  type TStaffCaller,
} from './officer';

type TImpl = TActionImpl<TAdminFunction['actions']>;
type TTarget = z.output<TAdminFunction['actions']['assign']['input']>;

/** A district's staff fit a few pages; one root place (the common case) pages with the cursor. */
const PAGE = 50;

/** Roles follow the assignments: community → 社工, street or district → 管理员. */
export function rolesOf(assignments: TAssignment[]): TStaffRole[] {
  return [...new Set(assignments.map((a) => ROLE_OF_LEVEL[a.level]))].sort();
}

/** The place ids an assignment sits in or under: what users_assigned_within finds a person by. */
export function withinOf(place: { level: TAssignment['level']; doc: TCommunityDoc | TPlaceDoc }): string[] {
  if (place.level === 'community') {
    const c = place.doc as TCommunityDoc;
    return [c._id, c.streetId, c.districtId];
  }
  const p = place.doc as TPlaceDoc;
  return place.level === 'street' ? [p._id, p.districtId] : [p._id];
}

/** The topmost places of a scope: everyone assigned in or under them is in the caller's staff list. */
export function rootsOf(scope: TStaffScope, user: TUserDoc): string[] {
  if (scope.districtIds.length) return scope.districtIds;
  if (scope.streetIds.length) return [...scope.streetIds, ...communityAssignments(user).filter((id) => !scope.communityIds.includes(id))];
  return scope.communityIds;
}

function communityAssignments(user: TUserDoc): string[] {
  return (user.assignments ?? []).filter((a) => a.level === 'community').map((a) => a.placeId);
}

/** Names of the places the rows' assignments point at: one query per collection. */
async function placeNames(ctx: TAuthedContext, people: TUserDoc[]) {
  const ids = [...new Set(people.flatMap((p) => (p.assignments ?? []).map((a) => a.placeId)))];
  if (ids.length === 0) return { communities: new Map<string, TCommunityDoc>(), places: new Map<string, TPlaceDoc>() };
  const [communities, places] = await Promise.all([
    ctx.store.collection<TCommunityDoc>(C.communities).find({ where: { _id: { in: ids } }, limit: 100 }),
    ctx.store.collection<TPlaceDoc>(C.places).find({ where: { _id: { in: ids } }, limit: 100 }),
  ]);
  return {
    communities: new Map(communities.items.map((c) => [c._id, c])),
    places: new Map(places.items.map((p) => [p._id, p])),
  };
}

function mayEnd(caller: TStaffCaller, person: TUserDoc, a: TAssignment, names: Awaited<ReturnType<typeof placeNames>>): boolean {
  if (person._id === caller.user._id) return false;
  if (a.level === 'community') {
    const c = names.communities.get(a.placeId);
    return Boolean(c && managesCommunity(caller.scope, c));
  }
  const p = names.places.get(a.placeId);
  return a.level === 'street' && Boolean(p && assignsStreetOfficers(caller.scope, p));
}

export async function toStaffRows(ctx: TAuthedContext, caller: TStaffCaller, people: TUserDoc[]): Promise<TStaffRow[]> {
  const names = await placeNames(ctx, people);
  return people.map((person) => ({
    openid: person._id,
    displayName: person.displayName,
    assignments: (person.assignments ?? []).map(
      (a): TAssignmentView => ({
        level: a.level,
        levelLabel: PLACE_LEVEL_LABELS[a.level],
        placeId: a.placeId,
        placeName: (a.level === 'community' ? names.communities.get(a.placeId)?.name : names.places.get(a.placeId)?.name) ?? a.placeId,
        since: a.since,
        canUnassign: mayEnd(caller, person, a, names),
      }),
    ),
  }));
}

/** People assigned in or under a place, by name (users_assigned_within). */
export async function staffWithin(ctx: TAuthedContext, placeId: string, cursor?: string) {
  return ctx.store.collection<TUserDoc>(C.users).find({
    where: { assignedWithin: { has: placeId } },
    orderBy: [['displayName', 'asc']],
    limit: PAGE,
    cursor,
  });
}

/** admin.staff: everyone assigned within the caller's scope, by name. */
export const listStaff: TImpl['staff'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const roots = rootsOf(caller.scope, caller.user);
  if (roots.length === 1) {
    const page = await staffWithin(ctx, roots[0]!, input.cursor);
    return { items: await toStaffRows(ctx, caller, page.items), nextCursor: page.nextCursor };
  }
  // Several roots (a social worker of two communities): the first page of each, merged by person.
  const pages = await Promise.all(roots.map((root) => staffWithin(ctx, root)));
  const byId = new Map(pages.flatMap((p) => p.items).map((u) => [u._id, u]));
  const people = [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
  return { items: await toStaffRows(ctx, caller, people), nextCursor: null };
};

/** Resolves the place of an assignment and checks the caller may assign there (logged when refused). */
async function resolvePlace(ctx: TAuthedContext, caller: TStaffCaller, target: TTarget) {
  if (target.level === 'community') {
    const community = await getCommunity(ctx, target.placeId);
    if (!community || community.retiredAt) throw new AppError('NOT_FOUND', undefined, '找不到这个社区，请刷新后重选');
    if (!managesCommunity(caller.scope, community)) deny(community._id, 'user', target.openid);
    return { doc: community, name: community.name, logPlace: community._id };
  }
  const place = await getPlace(ctx, target.placeId);
  if (!place || place.level !== target.level) throw new AppError('NOT_FOUND', undefined, '找不到这个地方，请刷新后重选');
  // District officers come from the org file (setup); a street officer is assigned by the district's officer.
  if (target.level === 'district' || !assignsStreetOfficers(caller.scope, place)) deny(place._id, 'user', target.openid);
  return { doc: place, name: place.name, logPlace: place._id };
}

async function changeAssignment(rawCtx: Parameters<TImpl['assign']>[0], target: TTarget, add: boolean) {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  if (target.openid === ctx.caller.openid) {
    throw new AppError('FORBIDDEN', undefined, '不能给自己分配或撤销分配，请上级管理员办理');
  }
  const place = await resolvePlace(ctx, caller, target);
  const now = ctx.clock.now();
  const { person } = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TUserDoc>(C.users, target.openid);
    if (!current) throw new AppError('NOT_FOUND', undefined, '找不到这个人员编号：请对方先打开一次小程序，再核对编号');
    const list = current.assignments ?? [];
    const has = list.some((a) => a.level === target.level && a.placeId === target.placeId);
    // Asking twice (a retry, two taps) changes nothing the second time.
    if (has === add) return { person: current, changed: false };
    const assignments = add
      ? [...list, { level: target.level, placeId: target.placeId, since: now, by: ctx.caller.openid }]
      : list.filter((a) => !(a.level === target.level && a.placeId === target.placeId));
    const within = await withinAll(tx, assignments, target, place.doc);
    const patch = { assignments, assignedWithin: within, roles: rolesOf(assignments) };
    await tx.update(C.users, current._id, patch);
    await logAudit(
      ctx,
      {
        action: add ? 'assignment:add' : 'assignment:end',
        entity: 'user',
        entityId: current._id,
        communityId: place.logPlace,
        detail: `${current.displayName} · ${PLACE_LEVEL_LABELS[target.level]} ${place.name}`,
        actorName: caller.user.displayName,
      },
      tx,
    );
    return { person: { ...current, ...patch }, changed: true };
  });
  const [row] = await toStaffRows(ctx, caller, [person]);
  return { person: row! };
}

/** Recomputes `assignedWithin` from every assignment (by-id reads of their places, inside the transaction). */
async function withinAll(
  tx: TTransaction,
  assignments: TAssignment[],
  known: TTarget,
  knownDoc: TCommunityDoc | TPlaceDoc,
): Promise<string[]> {
  const out = new Set<string>();
  for (const a of assignments) {
    const doc =
      a.placeId === known.placeId
        ? knownDoc
        : a.level === 'community'
          ? await tx.get<TCommunityDoc>(C.communities, a.placeId)
          : await tx.get<TPlaceDoc>(C.places, a.placeId);
    if (doc) for (const id of withinOf({ level: a.level, doc })) out.add(id);
    else out.add(a.placeId);
  }
  return [...out].sort();
}

export const assign: TImpl['assign'] = (ctx, input) => changeAssignment(ctx, input, true);
export const unassign: TImpl['unassign'] = (ctx, input) => changeAssignment(ctx, input, false);

/** Retiring a community ends every community assignment to it (called in the retirement, before its transaction). */
export async function peopleAssignedTo(ctx: TAuthedContext, communityId: string): Promise<TUserDoc[]> {
  const page = await staffWithin(ctx, communityId);
  return page.items.filter((u) => (u.assignments ?? []).some((a) => a.level === 'community' && a.placeId === communityId));
}
