import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { PLACE_LEVELS } from './domain';
import { zCursor, zId, zRequestId, zText } from './fields';
import { ADMIN_LIMITS } from './form-limits';

/**
 * Administration (docs/administration.md): the places district → street → community, who is assigned where (the
 * scope is derived from it), and the audit log viewer. Reads for every staff member within their scope; changes
 * for officers only (a street officer in their street, a district officer in the district).
 */
export { ADMIN_LIMITS };

export const ZPlaceLevel = z.enum(PLACE_LEVELS, { error: '请选择分配到社区、街道还是区' });

/** Chinese characters, letters, digits and a few joiners: a name people read on every card. */
const PLACE_NAME = /^[\p{Script=Han}A-Za-z0-9（）()·\-]+$/u;
export const zPlaceName = zText('社区名称', ADMIN_LIMITS.placeName, ADMIN_LIMITS.placeNameMin).regex(
  PLACE_NAME,
  '社区名称只能包含汉字、字母和数字，例如「塔谈社区」',
);

export const ZStaffBrief = z.object({ openid: z.string(), displayName: z.string() });
export type TStaffBrief = z.output<typeof ZStaffBrief>;

export const ZCommunityNode = z.object({
  id: z.string(),
  name: z.string(),
  streetId: z.string(),
  retiredAt: z.number().nullable(),
  /** Social workers assigned to it. */
  staff: z.array(ZStaffBrief),
  /** The caller may rename or retire it. */
  canManage: z.boolean(),
});
export type TCommunityNode = z.output<typeof ZCommunityNode>;

export const ZStreetNode = z.object({
  id: z.string(),
  name: z.string(),
  officers: z.array(ZStaffBrief),
  communities: z.array(ZCommunityNode),
  /** The caller may create communities here. */
  canManage: z.boolean(),
  /** The caller may assign this street's officers (the district's officer). */
  canAssignOfficers: z.boolean(),
});
export type TStreetNode = z.output<typeof ZStreetNode>;

export const ZDistrictNode = z.object({
  id: z.string(),
  name: z.string(),
  officers: z.array(ZStaffBrief),
  streets: z.array(ZStreetNode),
});
export type TDistrictNode = z.output<typeof ZDistrictNode>;

export const ZAssignmentView = z.object({
  level: ZPlaceLevel,
  levelLabel: z.string(),
  placeId: z.string(),
  placeName: z.string(),
  since: z.number(),
  /** The caller may end this assignment. */
  canUnassign: z.boolean(),
});
export type TAssignmentView = z.output<typeof ZAssignmentView>;

/** A staff member in the caller's scope: their 人员编号 (openid, what an officer assigns by) and assignments. */
export const ZStaffRow = z.object({
  openid: z.string(),
  displayName: z.string(),
  assignments: z.array(ZAssignmentView),
});
export type TStaffRow = z.output<typeof ZStaffRow>;

export const ZAuditLine = z.object({
  id: z.string(),
  at: z.number(),
  action: z.string(),
  /** Readable Chinese, e.g. 「改社区名称」「越权操作被拒绝：审核报备」. */
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string(),
  placeName: z.string().nullable(),
  actor: z.string(),
  actorName: z.string(),
  detail: z.string().nullable(),
});
export type TAuditLine = z.output<typeof ZAuditLine>;

export const ZPlaceTarget = z.strictObject({
  openid: zId('人员编号'),
  level: ZPlaceLevel,
  placeId: zId('分配的地方'),
});

export const adminFunction = defineFunction('admin', {
  /** The places in the caller's scope as a tree, each with its staff. */
  places: { input: z.strictObject({}), output: z.object({ districts: z.array(ZDistrictNode) }) },
  /** Officers: a new community in a street of their scope; the request id makes a retry create one. */
  createCommunity: {
    input: z.strictObject({ streetId: zId('街道'), name: zPlaceName, requestId: zRequestId }),
    output: z.object({ community: ZCommunityNode }),
  },
  /** Officers: the new name reaches the live records that copy it (docs/administration.md). */
  renameCommunity: {
    input: z.strictObject({ communityId: zId('社区'), name: zPlaceName }),
    output: z.object({ community: ZCommunityNode, updated: z.number() }),
  },
  /** Officers: refused while groups are active or filings wait there; ends the social workers' assignments to it. */
  retireCommunity: {
    input: z.strictObject({ communityId: zId('社区') }),
    output: z.object({ community: ZCommunityNode }),
  },
  /** Staff in the caller's scope and their assignments. */
  staff: { input: z.strictObject({ cursor: zCursor }), output: zPage(ZStaffRow) },
  /** Officers: a social worker to a community of their scope; a district officer also a street officer to a street. */
  assign: { input: ZPlaceTarget, output: z.object({ person: ZStaffRow }) },
  unassign: { input: ZPlaceTarget, output: z.object({ person: ZStaffRow }) },
  /** The audit log in the caller's scope, newest first, filtered by person, record or action. */
  audit: {
    input: z.strictObject({
      actor: zId('人员编号').optional(),
      entityId: zId('记录编号').optional(),
      /** (Not `action`: that key names the function's action on the wire.) */
      auditAction: z.string().max(64, '操作格式不正确').optional(),
      cursor: zCursor,
    }),
    output: zPage(ZAuditLine),
  },
});
export type TAdminFunction = typeof adminFunction;
