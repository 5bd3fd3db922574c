import type { TDashboardLevel, TDashboardPlace } from '../../../types/stats';
import { C, type TCommunityDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TStaffScope } from '../scope';

/** Ids are sent to `in` queries at most this many at a time (a page's limit). */
export const IN_CHUNK = 100;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The communities of the scope, one `in` query per 100 (a district's live communities are in its officer's scope). */
export async function scopeCommunities(ctx: TAuthedContext, scope: TStaffScope): Promise<TCommunityDoc[]> {
  const found: TCommunityDoc[] = [];
  for (const ids of chunks([...new Set(scope.communityIds)])) {
    const page = await ctx.store.collection<TCommunityDoc>(C.communities).find({ where: { _id: { in: ids } }, limit: IN_CHUNK });
    found.push(...page.items);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a._id.localeCompare(b._id));
}

/**
 * The places a person may open, widest first: their districts, the streets they are assigned to or that lie in
 * their districts, then their communities. A street or district is known by the community documents in scope
 * (each carries its street and district), so one with no live community in scope is not offered.
 */
export function placesOf(scope: TStaffScope, communities: readonly TCommunityDoc[]): TDashboardPlace[] {
  const places: TDashboardPlace[] = [];
  const seen = new Set<string>();
  const add = (p: TDashboardPlace) => {
    const key = `${p.level}:${p.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    places.push(p);
  };
  for (const c of communities) {
    if (scope.districtIds.includes(c.districtId)) add({ level: 'district', id: c.districtId, name: c.districtName, parentName: null });
  }
  for (const c of communities) {
    if (streetAllowed(scope, c.streetId, communities)) add({ level: 'street', id: c.streetId, name: c.streetName, parentName: c.districtName });
  }
  for (const c of communities) add({ level: 'community', id: c._id, name: c.name, parentName: c.streetName });
  return places;
}

/** A street dashboard: the street is assigned, or an assigned district contains it. */
export function streetAllowed(scope: TStaffScope, streetId: string, communities: readonly TCommunityDoc[]): boolean {
  if (scope.streetIds.includes(streetId)) return true;
  return communities.some((c) => c.streetId === streetId && scope.districtIds.includes(c.districtId));
}

/** The communities a place sums (in scope only). */
export function communitiesOf(level: TDashboardLevel, placeId: string, communities: readonly TCommunityDoc[]): TCommunityDoc[] {
  if (level === 'community') return communities.filter((c) => c._id === placeId);
  if (level === 'street') return communities.filter((c) => c.streetId === placeId);
  return communities.filter((c) => c.districtId === placeId);
}
