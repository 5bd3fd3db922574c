import { createHash } from 'node:crypto';
import type { TAdminFunction, TCommunityNode, TDistrictNode, TStaffBrief } from '../../../types/admin';
import { AppError, invalidFields } from '../app-error';
import { logAudit } from '../audit/log';
import { C, type TCommunityDoc, type TFilingDoc, type TGroupDoc, type TPlaceDoc, type TPlaceNameDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { communitiesUnder } from '../scope';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import { peopleAssignedTo, rolesOf, rootsOf, staffWithin } from './assignments';
import { assignsStreetOfficers, deny, getCommunity, getPlace, managesCommunity, managesStreet, requireStaffCaller, type TStaffCaller } from './officer';
import { renameFanout } from './rename-fanout';

type TImpl = TActionImpl<TAdminFunction['actions']>;

export function communityIdFor(openid: string, requestId: string): string {
  return 'c_' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 20);
}

/** The claim that makes a name unique within its street (see TPlaceNameDoc). */
export function placeNameIdFor(streetId: string, name: string): string {
  return 'pn_' + createHash('sha256').update(`${streetId}:${name}`).digest('hex').slice(0, 24);
}

const nameTaken = (name: string) => invalidFields({ name: `本街道已有「${name}」，请换一个名称` });

function toNode(c: TCommunityDoc, staff: TStaffBrief[], canManage: boolean): TCommunityNode {
  return { id: c._id, name: c.name, streetId: c.streetId, retiredAt: c.retiredAt ?? null, staff, canManage };
}

const brief = (u: TUserDoc): TStaffBrief => ({ openid: u._id, displayName: u.displayName });

/** admin.places: the caller's part of the tree, each place with the staff assigned to it. */
export const listPlaces: TImpl['places'] = async (rawCtx) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const { scope, user } = caller;
  const communityAssigned = (user.assignments ?? []).filter((a) => a.level === 'community').map((a) => a.placeId);
  // Communities: a district's or street's by index (retired ones too, marked), a social worker's by id.
  const [byDistrict, byStreet, byId, streetsOfDistricts, staffPages] = await Promise.all([
    communitiesUnder(ctx, 'districtId', scope.districtIds),
    scope.districtIds.length ? Promise.resolve([]) : communitiesUnder(ctx, 'streetId', scope.streetIds),
    communityAssigned.length
      ? ctx.store.collection<TCommunityDoc>(C.communities).find({ where: { _id: { in: communityAssigned } }, limit: 100 }).then((p) => p.items)
      : Promise.resolve([]),
    scope.districtIds.length
      ? ctx.store
          .collection<TPlaceDoc>(C.places)
          .find({ where: { districtId: scope.districtIds.length === 1 ? scope.districtIds[0]! : { in: scope.districtIds }, level: 'street' }, orderBy: [['name', 'asc']], limit: 100 })
          .then((p) => p.items)
      : Promise.resolve([]),
    Promise.all(rootsOf(scope, user).map((root) => staffWithin(ctx, root))),
  ]);
  const communities = new Map([...byDistrict, ...byStreet, ...byId].map((c) => [c._id, c]));
  const streetIds = new Set([...streetsOfDistricts.map((s) => s._id), ...scope.streetIds, ...[...communities.values()].map((c) => c.streetId)]);
  const districtIds = new Set([...scope.districtIds, ...[...communities.values()].map((c) => c.districtId)]);
  const known = new Set(streetsOfDistricts.map((s) => s._id));
  const missing = [...streetIds, ...districtIds].filter((id) => !known.has(id));
  const extra = missing.length
    ? (await ctx.store.collection<TPlaceDoc>(C.places).find({ where: { _id: { in: missing } }, limit: 100 })).items
    : [];
  const places = new Map([...streetsOfDistricts, ...extra].map((p) => [p._id, p]));
  const staff = [...new Map(staffPages.flatMap((p) => p.items).map((u) => [u._id, u])).values()];
  const assignedTo = (placeId: string) =>
    staff.filter((u) => (u.assignments ?? []).some((a) => a.placeId === placeId)).map(brief);

  const districts: TDistrictNode[] = [...districtIds].sort().map((districtId) => {
    const district = places.get(districtId);
    const streets = [...places.values()]
      .filter((p) => p.level === 'street' && p.districtId === districtId && streetIds.has(p._id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      id: districtId,
      name: district?.name ?? [...communities.values()].find((c) => c.districtId === districtId)?.districtName ?? districtId,
      officers: assignedTo(districtId),
      streets: streets.map((street) => ({
        id: street._id,
        name: street.name,
        officers: assignedTo(street._id),
        canManage: managesStreet(scope, street),
        canAssignOfficers: assignsStreetOfficers(scope, street),
        communities: [...communities.values()]
          .filter((c) => c.streetId === street._id)
          .sort((a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)) || a.name.localeCompare(b.name, 'zh'))
          .map((c) => toNode(c, assignedTo(c._id), managesCommunity(scope, c))),
      })),
    };
  });
  return { districts };
};

