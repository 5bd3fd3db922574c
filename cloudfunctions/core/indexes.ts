import type { TIndexSpec } from './storage/port';

/**
 * Every index a query path relies on. The SQLite adapter creates them at open; `npm run setup:cloud`
 * (scripts/setup-cloud.ts) creates them in CloudBase. A new `find` needs its index here first.
 *
 * Each ends with `_id` ascending: every `find` sorts by its keys and then `_id` (the cursor's tie-breaker, see
 * storage/cursor.ts normalizeOrder). An index serves a sort only if it holds every sort key after the equality
 * prefix, so without `_id` CloudBase would sort the matching rows in memory on every page.
 */
export const INDEXES: TIndexSpec[] = [
  {
    collection: 'filings',
    name: 'filings_owner_updated',
    fields: [['openid', 'asc'], ['updatedAt', 'desc'], ['_id', 'asc']],
  },
  {
    // The review queue: a reviewer's own communities first, so it reads their waiting filings and no one else's
    // (status + submittedAt alone read every community's, 61× slower at 100 000 groups in `npm run bench`).
    collection: 'filings',
    name: 'filings_review_queue',
    fields: [['status', 'asc'], ['communityId', 'asc'], ['submittedAt', 'asc'], ['_id', 'asc']],
  },
  // 代办 (docs/on-behalf.md): an approved filing staff entered, waiting for the leader whose verified phone matches.
  { collection: 'filings', name: 'filings_behalf_mobile', fields: [['behalfMobile', 'asc'], ['_id', 'asc']] },
  { collection: 'audit', name: 'audit_entity_seq', fields: [['entityId', 'asc'], ['seq', 'asc'], ['_id', 'asc']] },
  {
    collection: 'groups',
    name: 'groups_directory',
    fields: [['communityId', 'asc'], ['status', 'asc'], ['lastActiveAt', 'desc'], ['_id', 'asc']],
  },
  {
    collection: 'groups',
    name: 'groups_directory_category',
    fields: [['communityId', 'asc'], ['status', 'asc'], ['category', 'asc'], ['lastActiveAt', 'desc'], ['_id', 'asc']],
  },
  // 年度确认: a community's filed groups that confirmed before this year (a range on confirmedYear), longest first.
  {
    collection: 'groups',
    name: 'groups_unconfirmed',
    fields: [['communityId', 'asc'], ['status', 'asc'], ['confirmedYear', 'asc'], ['_id', 'asc']],
  },
  {
    collection: 'memberships',
    name: 'memberships_group_status',
    fields: [['groupId', 'asc'], ['status', 'asc'], ['requestedAt', 'asc'], ['_id', 'asc']],
  },
  {
    collection: 'memberships',
    name: 'memberships_person',
    fields: [['openid', 'asc'], ['updatedAt', 'desc'], ['_id', 'asc']],
  },
  {
    collection: 'subcommittees',
    name: 'subcommittees_group',
    fields: [['groupId', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']],
  },
  { collection: 'communities', name: 'communities_name', fields: [['name', 'asc'], ['_id', 'asc']] },
  // ---- events: the 活动 tab (a community's upcoming events, soonest first; 本周 is a range on startAt) ----
  {
    collection: 'events',
    name: 'events_community_start',
    fields: [['communityId', 'asc'], ['startAt', 'asc'], ['_id', 'asc']],
  },
  // A group's page: its events as host and as co-host (two scalar fields, two index reads merged), upcoming soonest
  // first, past latest first.
  { collection: 'events', name: 'events_host_upcoming', fields: [['hostGroupId', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
  { collection: 'events', name: 'events_host_past', fields: [['hostGroupId', 'asc'], ['startAt', 'desc'], ['_id', 'asc']] },
  { collection: 'events', name: 'events_cohost_upcoming', fields: [['coHostGroupId', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
  { collection: 'events', name: 'events_cohost_past', fields: [['coHostGroupId', 'asc'], ['startAt', 'desc'], ['_id', 'asc']] },
  // Cancelling the rest of a weekly series.
  { collection: 'events', name: 'events_series', fields: [['seriesId', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
  // The registration list (managers) and the fan-out of change and cancel notices.
  {
    collection: 'registrations',
    name: 'registrations_event',
    fields: [['eventId', 'asc'], ['registeredAt', 'asc'], ['_id', 'asc']],
  },
  // 我的活动: upcoming (registered) and waitlisted, soonest first; attended, latest first.
  {
    collection: 'registrations',
    name: 'registrations_person_status',
    fields: [['openid', 'asc'], ['status', 'asc'], ['startAt', 'asc'], ['_id', 'asc']],
  },
  {
    collection: 'registrations',
    name: 'registrations_person_attended',
    fields: [['openid', 'asc'], ['attended', 'asc'], ['startAt', 'desc'], ['_id', 'asc']],
  },
  // The reminder job: every community's scheduled events starting soon, and the reminders already sent for one.
  { collection: 'events', name: 'events_status_start', fields: [['status', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
  { collection: 'reminders', name: 'reminders_event', fields: [['eventId', 'asc'], ['_id', 'asc']] },
  // ---- growth (docs/growth.md): a group's notes, newest first; the community's groups quiet for 90 days (a range on
  // quietSince, quietest first; a dissolved group has none) ----
  { collection: 'groupnotes', name: 'groupnotes_group_at', fields: [['groupId', 'asc'], ['at', 'desc'], ['_id', 'asc']] },
  { collection: 'groups', name: 'groups_quiet', fields: [['communityId', 'asc'], ['quietSince', 'asc'], ['_id', 'asc']] },
  // ---- incubation (docs/incubation.md): a community's needs by demand, a need's supporters (merge, notices),
  // a community's partners by name and courses latest first.
  {
    collection: 'needs',
    name: 'needs_community_demand',
    fields: [['communityId', 'asc'], ['listed', 'asc'], ['demand', 'desc'], ['_id', 'asc']],
  },
  { collection: 'needsupports', name: 'needsupports_need', fields: [['needId', 'asc'], ['at', 'asc'], ['_id', 'asc']] },
  { collection: 'partners', name: 'partners_community', fields: [['communityId', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
  { collection: 'courses', name: 'courses_community', fields: [['communityId', 'asc'], ['firstStartAt', 'desc'], ['_id', 'asc']] },
  // A room's slots: the first taken unit of a refused claim (base/slots.ts describeConflict), and the calendar's
  // claimed ranges (their head units) in a day or a week.
  { collection: 'roomslots', name: 'roomslots_room_unit', fields: [['roomId', 'asc'], ['unitStart', 'asc'], ['_id', 'asc']] },
  { collection: 'roomslots', name: 'roomslots_room_head', fields: [['roomId', 'asc'], ['head', 'asc'], ['unitStart', 'asc'], ['_id', 'asc']] },
  // A community's bases and rooms in the order they were set up; a group's (or the community's own) bookings latest
  // first; the community's bookings waiting for approval, soonest first.
  { collection: 'bases', name: 'bases_community', fields: [['communityId', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']] },
  { collection: 'rooms', name: 'rooms_community', fields: [['communityId', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']] },
  { collection: 'bookings', name: 'bookings_owner', fields: [['ownerKey', 'asc'], ['firstStartAt', 'desc'], ['_id', 'asc']] },
  { collection: 'bookings', name: 'bookings_pending', fields: [['communityId', 'asc'], ['status', 'asc'], ['firstStartAt', 'asc'], ['_id', 'asc']] },
  // ---- administration (docs/administration.md): an officer's scope is the communities of their street or district
  // (core/scope.ts), the tree adds a district's streets, the staff list finds people by the places they are assigned
  // in or under (`has` on the array, which CloudBase indexes element-wise), and the audit viewer reads lines newest
  // first by place, record, person or action.
  { collection: 'communities', name: 'communities_street', fields: [['streetId', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
  { collection: 'communities', name: 'communities_district', fields: [['districtId', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
  { collection: 'places', name: 'places_district', fields: [['districtId', 'asc'], ['level', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
  { collection: 'users', name: 'users_assigned_within', fields: [['assignedWithin', 'asc'], ['displayName', 'asc'], ['_id', 'asc']] },
  { collection: 'audit', name: 'audit_place_at', fields: [['communityId', 'asc'], ['at', 'desc'], ['_id', 'asc']] },
  { collection: 'audit', name: 'audit_entity_at', fields: [['entityId', 'asc'], ['at', 'desc'], ['_id', 'asc']] },
  { collection: 'audit', name: 'audit_actor_at', fields: [['actor', 'asc'], ['at', 'desc'], ['_id', 'asc']] },
  { collection: 'audit', name: 'audit_action_at', fields: [['action', 'asc'], ['at', 'desc'], ['_id', 'asc']] },
  // ---- reports (docs/reports.md): a community's filings decided in a quarter, a range on decidedAt (a street's or
  // district's communities come from communities_street / communities_district above). A status in it would compete
  // with filings_review_queue for the queue's several-community query on SQLite; the quarter's decided filings of one
  // community are few, so the report keeps the approved ones itself.
  { collection: 'filings', name: 'filings_decided', fields: [['communityId', 'asc'], ['decidedAt', 'asc'], ['_id', 'asc']] },
];
