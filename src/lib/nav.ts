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
} as const;

export function go(url: string): void {
  void Taro.navigateTo({ url });
}
