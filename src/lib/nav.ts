import Taro from '@tarojs/taro';

/** Every route in one place, so a renamed page breaks one file. */
export const ROUTES = {
  directory: '/pages/directory/index',
  mine: '/pages/mine/index',
  filingEdit: (id?: string) => (id ? `/package-filing/pages/edit/index?id=${encodeURIComponent(id)}` : '/package-filing/pages/edit/index'),
  filingDetail: (id: string) => `/package-filing/pages/detail/index?id=${encodeURIComponent(id)}`,
  reviewQueue: '/package-review/pages/queue/index',
  review: (id: string) => `/package-review/pages/review/index?id=${encodeURIComponent(id)}`,
  groupDetail: (id: string) => `/package-group/pages/detail/index?id=${encodeURIComponent(id)}`,
  manageSettings: (groupId: string) => `/package-manage/pages/settings/index?groupId=${encodeURIComponent(groupId)}`,
  manageMembers: (groupId: string) => `/package-manage/pages/members/index?groupId=${encodeURIComponent(groupId)}`,
  events: '/pages/events/index',
  eventDetail: (id: string) => `/package-event/pages/detail/index?id=${encodeURIComponent(id)}`,
  eventsMine: '/package-event/pages/mine/index',
  /** A group's new event, or (social workers) a community event: `{ communityId }`. */
  eventCreate: (host: { groupId: string } | { communityId: string }) =>
    'groupId' in host
      ? `/package-event-manage/pages/edit/index?groupId=${encodeURIComponent(host.groupId)}`
      : `/package-event-manage/pages/edit/index?communityId=${encodeURIComponent(host.communityId)}`,
  eventEdit: (eventId: string) => `/package-event-manage/pages/edit/index?eventId=${encodeURIComponent(eventId)}`,
  eventRegistrations: (eventId: string) => `/package-event-manage/pages/registrations/index?eventId=${encodeURIComponent(eventId)}`,
  eventCode: (eventId: string) => `/package-event-manage/pages/code/index?eventId=${encodeURIComponent(eventId)}`,
  eventRecord: (eventId: string) => `/package-event-manage/pages/record/index?eventId=${encodeURIComponent(eventId)}`,
  /** The incubation base (package-base): residents' needs, a course, the rooms and their calendar. */
  needs: '/package-base/pages/needs/index',
  course: (id: string) => `/package-base/pages/course/index?id=${encodeURIComponent(id)}`,
  rooms: (groupId?: string) => (groupId ? `/package-base/pages/rooms/index?groupId=${encodeURIComponent(groupId)}` : '/package-base/pages/rooms/index'),
  /** Social workers (package-base-manage): the base's desk, needs, a new course, partners, a group's notes and stage. */
  baseHome: '/package-base-manage/pages/home/index',
  baseNeeds: '/package-base-manage/pages/needs/index',
  courseNew: (needId?: string) => (needId ? `/package-base-manage/pages/course-new/index?needId=${encodeURIComponent(needId)}` : '/package-base-manage/pages/course-new/index'),
  partners: '/package-base-manage/pages/partners/index',
  groupGrowth: (groupId: string) => `/package-base-manage/pages/group/index?groupId=${encodeURIComponent(groupId)}`,
} as const;

export function go(url: string): void {
  void Taro.navigateTo({ url });
}
