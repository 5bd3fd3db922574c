import { idParam as q } from '../lib/nav';

/** Routes of this subpackage and the pages it hands over to. Kept here so main-package files stay untouched. */

export const MANAGE_ROUTES = {
  members: (groupId: string) => `/package-manage/pages/members/index?groupId=${q(groupId)}`,
  settings: (groupId: string) => `/package-manage/pages/settings/index?groupId=${q(groupId)}`,
  change: (groupId: string) => `/package-manage/pages/change/index?groupId=${q(groupId)}`,
  filingDetail: (filingId: string) => `/package-filing/pages/detail/index?id=${q(filingId)}`,
} as const;
