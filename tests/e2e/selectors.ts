/**
 * Stable hooks the mini program puts on its elements, for the browser tests. Ids below are set in src/.
 *
 * Everywhere (H5 only): `.dev-panel-toggle` (floating 「开发者面板」), `#dev-panel`, `#dev-user-<openid>`;
 *   its 通知 section `#dev-outbox` (`.dev-outbox__item` per notice, `#dev-outbox-empty`, `#btn-dev-outbox-refresh`).
 * Shared states: `.state--loading`, `.state--error` (with 「重新加载」), `.field-error` (red hint under a field),
 *   `#btn-load-more` (「加载更多」 under a paginated list).
 * Tab pages' header band: `#community-header` (社团), `#events-header` (活动), `#me-header` (我的); tab icons `img.weui-tabbar__icon`.
 * 社团 tab (pages/directory/index): `#community-chooser`, `#community-list`, `#community-<communityId>`,
 *   `#directory-community` (chosen community's name), `#btn-switch-community`, `#category-chips`,
 *   `#chip-all`, `#chip-<category>`, `#group-list`, `.group-card`, `#group-<groupId>`, `#directory-empty`,
 *   search: `#directory-search input` (debounced; Enter searches at once), `#btn-clear-search` (清除),
 *   `#directory-no-results` (「没有找到相关组织」, with 「清除搜索」).
 * 我的 tab (pages/mine/index): `#me-name`, `#me-role`, `#btn-new-filing` (我要报备), `#btn-workbench` (工作台, with
 *   `#badge-reviews`; staff only), `#my-groups` (我加入的组织), `.my-group`, `#my-group-<groupId>` (status tag 待审核/已加入/未通过,
 *   the leader's note when declined), `#my-groups-empty`, `#btn-more-groups`,
 *   `#my-filings`, `.filing-item`, `#filing-item-<filingId>`, `#my-filings-empty`.
 * Filing form (package-filing/pages/edit): one wrapper per field, `#filing-<field>` for every field of the draft:
 *   name, category, communityId, purpose, leaderName, leaderMobile, memberCount, roster, venue, activityTime,
 *   charter, supervisor, partyMemberCount, hasPartyBranch — type into `#filing-name input`,
 *   `#filing-purpose textarea`; its `.field-error` holds the hint. Category options `#category-option-<category>`.
 *   The community is a Picker: tap `#filing-communityId .picker-value`, then in H5 `.weui-picker__action` 「确定」.
 *   Roster: `#btn-add-roster`, `#roster-<i>-name input`, `#roster-<i>-mobile input`, `#btn-remove-roster-<i>`.
 *   `#autosave-status` (「保存中…」/「已自动保存」), `#edit-return-comment`, `#edit-restored`, `#btn-start-over`,
 *   `#edit-error-summary`, `#btn-submit` (提交报备).
 * Filing detail (package-filing/pages/detail): `#filing-status`, `#filing-comment` (reviewer's words),
 *   `#btn-edit`, `#btn-detail-submit`, `#btn-withdraw` (asks with Taro.showModal: H5 `.taro-model__confirm`),
 *   `#filing-fields` (the full record; for change/dissolution filings only after `#btn-toggle-fields`), `#history`.
 *   Change and dissolution filings (also on the review page): `#filing-change`, `#filing-kind` (变更报备/注销报备),
 *   `#filing-reason`, `#filing-changes`, `#change-row-<field>` (field: name|category|venue|charter|leader; 原 → 新).
 * Workbench (package-workbench/pages/home): `#wb-header` with `#wb-badge`, `#wb-waiting`, `#wb-overdue`; tiles
 *   `#wb-tiles` (`#wb-tile-<dashboard|reports|on-behalf|confirmations|base|places|staff|audit>`); tabs `#wb-tab-queue`,
 *   `#wb-tab-groups`, `#wb-tab-tools` (the tiles); filters `#wb-community-<all|communityId>`, `#wb-kind-<all|kind>`, `#wb-status-<status>`; the queue
 *   `#queue-list`, `.queue-item`, `#queue-item-<filingId>`, `#queue-kind-<filingId>` (成立报备/变更报备/注销报备),
 *   `#queue-age-<filingId>` (已等 N 天), `#queue-overdue-<filingId>` (已超期), `#queue-empty`; the 社团 tab `#wb-groups`,
 *   `#wb-group-<groupId>`. Staff view of a group (package-workbench/pages/group): `#staff-record`, `#staff-group-name`,
 *   `#staff-leader-mobile`, `#staff-charter`, `#staff-timeline`, `#staff-filing-<filingId>`, `#staff-roster`,
 *   `#staff-member-<membershipId>`, `#btn-more-members`, `#staff-activity`, `#staff-year`, `#staff-growth`.
 *   Review page's common reasons: `#review-reasons`, `#review-reason-<i>`.
 * Review (package-review/pages/review): `#review-status`, `#review-comment` (wrapper of the textarea),
 *   `#btn-approve`, `#btn-return`, `#btn-reject`, `#decision-sheet`, `#btn-confirm-decision`,
 *   `#btn-cancel-decision`, `#review-result`, `#decision-bar` (fixed at the bottom), `#btn-next-filing` (下一条),
 *   `#btn-back-queue`, `#queue-done`, `#since-return`, `#since-return-<field>` (resubmitted after a return).
 * Group detail (package-group/pages/detail): `#group-name`, `#party-badge`, `#group-activity-time`, `#group-venue`,
 *   `#group-member-count`, `#group-supervisor`, `#group-leader-name`, `#group-leader-mobile`, `#group-charter`,
 *   `#btn-toggle-charter`, `#group-cover`, `#group-subcommittees`, `#group-sc-<i>` (分会),
 *   join area `#join-area`: `#join-status` (待审核/已加入), `#btn-join` (申请加入/直接加入), `#btn-cancel-join`,
 *   `#btn-leave` (both confirm with Taro.showModal); the sheet `#join-sheet`: `#join-message textarea`,
 *   `#join-mobile input`, `#btn-join-submit`, `#btn-join-cancel`, field errors `.field-error` inside the rows.
 *   Managers: `#manage-area`, `#btn-manage-group` (管理本组织), `#btn-manage-members` (成员管理), `#group-pending-filing`.
 * Management (package-manage; full list in src/package-manage/selectors.md): the ids used by the browser tests are
 *   under SEL.members, SEL.settings and SEL.change.
 * Events (活动 tab, package-event, package-event-manage; full list in src/package-event-manage/selectors.md): under
 *   SEL.events, SEL.event, SEL.myEvents, SEL.eventForm, SEL.registrations, SEL.checkInCode, SEL.record, and the
 *   group page's SEL.groupEvents. Cards are `#event-<eventId>` (`.event-card`, `data-title`).
 *
 * Taro H5 keeps earlier pages of the stack in the DOM (hidden), so scope to the visible page: `visible(sel)`.
 */
