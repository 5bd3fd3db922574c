import type { z } from 'zod';
import type { TIncubationFunction, ZPartner } from '../../../types/incubation';
import { invalidFields, notFound } from '../app-error';
import { C } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { requireStaff, requireStaffInTx } from './access';
import type { TPartnerDoc } from './docs';
import { partnerIdFor } from './ids';

/** 合作伙伴: who teaches and serves (大学生志愿服务队, 开放大学…). The list, with phones, is for social workers only. */
type TImpl = TActionImpl<TIncubationFunction['actions']>;

const toPartner = (p: TPartnerDoc): z.output<typeof ZPartner> => ({
  id: p._id,
  communityId: p.communityId,
  name: p.name,
  contactName: p.contactName,
  contactMobile: p.contactMobile,
  offers: p.offers,
});

export const listPartners: TImpl['partners'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await requireStaff(ctx, input.communityId);
  const page = await ctx.store.collection<TPartnerDoc>(C.partners).find({
    where: { communityId: input.communityId },
    orderBy: [['name', 'asc']],
    limit: 20,
    cursor: input.cursor,
  });
  return { items: page.items.map(toPartner), nextCursor: page.nextCursor };
};

/** New with `requestId` (a retry lands on the same partner), or an edit of `partnerId`. */
export const savePartner: TImpl['savePartner'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const { requestId, partnerId, communityId, ...fields } = input;
  if (!requestId === !partnerId) throw invalidFields({ partnerId: '新增请带请求编号，修改请带合作伙伴编号' });
  const partner = await ctx.store.transaction(async (tx) => {
    await requireStaffInTx(tx, ctx, communityId);
    if (partnerId) {
      const current = await tx.get<TPartnerDoc>(C.partners, partnerId);
      if (!current || current.communityId !== communityId) throw notFound();
      await tx.update(C.partners, partnerId, fields);
      return { ...current, ...fields };
    }
    const id = partnerIdFor(ctx.caller.openid, requestId!);
    const existing = await tx.get<TPartnerDoc>(C.partners, id);
    if (existing) return existing;
    return tx.insert<TPartnerDoc>(C.partners, { _id: id, communityId, ...fields, createdBy: ctx.caller.openid });
  });
  return { partner: toPartner(partner) };
};
