import type { TReportLevel } from '../../../types/report-vocab';
import type { TReportPlace } from '../../../types/reports';
import { C, type TCommunityDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import { refuseOutsideScope, type TStaffScope } from '../scope';
import { findAll } from './figures';

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

/** Every community of a street or district, by name (communities_street / communities_district). */
export function communitiesUnder(ctx: TAuthedContext, level: 'street' | 'district', placeId: string): Promise<TCommunityDoc[]> {
  return findAll<TCommunityDoc>(ctx.store, C.communities, { [LEVEL_FIELD[level]]: placeId }, [['name', 'asc']]);
}

/** Chinese readers expect pinyin order (北焦, 塔谈, 友谊), not the code-point order the index keeps. */
const byName = (communities: TCommunityDoc[]) => [...communities].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

const placeNameOf = (level: TReportLevel, c: TCommunityDoc) =>
  level === 'community' ? c.name : level === 'street' ? c.streetName : c.districtName;

function covers(scope: TStaffScope, level: 'street' | 'district', placeId: string, communities: TCommunityDoc[]): boolean {
  if ((level === 'street' ? scope.streetIds : scope.districtIds).includes(placeId)) return true;
  return communities.length > 0 && communities.every((c) => scope.communityIds.includes(c._id));
}

/** The place asked for, if the caller may report on it; otherwise the attempt is logged and refused (FORBIDDEN). */
export async function reportScope(
  ctx: TAuthedContext,
  scope: TStaffScope | null,
  level: TReportLevel,
  placeId: string,
): Promise<TReportScope> {
  const attempt = { action: 'export:quarterly', entity: level, entityId: placeId };
  if (level === 'community') {
    await refuseOutsideScope(ctx, scope, placeId, attempt);
    const community = await ctx.store.collection<TCommunityDoc>(C.communities).get(placeId);
    if (!community) await refuseOutsideScope(ctx, null, placeId, attempt);
    return { level, placeId, placeName: community!.name, communities: [community!] };
  }
  const communities = scope ? await communitiesUnder(ctx, level, placeId) : [];
  if (!scope || communities.length === 0 || !covers(scope, level, placeId, communities)) {
    await refuseOutsideScope(ctx, null, null, attempt);
  }
  return { level, placeId, placeName: placeNameOf(level, communities[0]!), communities: byName(communities) };
}

/** What the reports page offers: the caller's district and streets (when covered), then their communities. */
export async function reportablePlaces(ctx: TAuthedContext, scope: TStaffScope | null): Promise<TReportPlace[]> {
  if (!scope) return [];
  const own = (
    await Promise.all(scope.communityIds.map((id) => ctx.store.collection<TCommunityDoc>(C.communities).get(id)))
  ).filter((c): c is TCommunityDoc => c !== null);
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