export const PAGE = '.taro_page:visible';

export const visible = (selector: string) => `${PAGE} ${selector}`;

export const ROUTES = {
  directory: '/pages/directory/index',
  mine: '/pages/mine/index',
  filingEdit: '/package-filing/pages/edit/index',
  filingDetail: (id: string) => `/package-filing/pages/detail/index?id=${id}`,
  workbench: '/package-workbench/pages/home/index',
  staffGroup: (groupId: string) => `/package-workbench/pages/group/index?groupId=${groupId}`,
  review: (id: string) => `/package-review/pages/review/index?id=${id}`,
  groupDetail: (id: string) => `/package-group/pages/detail/index?id=${id}`,
  members: (groupId: string) => `/package-manage/pages/members/index?groupId=${groupId}`,
  settings: (groupId: string) => `/package-manage/pages/settings/index?groupId=${groupId}`,
  change: (groupId: string) => `/package-manage/pages/change/index?groupId=${groupId}`,
  events: '/pages/events/index',
  eventDetail: (id: string) => `/package-event/pages/detail/index?id=${id}`,
  myEvents: '/package-event/pages/mine/index',
  eventCreate: (groupId: string) => `/package-event-manage/pages/edit/index?groupId=${groupId}`,
  eventRegistrations: (eventId: string) => `/package-event-manage/pages/registrations/index?eventId=${eventId}`,
  eventCode: (eventId: string) => `/package-event-manage/pages/code/index?eventId=${eventId}`,
  eventRecord: (eventId: string) => `/package-event-manage/pages/record/index?eventId=${eventId}`,
  needs: '/package-base/pages/needs/index',
  course: (id: string) => `/package-base/pages/course/index?id=${id}`,
  rooms: (groupId?: string) => (groupId ? `/package-base/pages/rooms/index?groupId=${groupId}` : '/package-base/pages/rooms/index'),
  baseHome: '/package-base-manage/pages/home/index',
  baseNeeds: '/package-base-manage/pages/needs/index',
  courseNew: (needId?: string) => (needId ? `/package-base-manage/pages/course-new/index?needId=${needId}` : '/package-base-manage/pages/course-new/index'),
  partners: '/package-base-manage/pages/partners/index',
  groupGrowth: (groupId: string) => `/package-base-manage/pages/group/index?groupId=${groupId}`,
} as const;

