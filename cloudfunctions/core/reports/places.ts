import type { TReportLevel } from '../../../types/report-vocab';
import type { TReportPlace } from '../../../types/reports';
import { forbidden } from '../app-error';
import { C, type TCommunityDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import { DeniedError, isLive, liveCommunitiesUnder, type TStaffScope } from '../scope';

/**
 * The places a report covers. A community report needs the community in the caller's scope; a street or district
 * report needs the street or district assigned as a whole, or every one of its communities in scope (so a street
 * officer whose scope is listed community by community still gets the street's report, and a social worker never
 * gets a street report that silently leaves out the communities they cannot see).
 */
export interface TReportScope {
  level: TReportLevel;
  placeId: string;
  placeName: string;
  /** In pinyin order of their names. */
  communities: TCommunityDoc[];
}

const LEVEL_FIELD = { street: 'streetId', district: 'districtId' } as const;

/** Every live community of a street or district (communities_street / communities_district; retired ones drop out). */
function communitiesUnder(ctx: TAuthedContext, level: 'street' | 'district', placeId: string): Promise<TCommunityDoc[]> {
  return liveCommunitiesUnder(ctx, LEVEL_FIELD[level], [placeId]);
}

/** Chinese readers expect pinyin order (北焦, 塔谈, 友谊), not the code-point order the index keeps. */
const byName = (communities: TCommunityDoc[]) => [...communities].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

const placeNameOf = (level: TReportLevel, c: TCommunityDoc) =>
  level === 'community' ? c.name : level === 'street' ? c.streetName : c.districtName;

function covers(scope: TStaffScope, level: 'street' | 'district', placeId: string, communities: TCommunityDoc[]): boolean {
  if ((level === 'street' ? scope.streetIds : scope.districtIds).includes(placeId)) return true;
  return communities.length > 0 && communities.every((c) => scope.communityIds.includes(c._id));
}

/**
 * The place asked for, if the caller may report on it. Otherwise FORBIDDEN (places are public); for staff the
 * dispatcher also writes the `denied:reports.quarterly` line (a DeniedError), a resident's try is not an attempt.
 */
export async function reportScope(
  ctx: TAuthedContext,
  scope: TStaffScope | null,
  level: TReportLevel,
  placeId: string,
): Promise<TReportScope> {
  const refuse = () => (scope ? new DeniedError('FORBIDDEN', placeId, { entity: level, entityId: placeId }) : forbidden());
  if (!scope) throw refuse();
  if (level === 'community') {
    if (!scope.communityIds.includes(placeId)) throw refuse();
    const community = await ctx.store.collection<TCommunityDoc>(C.communities).get(placeId);
    if (!isLive(community)) throw refuse();
    return { level, placeId, placeName: community.name, communities: [community] };
  }
  const communities = await communitiesUnder(ctx, level, placeId);
  if (communities.length === 0 || !covers(scope, level, placeId, communities)) throw refuse();
  return { level, placeId, placeName: placeNameOf(level, communities[0]!), communities: byName(communities) };
}

/** What the reports page offers: the caller's district and streets (when covered), then their communities. */
export async function reportablePlaces(ctx: TAuthedContext, scope: TStaffScope | null): Promise<TReportPlace[]> {
  if (!scope) return [];
  const own = (await Promise.all(scope.communityIds.map((id) => ctx.store.collection<TCommunityDoc>(C.communities).get(id)))).filter(isLive);
  const above = async (level: 'street' | 'district', assigned: string[]): Promise<TReportPlace[]> => {
    const field = LEVEL_FIELD[level];
    const candidates = [...new Set([...assigned, ...own.map((c) => c[field])])];
    const places = await Promise.all(
      candidates.map(async (placeId) => {
        const communities = await communitiesUnder(ctx, level, placeId);
        const place: TReportPlace | null =
          communities.length > 0 && covers(scope, level, placeId, communities) ? { level, placeId, name: placeNameOf(level, communities[0]!) } : null;
        return place;
      }),
    );
    return places.filter((p): p is TReportPlace => p !== null);
  };
  const [districts, streets] = await Promise.all([above('district', scope.districtIds), above('street', scope.streetIds)]);
  const communities = byName(own).map((c): TReportPlace => ({ level: 'community', placeId: c._id, name: c.name }));
  return [...districts, ...streets, ...communities];
}