async function communityToManage(ctx: TAuthedContext, caller: TStaffCaller, communityId: string): Promise<TCommunityDoc> {
  const community = await getCommunity(ctx, communityId);
  if (!community) throw new AppError('NOT_FOUND', undefined, '找不到这个社区，请刷新后再试');
  if (!managesCommunity(caller.scope, community)) deny(community._id, 'community', community._id);
  return community;
}

/** Communities stored before name claims existed (the org file's) are checked by the street's index too. */
async function refuseTakenName(ctx: TAuthedContext, streetId: string, name: string, selfId: string | null): Promise<void> {
  const same = await ctx.store.collection<TCommunityDoc>(C.communities).find({ where: { streetId, name }, orderBy: [['name', 'asc']], limit: 5 });
  if (same.items.some((c) => !c.retiredAt && c._id !== selfId)) throw nameTaken(name);
}

async function claimName(tx: TTransaction, streetId: string, name: string, communityId: string): Promise<void> {
  const id = placeNameIdFor(streetId, name);
  const held = await tx.get<TPlaceNameDoc>(C.placenames, id);
  if (held && held.communityId !== communityId) throw nameTaken(name);
  if (!held) await tx.insert<TPlaceNameDoc>(C.placenames, { _id: id, communityId });
}

/** Officers: a community in a street of their scope. A retry with the same request id answers the first one. */
export const createCommunity: TImpl['createCommunity'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const street = await getPlace(ctx, input.streetId);
  if (!street || street.level !== 'street') throw invalidFields({ streetId: '请选择街道' });
  if (!managesStreet(caller.scope, street)) deny(street._id, 'street', street._id);
  const id = communityIdFor(ctx.caller.openid, input.requestId);
  const existing = await getCommunity(ctx, id);
  if (existing) return { community: toNode(existing, [], true) };
  // (The same request racing itself is not a clash: it finds its own community, which the insert then settles.)
  await refuseTakenName(ctx, street._id, input.name, id);
  try {
    const created = await ctx.store.transaction(async (tx) => {
      await claimName(tx, street._id, input.name, id);
      const doc = await tx.insert<TCommunityDoc>(C.communities, {
        _id: id,
        name: input.name,
        streetId: street._id,
        streetName: street.name,
        districtId: street.districtId,
        districtName: street.districtName,
        cityName: street.cityName,
        retiredAt: null,
      });
      await logAudit(
        ctx,
        { action: 'community:create', entity: 'community', entityId: id, communityId: id, detail: `${street.name} ${input.name}`, actorName: caller.user.displayName },
        tx,
      );
      return doc;
    });
    return { community: toNode(created, [], true) };
  } catch (error) {
    // The same request raced itself: the other copy created it.
    if (error instanceof DuplicateIdError) {
      const raced = await getCommunity(ctx, id);
      if (raced) return { community: toNode(raced, [], true) };
    }
    throw error;
  }
};

