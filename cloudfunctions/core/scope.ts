import { AppError, forbidden } from './app-error';
import { C, type TAssignment, type TCommunityDoc, type TUserDoc } from './collections';
import { logAudit } from './audit/log';
import type { TAuthedContext } from './guards';
import type { TTransaction } from './storage/port';

/**
 * What a staff member may see and act on. SHARED INTERFACE (issue 10): the workbench, dashboards and reports
 * code against these functions only.
 *
 * The scope is DERIVED from the person's assignments (docs/administration.md), never from a stored list:
 * - a community assignment (social worker) is read off the user document, so a social worker's check costs the
 *   one read of their own document it always did; retiring a community ends those assignments in the same action;
 * - a street or district assignment (officer) means every live community under it, found by one indexed query on
 *   `communities` (communities_street / communities_district) — a community created in the street is in scope at
 *   once, a retired one drops out, with no copy step.
 */
export interface TStaffScope {
  /** Every live community the person may see, in any order. */
  communityIds: string[];
  /** Streets and districts the person is assigned to as a whole (a street or district dashboard). */
  streetIds: string[];
  districtIds: string[];
}

/** A district's communities are a few hundred at most; pages of 100 are read until done. */
const PAGE = 100;
const MAX_PAGES = 20;

export function assignmentsOf(user: TUserDoc | null | undefined): TAssignment[] {
  return user?.assignments ?? [];
}

/** Staff: someone with a role and at least one assignment. Residents (and staff with every assignment ended) are not. */
export function isStaff(user: TUserDoc | null | undefined): user is TUserDoc {
  return Boolean(user && user.roles.length > 0 && assignmentsOf(user).length > 0);
}

function placeIds(user: TUserDoc, level: TAssignment['level']): string[] {
  return assignmentsOf(user)
    .filter((a) => a.level === level)
    .map((a) => a.placeId);
}

export function isLive(doc: TCommunityDoc | null | undefined): doc is TCommunityDoc {
  return Boolean(doc && !doc.retiredAt);
}

/** Every live community of these streets or districts (one indexed query per 100 communities). */
export async function liveCommunitiesUnder(
  ctx: TAuthedContext,
  field: 'streetId' | 'districtId',
  ids: string[],
): Promise<TCommunityDoc[]> {
  return (await communitiesUnder(ctx, field, ids)).filter(isLive);
}

/** Every community of these streets or districts, retired ones included (the administration tree shows them). */
export async function communitiesUnder(
  ctx: TAuthedContext,
  field: 'streetId' | 'districtId',
  ids: string[],
): Promise<TCommunityDoc[]> {
  if (ids.length === 0) return [];
  const out: TCommunityDoc[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const page = await ctx.store.collection<TCommunityDoc>(C.communities).find({
      where: { [field]: ids.length === 1 ? ids[0]! : { in: ids } },
      orderBy: [['name', 'asc']],
      limit: PAGE,
      cursor,
    });
    // Retired communities are few and stay stored (their groups and filings still point at them): the scope
    // filters them out in code rather than by an equality on a field older documents do not carry.
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** The caller's scope, or null for someone who is not staff. */
export async function staffScopeOf(ctx: TAuthedContext, user: TUserDoc | null): Promise<TStaffScope | null> {
  if (!isStaff(user)) return null;
  const streetIds = placeIds(user, 'street');
  const districtIds = placeIds(user, 'district');
  const ids = new Set(placeIds(user, 'community'));
  // A district assignment covers its streets, so one query by districtId is enough for a district officer.
  const [byDistrict, byStreet] = await Promise.all([
    liveCommunitiesUnder(ctx, 'districtId', districtIds),
    districtIds.length > 0 ? Promise.resolve([]) : liveCommunitiesUnder(ctx, 'streetId', streetIds),
  ]);
  for (const c of [...byDistrict, ...byStreet]) ids.add(c._id);
  return { communityIds: [...ids], streetIds, districtIds };
}

/**
 * Whether the person's assignments cover one community. A community assignment answers without a read; a street
 * or district officer's costs one by-id read of the community (its street, district and whether it is retired).
 */
export async function coversCommunity(
  ctx: TAuthedContext,
  user: TUserDoc | null,
  communityId: string | null,
  tx?: TTransaction,
): Promise<boolean> {
  if (!isStaff(user) || communityId === null) return false;
  if (placeIds(user, 'community').includes(communityId)) return true;
  const streets = placeIds(user, 'street');
  const districts = placeIds(user, 'district');
  if (streets.length === 0 && districts.length === 0) return false;
  const community = tx
    ? await tx.get<TCommunityDoc>(C.communities, communityId)
    : await ctx.store.collection<TCommunityDoc>(C.communities).get(communityId);
  if (!isLive(community)) return false;
  return streets.includes(community.streetId) || districts.includes(community.districtId);
}

export interface TAttempt {
  /** Defaults to the action being run (`ctx.action`, set by the dispatcher). */
  action?: string;
  entity: string;
  entityId: string;
}

/** Writes the `denied:<action>` line for a staff member refused outside their scope. */
export async function logDenied(ctx: TAuthedContext, communityId: string | null, attempt: TAttempt): Promise<void> {
  const action = attempt.action ?? ctx.action ?? 'unknown';
  await logAudit(ctx, { action: `denied:${action}`, entity: attempt.entity, entityId: attempt.entityId, communityId });
}

/**
 * Refuses (FORBIDDEN) a staff member acting on a community outside their scope, and writes the attempt to the
 * audit log first (outside any transaction: the refusal must be on record even though nothing else is).
 */
export async function refuseOutsideScope(
  ctx: TAuthedContext,
  scope: TStaffScope | null,
  communityId: string | null,
  attempt: { action: string; entity: string; entityId: string },
): Promise<void> {
  if (scope && communityId !== null && scope.communityIds.includes(communityId)) return;
  await logDenied(ctx, communityId, attempt);
  throw forbidden();
}

/**
 * A staff member refused outside their scope. The dispatcher writes the `denied:<action>` line when it answers
 * (core/dispatch.ts): the refusal is often thrown inside a transaction, which rolls back everything written in it
 * and may not touch the store outside it, so the line is written after it ended.
 */
export class DeniedError extends AppError {
  constructor(
    code: 'FORBIDDEN' | 'NOT_FOUND',
    readonly communityId: string | null,
    readonly attempt: TAttempt,
  ) {
    super(code);
    this.name = 'DeniedError';
  }
}

/**
 * The guard the existing staff actions use: passes when the person's assignments cover the community. Otherwise
 * throws `refusal` (the action's documented code, docs/access.md), as a DeniedError (logged) when the person is
 * staff — a resident reaching a staff action is not an attempt worth a line. Reads through `tx` inside one.
 */
export async function requireCovers(
  ctx: TAuthedContext,
  user: TUserDoc | null,
  communityId: string | null,
  attempt: TAttempt,
  refusal: 'forbidden' | 'notFound' = 'forbidden',
  tx?: TTransaction,
): Promise<TUserDoc> {
  if (await coversCommunity(ctx, user, communityId, tx)) return user!;
  const code = refusal === 'notFound' ? 'NOT_FOUND' : 'FORBIDDEN';
  if (isStaff(user)) throw new DeniedError(code, communityId, attempt);
  throw new AppError(code);
}
