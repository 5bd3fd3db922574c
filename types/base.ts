import { z } from 'zod';
import './validation';
import { SLOT_MINUTES, type TOpening } from './base-time';
import { defineFunction, zPage } from './define';
import { zCursor, zId, zOptionalText, zRequestId, zText } from './fields';
import { BASE_LIMITS } from './form-limits';

export * from './base-time';

/**
 * The incubation base (孵化培育基地): a community's bases and their rooms, managed by its social workers, and room
 * bookings that never overlap (docs/base.md). Managers of a filed group book for it; social workers book for the
 * community's own use and decide bookings of rooms that need approval.
 */

export { BASE_LIMITS };
const L = BASE_LIMITS;

export const BOOKING_STATUSES = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type TBookingStatusName = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<TBookingStatusName, string> = {
  pending: '待审批',
  approved: '已预订',
  declined: '未通过',
  cancelled: '已取消',
};

const zTime = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}格式不正确`).positive(`请选择${label}`);

const zMinute = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`${label}格式不正确`)
    .min(0, `${label}格式不正确`)
    .max(24 * 60, `${label}格式不正确`)
    .refine((m) => m % SLOT_MINUTES === 0, `${label}需在整点或半点`);

export const ZOpening: z.ZodType<TOpening> = z
  .strictObject({ open: zMinute('开门时间'), close: zMinute('关门时间') })
  .refine((o) => o.close > o.open, { message: '关门时间需晚于开门时间', path: ['close'] });

/** Seven days, Monday first; null = closed that day. */
export const ZWeekHours = z.array(ZOpening.nullable()).length(7, '请设置周一到周日每天的开放时间').refine((d) => d.some(Boolean), '至少需有一天开放');

export const ZRoom = z.object({
  id: z.string(),
  baseId: z.string(),
  name: z.string(),
  capacity: z.number(),
  equipment: z.array(z.string()),
  hours: z.array(z.object({ open: z.number(), close: z.number() }).nullable()),
  needsApproval: z.boolean(),
  active: z.boolean(),
});
export type TRoom = z.infer<typeof ZRoom>;

export const ZBase = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  rooms: z.array(ZRoom),
});
export type TBase = z.infer<typeof ZBase>;

/** One claimed time on a room's calendar: whose it is; the title of a group's own booking only for staff. */
export const ZCalendarEntry = z.object({
  startAt: z.number(),
  endAt: z.number(),
  kind: z.enum(['booking', 'event', 'course']),
  holderName: z.string(),
  title: z.string().nullable(),
  /** The caller is staff of the room's community (may cancel or decide its bookings). */
  manageable: z.boolean(),
  bookingId: z.string().nullable(),
});
export type TCalendarEntry = z.infer<typeof ZCalendarEntry>;

export const ZBooking = z.object({
  id: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  groupId: z.string().nullable(),
  holderName: z.string(),
  title: z.string(),
  ranges: z.array(z.object({ startAt: z.number(), endAt: z.number() })),
  status: z.enum(BOOKING_STATUSES),
  eventId: z.string().nullable(),
  bookedByName: z.string(),
  reason: z.string().nullable(),
});
export type TBooking = z.infer<typeof ZBooking>;
const ZBookingOnly = z.object({ booking: ZBooking });

export const ZSaveRoom = z.strictObject({
  /** Absent: a new room in `baseId`. */
  roomId: zId('房间').optional(),
  baseId: zId('基地'),
  name: zText('房间名称', L.roomName),
  capacity: z.number({ error: '请填写可容纳人数（数字）' }).int('可容纳人数请填写整数').min(1, '可容纳人数至少为1人').max(L.capacity, `可容纳人数不能超过${L.capacity}人`),
  equipment: z.array(zText('设备名称', L.equipmentName)).max(L.equipment, `设备最多列${L.equipment}项`),
  hours: ZWeekHours,
  needsApproval: z.boolean({ error: '请选择预订是否需要审批' }),
  active: z.boolean({ error: '请选择房间是否开放预订' }),
});

export const ZBook = z.strictObject({
  requestId: zRequestId,
  roomId: zId('房间'),
  /** The group it is for (its leader or deputy books), or null for the community's own use (a social worker books). */
  groupId: zId('组织').nullable(),
  title: zText('用途', L.title, 2),
  startAt: zTime('开始时间'),
  endAt: zTime('结束时间'),
  /** 1: once; more: the same time every week, this many weeks. */
  weeks: z.number({ error: '请填写周数' }).int('周数请填写整数').min(1, '周数至少为1').max(L.weeks, `每周预订最多${L.weeks}周，更长请下学期再订`).optional(),
  /** The event this booking is the place of (its hosts' manager books). */
  eventId: zId('活动').optional(),
});

export const baseFunction = defineFunction('base', {
  /** A community's bases and their rooms (anyone). */
  rooms: { input: z.strictObject({ communityId: zId('社区') }), output: z.object({ bases: z.array(ZBase) }) },
  /** A room's claimed times from `from` (a China-time midnight) for 1 or 7 days (anyone; titles of groups' own bookings only for them and staff). */
  calendar: {
    input: z.strictObject({ roomId: zId('房间'), from: zTime('日期'), days: z.union([z.literal(1), z.literal(7)]) }),
    output: z.object({ room: ZRoom, baseName: z.string(), from: z.number(), days: z.number(), entries: z.array(ZCalendarEntry) }),
  },
  /** Social workers of the community: a base (new without `baseId`). */
  saveBase: {
    input: z.strictObject({ baseId: zId('基地').optional(), communityId: zId('社区'), name: zText('基地名称', L.name), address: zOptionalText('地址', L.address) }),
    output: z.object({ base: ZBase }),
  },
  /** Social workers of the base's community: a room (new without `roomId`). */
  saveRoom: { input: ZSaveRoom, output: z.object({ room: ZRoom }) },
  book: { input: ZBook, output: ZBookingOnly },
  /** Its group's managers, or staff of the community; frees every slot it holds. */
  cancelBooking: { input: z.strictObject({ bookingId: zId('预订') }), output: ZBookingOnly },
  /** Staff of the community, for a pending booking: approve keeps its slots, decline frees them. */
  decideBooking: {
    input: z.strictObject({ bookingId: zId('预订'), decision: z.enum(['approve', 'decline'], { error: '请选择同意或不同意' }), reason: zOptionalText('原因', L.reason).optional() }),
    output: ZBookingOnly,
  },
  /** A group's bookings (its managers and staff), or with `groupId` null the community's own and pending ones (staff). */
  myBookings: {
    input: z.strictObject({ groupId: zId('组织').nullable(), communityId: zId('社区').optional(), status: z.enum(['pending', 'all']).optional(), cursor: zCursor }),
    output: zPage(ZBooking),
  },
});
export type TBaseFunction = typeof baseFunction;
