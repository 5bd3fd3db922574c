import Taro from '@tarojs/taro';

/**
 * A record's id in a route. An empty id would open a page that asks the server for "" and then blames the person
 * for invalid input; refusing it here turns that into a programming error at the place that built the route.
 */
export function idParam(id: string): string {
  if (!id || !id.trim()) throw new Error('route built with an empty id');
  return encodeURIComponent(id);
}

/** Every route in one place, so a renamed page breaks one file. */
export const ROUTES = {
  directory: '/pages/directory/index',
  mine: '/pages/mine/index',
  filingEdit: (id?: string) => (id ? `/package-filing/pages/edit/index?id=${idParam(id)}` : '/package-filing/pages/edit/index'),
  filingDetail: (id: string) => `/package-filing/pages/detail/index?id=${idParam(id)}`,
  /** 代办: the named leader verifies their phone and takes over what a social worker filed for them. */
  takeover: '/package-filing/pages/takeover/index',
  reviewQueue: '/package-review/pages/queue/index',
  review: (id: string) => `/package-review/pages/review/index?id=${idParam(id)}`,
  groupDetail: (id: string) => `/package-group/pages/detail/index?id=${idParam(id)}`,
  manageSettings: (groupId: string) => `/package-manage/pages/settings/index?groupId=${idParam(groupId)}`,
  manageMembers: (groupId: string) => `/package-manage/pages/members/index?groupId=${idParam(groupId)}`,
  events: '/pages/events/index',
  eventDetail: (id: string) => `/package-event/pages/detail/index?id=${idParam(id)}`,
  eventsMine: '/package-event/pages/mine/index',
  /** A group's new event, or (social workers) a community event: `{ communityId }`. */
  eventCreate: (host: { groupId: string } | { communityId: string }) =>
    'groupId' in host
      ? `/package-event-manage/pages/edit/index?groupId=${idParam(host.groupId)}`
      : `/package-event-manage/pages/edit/index?communityId=${idParam(host.communityId)}`,
  eventEdit: (eventId: string) => `/package-event-manage/pages/edit/index?eventId=${idParam(eventId)}`,
  eventRegistrations: (eventId: string) => `/package-event-manage/pages/registrations/index?eventId=${idParam(eventId)}`,
  eventCode: (eventId: string) => `/package-event-manage/pages/code/index?eventId=${idParam(eventId)}`,
  eventRecord: (eventId: string) => `/package-event-manage/pages/record/index?eventId=${idParam(eventId)}`,
  /** The incubation base (package-base): residents' needs, a course, the rooms and their calendar. */
  needs: '/package-base/pages/needs/index',
  course: (id: string) => `/package-base/pages/course/index?id=${idParam(id)}`,
  rooms: (groupId?: string) => (groupId ? `/package-base/pages/rooms/index?groupId=${idParam(groupId)}` : '/package-base/pages/rooms/index'),
  /** Social workers (package-base-manage): the base's desk, needs, a new course, partners, a group's notes and stage. */
  baseHome: '/package-base-manage/pages/home/index',
  baseNeeds: '/package-base-manage/pages/needs/index',
  courseNew: (needId?: string) => (needId ? `/package-base-manage/pages/course-new/index?needId=${idParam(needId)}` : '/package-base-manage/pages/course-new/index'),
  partners: '/package-base-manage/pages/partners/index',
  groupGrowth: (groupId: string) => `/package-base-manage/pages/group/index?groupId=${idParam(groupId)}`,
  /** Staff (issue 10). package-workbench: the queue with filters, a group's staff view, 代办, annual confirmation. */
  workbench: '/package-workbench/pages/home/index',
  staffGroup: (groupId: string) => `/package-workbench/pages/group/index?groupId=${idParam(groupId)}`,
  onBehalf: '/package-workbench/pages/on-behalf/index',
  confirmations: '/package-workbench/pages/confirmations/index',
  /** package-stats: dashboards for a community, a street or the district, and the .xlsx reports. */
  dashboard: (level?: 'community' | 'street' | 'district', placeId?: string) =>
    level && placeId ? `/package-stats/pages/dashboard/index?level=${level}&placeId=${idParam(placeId)}` : '/package-stats/pages/dashboard/index',
  reports: '/package-stats/pages/reports/index',
  /** package-admin: the district → street → community tree, staff assignments, the audit log. */
  adminPlaces: '/package-admin/pages/places/index',
  adminStaff: '/package-admin/pages/staff/index',
  adminAudit: '/package-admin/pages/audit/index',
} as const;

/** The tab pages (app.config.ts tabBar): no back button on them, and where a switched demo user lands. */
export const TAB_ROUTES: readonly string[] = ['/pages/directory/index', '/pages/events/index', '/pages/mine/index'];

export function go(url: string): void {
  void Taro.navigateTo({ url });
}
