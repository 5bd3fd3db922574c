/**
 * Stable hooks the mini program puts on its elements, for the browser tests. Ids below are set in src/.
 *
 * Everywhere (H5 only): `.dev-panel-toggle` (floating 「开发者面板」), `#dev-panel`, `#dev-user-<openid>`.
 * Shared states: `.state--loading`, `.state--error` (with 「重新加载」), `.field-error` (red hint under a field),
 *   `#btn-load-more` (「加载更多」 under a paginated list).
 * 社团 tab (pages/directory/index): `#community-chooser`, `#community-list`, `#community-<communityId>`,
 *   `#directory-community` (chosen community's name), `#btn-switch-community`, `#category-chips`,
 *   `#chip-all`, `#chip-<category>`, `#group-list`, `.group-card`, `#group-<groupId>`, `#directory-empty`.
 * 我的 tab (pages/mine/index): `#me-name`, `#me-role`, `#btn-new-filing` (我要报备), `#btn-review-queue` (审核队列,
 *   staff only), `#my-filings`, `.filing-item`, `#filing-item-<filingId>`, `#my-filings-empty`.
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
 *   `#filing-fields`, `#history`.
 * Review queue (package-review/pages/queue): `#queue-list`, `.queue-item`, `#queue-item-<filingId>`, `#queue-empty`.
 * Review (package-review/pages/review): `#review-status`, `#review-comment` (wrapper of the textarea),
 *   `#btn-approve`, `#btn-return`, `#btn-reject`, `#decision-sheet`, `#btn-confirm-decision`,
 *   `#btn-cancel-decision`, `#review-result`.
 * Group detail (package-group/pages/detail): `#group-name`, `#party-badge`, `#group-activity-time`, `#group-venue`,
 *   `#group-member-count`, `#group-supervisor`, `#group-leader-name`, `#group-leader-mobile`, `#group-charter`,
 *   `#btn-toggle-charter`.
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
  reviewQueue: '/package-review/pages/queue/index',
  review: (id: string) => `/package-review/pages/review/index?id=${id}`,
  groupDetail: (id: string) => `/package-group/pages/detail/index?id=${id}`,
} as const;

export const SEL = {
  devPanelToggle: '.dev-panel-toggle',
  devPanel: '#dev-panel',
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
  },

  mine: {
    name: '#me-name',
    role: '#me-role',
    newFiling: '#btn-new-filing',
    reviewQueue: '#btn-review-queue',
    filings: '#my-filings',
    filingItem: '.filing-item',
    filing: (id: string) => `#filing-item-${id}`,
    empty: '#my-filings-empty',
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
  },

  /** Taro.showModal in H5. */
  modal: { confirm: '.taro-model__confirm', cancel: '.taro-model__cancel' },

  queue: {
    list: '#queue-list',
    item: '.queue-item',
    filing: (id: string) => `#queue-item-${id}`,
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
  },
} as const;
