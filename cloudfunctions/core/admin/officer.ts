import { forbidden } from '../app-error';
import { C, type TCommunityDoc, type TPlaceDoc, type TUserDoc } from '../collections';
import { findUser, type TAuthedContext } from '../guards';
import { DeniedError, isStaff, type TStaffScope } from '../scope';

/**
 * Who may do what in administration (docs/administration.md, docs/access.md):
 * - reads (places, staff, audit): any staff member, within their derived scope; residents FORBIDDEN;
 * - changes: officers only — a street officer in the communities of their street, a district officer anywhere in
 *   the district (and street assignments there). District assignments come from the org file (setup), not the app.
 * Staff refused outside their scope leave a `denied:` line (DeniedError, written by the dispatcher).
 */
export interface TStaffCaller {
  user: TUserDoc;
  scope: TStaffScope;
}

/**
 * The caller as staff, with the places they are assigned to as they stand on their document. `communityIds` holds
 * only their community assignments here: administration checks a street or district directly, and the actions that
 * list communities read them under those places themselves — no query spent on expanding the scope first.
 */
export async function requireStaffCaller(ctx: TAuthedContext): Promise<TStaffCaller> {
  const user = await findUser(ctx);
  if (!isStaff(user)) throw forbidden();
  const of = (level: string) => (user.assignments ?? []).filter((a) => a.level === level).map((a) => a.placeId);
  return { user, scope: { communityIds: of('community'), streetIds: of('street'), districtIds: of('district') } };
}

export function managesCommunity(scope: TStaffScope, c: Pick<TCommunityDoc, 'streetId' | 'districtId'>): boolean {
  return scope.streetIds.includes(c.streetId) || scope.districtIds.includes(c.districtId);
}

/** Creating communities in a street: its street officer or the district's officer. */
export function managesStreet(scope: TStaffScope, street: Pick<TPlaceDoc, '_id' | 'districtId'>): boolean {
  return scope.streetIds.includes(street._id) || scope.districtIds.includes(street.districtId);
}

/** Street assignments: the district's officer only. */
export function assignsStreetOfficers(scope: TStaffScope, street: Pick<TPlaceDoc, 'districtId'>): boolean {
  return scope.districtIds.includes(street.districtId);
}

/** Throws the logged refusal for a staff member acting on a place outside what they manage. */
export function deny(placeId: string | null, entity: string, entityId: string): never {
  throw new DeniedError('FORBIDDEN', placeId, { entity, entityId });
}

export async function getCommunity(ctx: TAuthedContext, id: string): Promise<TCommunityDoc | null> {
  return ctx.store.collection<TCommunityDoc>(C.communities).get(id);
}

export async function getPlace(ctx: TAuthedContext, id: string): Promise<TPlaceDoc | null> {
  return ctx.store.collection<TPlaceDoc>(C.places).get(id);
}
