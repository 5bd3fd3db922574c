import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { STAFF_ROLES } from './domain';
import { zId, zText } from './fields';
import { ZFilingSummary, ZFilingView } from './filings';
import { ZMyGroup } from './groups';

export const ZCommunity = z.object({
  id: z.string(),
  name: z.string(),
  streetName: z.string(),
  districtName: z.string(),
  cityName: z.string(),
});
export type TCommunity = z.output<typeof ZCommunity>;

/** Who the caller is to this product. No openid: the client never needs it. */
export const ZMe = z.object({
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  /** Communities this staff member reviews (empty for residents). */
  reviewCommunityIds: z.array(z.string()),
  /** The community a resident chose for the directory; null until chosen. */
  community: ZCommunity.nullable(),
  /** The person's own display preferences, remembered with them (so they follow them to a new phone). */
  prefs: z.object({
    /** 长辈模式 (larger text and controls, fewer words); null until the person chooses, so the first visit offers it. */
    elderMode: z.boolean().nullable(),
  }),
});
export type TMe = z.output<typeof ZMe>;

/** Things waiting for me: the badges on 我的, its groups and 审核, and the home band's 待我处理 (N). */
export const ZWaiting = z.object({
  /** Join requests waiting in the groups I lead or deputise. */
  joinRequests: z.number(),
  /** Filings waiting in my review queue (my communities); 0 for anyone who reviews nothing. */
  reviews: z.number(),
});
export type TWaiting = z.output<typeof ZWaiting>;

/** 代办 (docs/on-behalf.md): a filing staff entered for the caller, found by the caller's verified phone number. */
export const ZTakeoverOffer = z.object({
  filingId: z.string(),
  groupName: z.string(),
  /** 「社工 刘芳」 */
  enteredBy: z.string(),
});
export type TTakeoverOffer = z.output<typeof ZTakeoverOffer>;

/** 我的 in one call: who I am, the first page of my groups and of my filings, and what waits for me. */
export const ZHome = z.object({
  me: ZMe,
  groups: zPage(ZMyGroup),
  filings: zPage(ZFilingSummary),
  waiting: ZWaiting,
  /** 代办 waiting for the caller to take it over (needs a verified phone number); null when none. */
  takeover: ZTakeoverOffer.nullable(),
  /** Whether the caller has verified a phone number here (else 我的 offers to look for a 代办 by phone). */
  phoneVerified: z.boolean(),
});
export type THome = z.output<typeof ZHome>;

/** The filing form's first screen in one call. */
export const ZFilingFormStart = z.object({
  communities: z.array(ZCommunity),
  /** The caller's chosen community, preset on a fresh form; null until chosen. */
  homeCommunityId: z.string().nullable(),
  /** The filing asked for (`filingId`) or the draft this phone remembered (`draftId`); null for a remembered one that is gone. */
  filing: ZFilingView.nullable(),
});
export type TFilingFormStart = z.output<typeof ZFilingFormStart>;

export const accountFunction = defineFunction('account', {
  me: { input: z.strictObject({}), output: z.object({ me: ZMe }) },
  communities: { input: z.strictObject({}), output: z.object({ items: z.array(ZCommunity) }) },
  setCommunity: { input: z.strictObject({ communityId: zId('社区') }), output: z.object({ me: ZMe }) },
  setPrefs: { input: z.strictObject({ elderMode: z.boolean() }), output: z.object({ me: ZMe }) },
  /** 我的 first screen; later pages come from `filings.mine` and `groups.mine`. */
  home: { input: z.strictObject({}), output: ZHome },
  /** The counts alone, for the home band and the tab bar badge. */
  waiting: { input: z.strictObject({}), output: z.object({ waiting: ZWaiting }) },
  /**
   * 代办: verifies the caller's phone number with the platform (WeChat's getPhoneNumber code; the local gateway's
   * dev table) and answers the 代办 filings waiting for that number.
   */
  verifyPhone: {
    input: z.strictObject({ code: zText('手机号授权码', 200) }),
    output: z.object({ mobileMasked: z.string(), offers: z.array(ZTakeoverOffer) }),
  },
  /** The 代办 filings waiting for the caller's verified number (empty until verified). */
  takeoverOffers: {
    input: z.strictObject({}),
    output: z.object({ phoneVerified: z.boolean(), offers: z.array(ZTakeoverOffer) }),
  },
  /** The named leader confirms: they become the filing's owner and the group's leader, in one transaction. */
  takeover: { input: z.strictObject({ filingId: zId('报备编号') }), output: z.object({ groupId: z.string().nullable() }) },
  /**
   * The filing form's first screen. `filingId`: the filing being edited (NOT_FOUND if the caller may not see it).
   * `draftId`: a draft this phone remembered, answered as null when it is gone or no longer visible.
   */
  filingForm: {
    input: z.strictObject({ filingId: zId('报备编号').optional(), draftId: zId('报备编号').optional() }),
    output: ZFilingFormStart,
  },
});
export type TAccountFunction = typeof accountFunction;
