import type { TReportsFunction } from '../../../types/reports';
import { logAudit } from '../audit/log';
import type { TActionImpl } from '../dispatch';
import { authed, findUser } from '../guards';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { staffScopeOf } from '../scope';
import { communityFigures } from './figures';
import { reportablePlaces, reportScope } from './places';
import { quarterAt, quarterOf, requireStarted } from './quarter';
import { quarterlyWorkbook } from './quarterly-workbook';
import { generatedBy } from './who';

type TImpl = TActionImpl<TReportsFunction['actions']>;

/** The reports page's picker: the places in the caller's scope (none for someone who is not staff) and this quarter. */
export const reportOptions: TImpl['options'] = async (rawCtx) => {
  const ctx = authed(rawCtx);
  const scope = await staffScopeOf(ctx, await findUser(ctx));
  return { places: await reportablePlaces(ctx, scope), ...quarterAt(ctx.clock.now()) };
};

/**
 * 季度统计报表: staff of the place only (others are refused; staff asking outside their scope are also logged). The workbook is stored, the export written to the audit log, and a short-lived link answered.
 */
export const quarterlyReport: TImpl['quarterly'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const quarter = quarterOf(input.year, input.quarter);
  const user = await findUser(ctx);
  const scope = await staffScopeOf(ctx, user);
  const place = await reportScope(ctx, scope, input.level, input.placeId);
  requireStarted(quarter, now);
  await consumeRate(ctx, RATE_RULES.reportExport);
  const figures = await Promise.all(place.communities.map((c) => communityFigures(ctx.store, c, quarter)));
  const bytes = await quarterlyWorkbook({ scope: place, quarter, generatedAt: now, generatedBy: generatedBy(user, null, true) }, figures);
  const fileName = `${place.placeName}_${quarter.label}统计报表.xlsx`;
  const stored = await ctx.files.putReport(bytes, fileName, now);
  await logAudit(ctx, {
    action: 'export:quarterly',
    entity: input.level,
    entityId: input.placeId,
    // The place it belongs to: the community, or the street or district (the audit viewer's place filter).
    communityId: input.placeId,
    detail: `${place.placeName} ${quarter.label}`,
  });
  return { file: { fileName, ...stored } };
};