/** Officers: a new name, unique in the street, carried to the live records that copy it. */
export const renameCommunity: TImpl['renameCommunity'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const community = await communityToManage(ctx, caller, input.communityId);
  if (community.retiredAt) throw new AppError('INVALID_STATE', undefined, '这个社区已撤销，不能改名');
  if (community.name === input.name) return { community: toNode(community, [], true), updated: 0 };
  await refuseTakenName(ctx, community.streetId, input.name, community._id);
  const renamed = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TCommunityDoc>(C.communities, community._id);
    if (!current) throw new AppError('NOT_FOUND');
    await claimName(tx, current.streetId, input.name, current._id);
    await tx.remove(C.placenames, placeNameIdFor(current.streetId, current.name));
    await tx.update(C.communities, current._id, { name: input.name });
    await logAudit(
      ctx,
      { action: 'community:rename', entity: 'community', entityId: current._id, communityId: current._id, detail: `${current.name} → ${input.name}`, actorName: caller.user.displayName },
      tx,
    );
    return { ...current, name: input.name };
  });
  const updated = await renameFanout(ctx, renamed, input.name);
  return { community: toNode(renamed, [], true), updated };
};

/**
 * Officers: retire a community. Refused while it has active groups (or circles) or filings waiting: those would
 * drop out of every scope with no one to run or review them — move or dissolve them first. Retiring ends the social
 * workers' assignments to it and frees its name; the document stays (old records still point at it).
 */
export const retireCommunity: TImpl['retireCommunity'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const caller = await requireStaffCaller(ctx);
  const community = await communityToManage(ctx, caller, input.communityId);
  if (community.retiredAt) return { community: toNode(community, [], true) };
  const [groups, waiting, people] = await Promise.all([
    ctx.store.collection<TGroupDoc>(C.groups).count({ communityId: community._id, status: { in: ['active', 'circle'] } }),
    ctx.store.collection<TFilingDoc>(C.filings).count({ status: 'submitted', communityId: community._id }),
    peopleAssignedTo(ctx, community._id),
  ]);
  if (groups > 0 || waiting > 0) {
    const parts = [groups > 0 ? `${groups} 个在册组织` : '', waiting > 0 ? `${waiting} 份待审核报备` : ''].filter(Boolean);
    throw new AppError('INVALID_STATE', undefined, `「${community.name}」还有${parts.join('和')}，请先处理完再撤销`);
  }
  const now = ctx.clock.now();
  const retired = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TCommunityDoc>(C.communities, community._id);
    if (!current) throw new AppError('NOT_FOUND');
    await tx.update(C.communities, current._id, { retiredAt: now });
    await tx.remove(C.placenames, placeNameIdFor(current.streetId, current.name));
    for (const person of people) {
      const fresh = await tx.get<TUserDoc>(C.users, person._id);
      if (!fresh) continue;
      const assignments = (fresh.assignments ?? []).filter((a) => !(a.level === 'community' && a.placeId === current._id));
      // (The street and district stay while another assignment may sit under them; none left, nothing left.)
      const within = assignments.length ? (fresh.assignedWithin ?? []).filter((id) => id !== current._id) : [];
      await tx.update(C.users, fresh._id, { assignments, assignedWithin: within, roles: rolesOf(assignments) });
    }
    await logAudit(
      ctx,
      {
        action: 'community:retire',
        entity: 'community',
        entityId: current._id,
        communityId: current._id,
        detail: people.length ? `${current.name}；结束分配：${people.map((p) => p.displayName).join('、')}` : current.name,
        actorName: caller.user.displayName,
      },
      tx,
    );
    return { ...current, retiredAt: now };
  });
  return { community: toNode(retired, [], true) };
};
