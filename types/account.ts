import { z } from 'zod';
import './validation';
import { defineFunction } from './define';
import { STAFF_ROLES } from './domain';
import { zId } from './fields';

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

export const accountFunction = defineFunction('account', {
  me: { input: z.strictObject({}), output: z.object({ me: ZMe }) },
  communities: { input: z.strictObject({}), output: z.object({ items: z.array(ZCommunity) }) },
  setCommunity: { input: z.strictObject({ communityId: zId('社区') }), output: z.object({ me: ZMe }) },
  setPrefs: { input: z.strictObject({ elderMode: z.boolean() }), output: z.object({ me: ZMe }) },
});
export type TAccountFunction = typeof accountFunction;
