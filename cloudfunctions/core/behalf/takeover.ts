import type { TTakeoverOffer } from '../../../types/account';
import { AppError, notFound } from '../app-error';
import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import type { TContext } from '../context';
import { upsertOwnUser } from '../account/own-user';
import { leaderMembership } from '../groups/from-filing';
import { pendingDelta, pendingPatch } from '../groups/join-counter';
import { membershipIdFor } from '../groups/membership-id';
import { authed, findUser, type TAuthedContext } from '../guards';
import { maskMobile } from '../mask';
import { auditEntry } from '../filings/transition';
import { isAwaitingTakeover } from './claim';
import { enteredByText } from './staff-label';

/** A person has one or two 代办 at most; the cap only bounds the read. */
const OFFER_LIMIT = 5;

function toOffer(doc: TFilingDoc): TTakeoverOffer {
  return { filingId: doc._id, groupName: doc.fields.name ?? '', enteredBy: doc.enteredBy ? enteredByText(doc.enteredBy) : '' };
}

/**
 * Approved 代办 waiting for whoever verified this number (index filings_behalf_mobile). `behalfMobile` is set on
 * approval and cleared on takeover, so a filing still under review, or one already taken over, is not offered.
 */
export async function offersFor(ctx: TAuthedContext, user: TUserDoc | null, limit = OFFER_LIMIT): Promise<TTakeoverOffer[]> {
  if (!user?.verifiedMobile) return [];
  const page = await ctx.store.collection<TFilingDoc>(C.filings).find({ where: { behalfMobile: user.verifiedMobile }, limit });
  return page.items.map(toOffer);
}

export async function takeoverOffers(context: TContext) {
  const ctx = authed(context);
  const user = await findUser(ctx);
  return { phoneVerified: Boolean(user?.verifiedMobile), offers: await offersFor(ctx, user) };
}

/**
 * Exchanges the platform's phone code for the caller's number and keeps it on their user document (the only
 * place it is stored: takeover matches on it). A code that yields no number changes nothing.
 */
export async function verifyPhone(context: TContext, input: { code: string }) {
  const ctx = authed(context);
  const mobile = await ctx.phones.mobileFor(input.code, ctx.caller.openid);
  if (!mobile) throw new AppError('INVALID_STATE', undefined, '没有取得您的手机号，请重新点击「验证手机号」并允许使用');
  const user = await upsertOwnUser(ctx, { verifiedMobile: mobile });
  return { mobileMasked: maskMobile(mobile), offers: await offersFor(ctx, user) };
}

/**
 * The named leader confirms a 代办: in one transaction they become the filing's owner, the group's leader and its
 * leader member. Only a caller whose verified number is the filed leader mobile may; anyone else gets NOT_FOUND.
 * A repeated or concurrent confirm by the same person finds it already theirs and writes nothing more.
 */
export async function takeOver(context: TContext, input: { filingId: string }) {
  const ctx = authed(context);
  const user = await findUser(ctx);
  const mobile = user?.verifiedMobile;
  if (!user || !mobile) throw notFound();
  const now = ctx.clock.now();
  const groupId = await ctx.store.transaction(async (tx) => {
    const filing = await tx.get<TFilingDoc>(C.filings, input.filingId);
    if (!filing || filing.kind !== 'initial' || !filing.onBehalfOf) throw notFound();
    if (filing.openid === ctx.caller.openid && filing.onBehalfOf.claimedAt !== null) return filing.groupId; // already theirs
    if (!isAwaitingTakeover(filing) || filing.behalfMobile !== mobile || !filing.groupId) throw notFound();

    const group = await tx.get<TGroupDoc>(C.groups, filing.groupId);
    if (!group || group.status !== 'active') throw new AppError('INVALID_STATE', undefined, '这个组织已注销，无需接手');
    if (group.leaderOpenid !== '') throw new AppError('INVALID_STATE', undefined, '这个组织已有负责人，请联系社工');

    const leader = { ...group, leaderOpenid: ctx.caller.openid };
    const existing = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(group._id, ctx.caller.openid));
    // They had asked to join meanwhile: that request is settled by leading it.
    const pending = existing ? pendingPatch(group, pendingDelta(existing.status, 'active')) : {};
    if (existing) {
      await tx.update(C.memberships, existing._id, { role: 'leader', status: 'active', name: group.leaderName, mobile: group.leaderMobile, joinedAt: existing.joinedAt ?? now });
    } else {
      await tx.insert<TMembershipDoc>(C.memberships, leaderMembership(leader, now));
    }
    await tx.update(C.groups, group._id, { leaderOpenid: ctx.caller.openid, ...pending });
    await tx.update(C.filings, filing._id, { openid: ctx.caller.openid, behalfMobile: null, onBehalfOf: { ...filing.onBehalfOf, claimedAt: now } });
    // On the filing's own history: 「孙桂兰 · 本人已接手」.
    await tx.insert<TAuditDoc>(C.audit, {
      ...auditEntry(ctx, { filingId: filing._id, communityId: filing.communityId, seq: filing.version + 1, from: filing.status, to: filing.status, actorName: group.leaderName, reason: `负责人本人已接手（原由${enteredByText(filing.enteredBy!)}代为填写）`, at: now }),
      action: 'filing:takeover',
    });
    return group._id;
  });
  return { groupId };
}
