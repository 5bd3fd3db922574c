import type { TBaseFunction } from '../../../types/base';
import { forbidden, notFound } from '../app-error';
import { C, type TCommunityDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { requireCovers } from '../scope';
import type { TBaseDoc, TRoomDoc } from './docs';
import { toBase, toRoom } from './views';

type TImpl = TActionImpl<TBaseFunction['actions']>;

/** A community has a few bases of a few rooms: one page each holds them all. */
const MAX = 50;

/** 场地: a community's bases with their rooms (anyone). Two reads. */
export const listRooms: TImpl['rooms'] = async (ctx, { communityId }) => {
  const [bases, rooms] = await Promise.all([
    ctx.store.collection<TBaseDoc>(C.bases).find({ where: { communityId }, orderBy: [['createdAt', 'asc']], limit: MAX }),
    ctx.store.collection<TRoomDoc>(C.rooms).find({ where: { communityId }, orderBy: [['createdAt', 'asc']], limit: MAX }),
  ]);
  return { bases: bases.items.map((b) => toBase(b, rooms.items.filter((r) => r.baseId === b._id))) };
};

/** Social workers (or admins) of the community: a new base, or its name and address. */
export const saveBase: TImpl['saveBase'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const base = await ctx.store.transaction(async (tx) => {
    const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
    await requireCovers(ctx, user, input.communityId, { entity: 'community', entityId: input.communityId }, 'forbidden', tx);
    if (input.baseId) {
      const current = await tx.get<TBaseDoc>(C.bases, input.baseId);
      if (!current || current.communityId !== input.communityId) throw notFound();
      await tx.update(C.bases, current._id, { name: input.name, address: input.address });
      return { ...current, name: input.name, address: input.address };
    }
    const community = await tx.get<TCommunityDoc>(C.communities, input.communityId);
    if (!community) throw notFound();
    return tx.insert<TBaseDoc>(C.bases, {
      _id: ctx.ids.next('base'),
      name: input.name,
      communityId: community._id,
      communityName: community.name,
      address: input.address,
    });
  });
  const rooms = await ctx.store.collection<TRoomDoc>(C.rooms).find({ where: { communityId: base.communityId }, orderBy: [['createdAt', 'asc']], limit: MAX });
  return { base: toBase(base, rooms.items.filter((r) => r.baseId === base._id)) };
};

/**
 * Social workers (or admins) of the base's community: a new room, or its details. Changing hours or closing a room
 * keeps the bookings it has (they are cancelled one by one, which frees their slots).
 */
export const saveRoom: TImpl['saveRoom'] = async (rawCtx, { roomId, baseId, ...fields }) => {
  const ctx = authed(rawCtx);
  const room = await ctx.store.transaction(async (tx) => {
    const base = await tx.get<TBaseDoc>(C.bases, baseId);
    if (!base) throw notFound();
    const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
    await requireCovers(ctx, user, base.communityId, { entity: 'base', entityId: base._id }, 'forbidden', tx);
    if (roomId) {
      const current = await tx.get<TRoomDoc>(C.rooms, roomId);
      if (!current || current.baseId !== base._id) throw notFound();
      await tx.update(C.rooms, current._id, fields);
      return { ...current, ...fields };
    }
    return tx.insert<TRoomDoc>(C.rooms, {
      _id: ctx.ids.next('room'),
      baseId: base._id,
      baseName: base.name,
      communityId: base.communityId,
      communityName: base.communityName,
      ...fields,
    });
  });
  return { room: toRoom(room) };
};
