export default defineAppConfig({
  // Only the three tab pages live in the main package; everything else loads on demand.
  pages: ['pages/directory/index', 'pages/events/index', 'pages/mine/index'],
  subPackages: [
    { root: 'package-group', pages: ['pages/detail/index'] },
    { root: 'package-filing', pages: ['pages/edit/index', 'pages/detail/index', 'pages/takeover/index'] },
    { root: 'package-review', pages: ['pages/queue/index', 'pages/review/index'] },
    { root: 'package-manage', pages: ['pages/members/index', 'pages/settings/index', 'pages/change/index'] },
    { root: 'package-event', pages: ['pages/detail/index', 'pages/mine/index'] },
    { root: 'package-event-manage', pages: ['pages/edit/index', 'pages/registrations/index', 'pages/code/index', 'pages/record/index'] },
    { root: 'package-base', pages: ['pages/needs/index', 'pages/course/index', 'pages/rooms/index'] },
    { root: 'package-base-manage', pages: ['pages/home/index', 'pages/needs/index', 'pages/course-new/index', 'pages/partners/index', 'pages/group/index'] },
    { root: 'package-admin', pages: ['pages/places/index', 'pages/staff/index', 'pages/audit/index'] },
    { root: 'package-stats', pages: ['pages/dashboard/index', 'pages/reports/index'] },
    { root: 'package-workbench', pages: ['pages/on-behalf/index', 'pages/confirmations/index'] },
  ],
  // Fetch the package a tab's next tap most likely needs while the person is still reading the tab.
  preloadRule: {
    'pages/directory/index': { network: 'all', packages: ['package-group'] },
    'pages/events/index': { network: 'all', packages: ['package-event'] },
    'pages/mine/index': { network: 'all', packages: ['package-filing'] },
    // Leaders reach 成员管理 / 组织管理 from their group's page.
    'package-group/pages/detail/index': { network: 'all', packages: ['package-manage'] },
    // Hosts reach 报名名单 / 签到码 / 活动记录 from the event page.
    'package-event/pages/detail/index': { network: 'all', packages: ['package-event-manage'] },
  },
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarBackgroundColor: '#1F5FAD',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '社区云报备',
    backgroundColor: '#F4F5F7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4A4A4A',
    selectedColor: '#1F5FAD',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    // Drawn by scripts/make-icons.ts (81×81 PNG, < 1 KB each): grey outlines, filled blue when selected.
    list: [
      { pagePath: 'pages/directory/index', text: '社团', iconPath: 'assets/tab/group.png', selectedIconPath: 'assets/tab/group-active.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/event.png', selectedIconPath: 'assets/tab/event-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