export const SEL = {
  devPanelToggle: '.dev-panel-toggle',
  devPanel: '#dev-panel',
  devOutbox: '#dev-outbox',
  devOutboxItem: '#dev-outbox .dev-outbox__item',
  devOutboxEmpty: '#dev-outbox-empty',
  devOutboxRefresh: '#btn-dev-outbox-refresh',
  devUser: (openid: string) => `#dev-user-${openid}`,
  loading: '.state--loading',
  error: '.state--error',
  fieldError: '.field-error',
  loadMore: '#btn-load-more',

  directory: {
    chooser: '#community-chooser',
    communityList: '#community-list',
    community: (id: string) => `#community-${id}`,
    current: '#directory-community',
    switchCommunity: '#btn-switch-community',
    chips: '#category-chips',
    chipAll: '#chip-all',
    chip: (category: string) => `#chip-${category}`,
    list: '#group-list',
    card: '.group-card',
    group: (id: string) => `#group-${id}`,
    empty: '#directory-empty',
    search: '#directory-search input',
    clearSearch: '#btn-clear-search',
    noResults: '#directory-no-results',
  },

  mine: {
    name: '#me-name',
    role: '#me-role',
    newFiling: '#btn-new-filing',
    workbench: '#btn-workbench',
    filings: '#my-filings',
    filingItem: '.filing-item',
    filing: (id: string) => `#filing-item-${id}`,
    empty: '#my-filings-empty',
    groups: '#my-groups',
    groupItem: '.my-group',
    group: (groupId: string) => `#my-group-${groupId}`,
    groupsEmpty: '#my-groups-empty',
  },

  edit: {
    field: (name: string) => `#filing-${name}`,
    input: (name: string) => `#filing-${name} input`,
    textarea: (name: string) => `#filing-${name} textarea`,
    fieldError: (name: string) => `#filing-${name} .field-error`,
    categoryOption: (category: string) => `#category-option-${category}`,
    communityPicker: '#filing-communityId .picker-value',
    pickerConfirm: '.weui-picker__action:has-text("确定")',
    addRoster: '#btn-add-roster',
    rosterName: (i: number) => `#roster-${i}-name input`,
    rosterMobile: (i: number) => `#roster-${i}-mobile input`,
    removeRoster: (i: number) => `#btn-remove-roster-${i}`,
    autosave: '#autosave-status',
    returnComment: '#edit-return-comment',
    restored: '#edit-restored',
    startOver: '#btn-start-over',
    errorSummary: '#edit-error-summary',
    submit: '#btn-submit',
  },

  detail: {
    status: '#filing-status',
    comment: '#filing-comment',
    edit: '#btn-edit',
    submit: '#btn-detail-submit',
    withdraw: '#btn-withdraw',
    fields: '#filing-fields',
    history: '#history',
    toggleFields: '#btn-toggle-fields',
    change: '#filing-change',
    kind: '#filing-kind',
    reason: '#filing-reason',
    changes: '#filing-changes',
    changeRow: (field: string) => `#change-row-${field}`,
  },

  /** Taro.showModal in H5. */
  modal: { root: '.taro__modal', title: '.taro-modal__title', confirm: '.taro-model__confirm', cancel: '.taro-model__cancel' },

  queue: {
    list: '#queue-list',
    item: '.queue-item',
    filing: (id: string) => `#queue-item-${id}`,
    kind: (id: string) => `#queue-kind-${id}`,
    empty: '#queue-empty',
  },

  review: {
    status: '#review-status',
    comment: '#review-comment',
    commentInput: '#review-comment textarea',
    approve: '#btn-approve',
    return: '#btn-return',
    reject: '#btn-reject',
    sheet: '#decision-sheet',
    confirm: '#btn-confirm-decision',
    cancel: '#btn-cancel-decision',
    result: '#review-result',
    /** The decision bar fixed at the bottom; after a decision it holds 下一条 / 返回列表. */
    bar: '#decision-bar',
    next: '#btn-next-filing',
    backToQueue: '#btn-back-queue',
    queueDone: '#queue-done',
    /** A filing resubmitted after a return: what changed since, `#since-return-<field>` rows of 原 → 新. */
    sinceReturn: '#since-return',
    sinceReturnRow: (field: string) => `#since-return-${field}`,
  },

  group: {
    name: '#group-name',
    partyBadge: '#party-badge',
    activityTime: '#group-activity-time',
    venue: '#group-venue',
    memberCount: '#group-member-count',
    supervisor: '#group-supervisor',
    leaderName: '#group-leader-name',
    leaderMobile: '#group-leader-mobile',
    charter: '#group-charter',
    toggleCharter: '#btn-toggle-charter',
    cover: '#group-cover',
    subCommittees: '#group-subcommittees',
    subCommittee: (i: number) => `#group-sc-${i}`,
    joinArea: '#join-area',
    joinStatus: '#join-status',
    join: '#btn-join',
    cancelJoin: '#btn-cancel-join',
    leave: '#btn-leave',
    joinSheet: '#join-sheet',
    joinMessage: '#join-message textarea',
    joinMobile: '#join-mobile input',
    joinSubmit: '#btn-join-submit',
    joinCancel: '#btn-join-cancel',
    manageGroup: '#btn-manage-group',
    manageMembers: '#btn-manage-members',
    pendingFiling: '#group-pending-filing',
  },

  /** 成员管理 (package-manage/pages/members). Rows are addressed by index and carry data-name. */
  members: {
    tabPending: '#tab-pending',
    tabActive: '#tab-active',
    requests: '#request-list',
    requestsEmpty: '#requests-empty',
    request: (i: number) => `#request-${i}`,
    approve: (i: number) => `#btn-approve-${i}`,
    decline: (i: number) => `#btn-decline-${i}`,
    roster: '#roster-list',
    member: (i: number) => `#member-${i}`,
  },

  /** 组织管理 (package-manage/pages/settings). */
  settings: {
    groupName: '#settings-group-name',
    members: '#link-members',
    change: '#link-change',
    pendingFiling: '#pending-filing-note',
    /** 日常信息 / 分会 / 变更报备 / 注销 (leader only); `[aria-selected=true]` is the open one. */
    tab: (key: 'daily' | 'sub' | 'change' | 'dissolve') => `#settings-tab-${key}`,
    saveDaily: '#btn-save-daily',
    dissolve: '#btn-dissolve',
  },

  /** 变更报备 (package-manage/pages/change). */
  change: {
    name: '#field-name input',
    reason: '#field-reason textarea',
    review: '#btn-review-change',
    summary: '#change-summary',
    summaryRow: (field: string) => `#summary-${field}`,
    confirm: '#btn-confirm-change',
    cancel: '#btn-cancel-change',
    topError: '#change-top-error',
  },

  /** 活动 tab (pages/events). */
  events: {
    community: '#events-community',
    filter: (f: 'week' | 'all' | 'eligible') => `#event-filter-${f}`,
    list: '#event-list',
    card: '.event-card',
    event: (id: string) => `#event-${id}`,
    empty: '#events-empty',
  },

  /** The event page (package-event/pages/detail). */
  event: {
    title: '#event-title',
    places: '#event-places',
    when: '#event-when',
    capacity: '#event-capacity',
    cancelled: '#event-cancelled',
    myStatus: '#event-my-status',
    myArea: '#event-my-area',
    signUp: '#btn-signup',
    signUpMobile: '#signup-mobile input',
    signupClosed: '#event-signup-closed',
    cancelSignUp: '#btn-cancel-signup',
    cancelSheet: '#cancel-signup-sheet',
    confirmCancel: '#btn-confirm-cancel-signup',
    lateNote: '#late-cancel-note',
    checkIn: '#btn-checkin',
    checkInSheet: '#checkin-sheet',
    checkInCode: '#checkin-code input',
    checkInSubmit: '#btn-checkin-submit',
    record: '#event-record',
    recordSummary: '#record-summary',
    recordPhotos: '#record-photos',
    recordAttendance: '#record-attendance',
    manageArea: '#event-manage-area',
    registrations: '#btn-event-registrations',
    code: '#btn-event-code',
    writeRecord: '#btn-event-record',
    edit: '#btn-event-edit',
    cancelEvent: '#btn-event-cancel',
    cancelEventSheet: '#cancel-event-sheet',
    cancelReason: '#cancel-reason textarea',
    confirmCancelEvent: '#btn-confirm-cancel-event',
  },

  /** 我的活动 (package-event/pages/mine). */
  myEvents: {
    entry: '#btn-my-events',
    hours: '#my-volunteer-hours',
    tab: (t: 'upcoming' | 'waitlisted' | 'attended') => `#my-events-tab-${t}`,
    list: '#my-event-list',
    registration: (eventId: string) => `#my-reg-${eventId}`,
    empty: '#my-events-empty',
  },

  /** 发起活动 / 修改活动 (package-event-manage/pages/edit): rows `#event-<field>`. */
  eventForm: {
    host: '#edit-event-host',
    title: '#event-title input',
    place: '#event-place input',
    capacity: '#event-capacity input.weui-input',
    row: (field: string) => `#event-${field}`,
    rowError: (field: string) => `#event-${field} .field-error`,
    audience: (a: 'members' | 'community' | 'anyone') => `#audience-${a}`,
    startTime: '#event-start-time',
    endTime: '#event-end-time',
    save: '#btn-save-event',
  },

  /** 报名名单 (package-event-manage/pages/registrations): rows `#reg-<i>[data-name]`. */
  registrations: {
    list: '#registration-list',
    row: (i: number) => `#reg-${i}`,
    mark: (i: number) => `#btn-mark-${i}`,
    registered: '#count-registered',
    checkedIn: '#count-checked-in',
    waitlisted: '#count-waitlisted',
    behalf: '#btn-behalf',
    behalfSheet: '#behalf-sheet',
    behalfName: '#behalf-name input',
    behalfMobile: '#behalf-mobile input',
    behalfSubmit: '#btn-behalf-submit',
  },

  /** 签到码 (package-event-manage/pages/code). */
  checkInCode: { digits: '#checkin-digits', qr: '#checkin-qr', checkedIn: '#code-count-checked-in' },

  /** 活动记录 (package-event-manage/pages/record). */
  record: {
    summary: '#record-summary-field textarea',
    addPhotos: '#btn-add-photos',
    photo: (i: number) => `#record-photo-${i}`,
    save: '#btn-save-record',
  },

  /** The group page's events (package-group/pages/detail). */
  groupEvents: {
    section: '#group-events',
    newEvent: '#btn-new-event',
    upcoming: '#group-upcoming-events',
    past: '#group-past-events',
    record: (eventId: string) => `#group-record-${eventId}`,
  },

  /** The incubation base (package-base, package-base-manage): src/package-base/selectors.md. */
  base: {
    mineNeeds: '#btn-needs',
    mineRooms: '#btn-rooms',
    mineBaseHome: '#btn-base-home',
    eventsNeeds: '#btn-events-needs',
    postNeed: '#btn-post-need',
    needSheet: '#need-sheet',
    needTitle: '#need-title input',
    needCategory: (c: string) => `#need-category-${c}`,
    needSubmit: '#btn-need-submit',
    needList: '#need-list',
    need: (id: string) => `#need-${id}`,
    needCard: '.need-card',
    want: (id: string) => `#btn-want-${id}`,
    wanted: (id: string) => `#need-wanted-${id}`,
    demand: (id: string) => `#need-demand-${id}`,
    needCourse: (id: string) => `#btn-need-course-${id}`,
    staffNeeds: '#btn-staff-needs',
    staffNeed: (id: string) => `#staff-need-${id}`,
    toCourse: (id: string) => `#btn-to-course-${id}`,
    answer: (id: string) => `#btn-answer-${id}`,
    answerSheet: '#answer-sheet',
    coursePartner: (id: string) => `#course-partner-${id}`,
    courseRoom: (id: string) => `#course-room-${id}`,
    courseWeekday: (i: number) => `#course-weekday-${i}`,
    courseTitle: '#course-title input',
    courseTeacher: '#course-teacher input',
    courseWeeks: '#course-sessions input',
    courseCapacity: '#course-capacity input',
    courseSummary: '#course-summary',
    createCourse: '#btn-create-course',
    courseName: '#course-title',
    coursePlaces: '#course-places',
    courseSessions: '#course-sessions',
    courseSession: (n: number) => `#course-session-${n}`,
    courseTeacherRow: '#course-teacher',
    enroll: '#btn-enroll',
    myEnrollment: '#course-my-status',
    roomChip: (id: string) => `#room-${id}`,
    roomFacts: '#room-facts',
    calendar: '#room-calendar',
    calDay: (date: string) => `#cal-day-${date}`,
    calNext: '#btn-cal-next',
    calPrev: '#btn-cal-prev',
    calViewDay: '#cal-view-day',
    calViewWeek: '#cal-view-week',
    free: (date: string, hhmm: string) => `#free-${date}-${hhmm}`,
    bookSheet: '#book-sheet',
    bookTitle: '#book-title input',
    bookStart: '#book-start',
    bookEnd: '#book-end',
    bookSubmit: '#btn-book-submit',
    bookConflict: '#booking-conflict',
    partnersAdd: '#btn-add-partner',
    quietGroups: '#quiet-groups',
    stage: '#group-stage',
    circleList: '#circle-list',
  },
} as const;
