import type { TIndexSpec } from './storage/port';

/**
 * Every index a query path relies on. The SQLite adapter creates them at open; scripts/create-indexes.ts
 * creates them in CloudBase. A new `find` needs its index here first.
 */
export const INDEXES: TIndexSpec[] = [
  { collection: 'filings', name: 'filings_owner_updated', fields: [['openid', 'asc'], ['updatedAt', 'desc']] },
  { collection: 'filings', name: 'filings_status_submitted', fields: [['status', 'asc'], ['submittedAt', 'asc']] },
  { collection: 'audit', name: 'audit_entity_seq', fields: [['entityId', 'asc'], ['seq', 'asc']] },
  {
    collection: 'groups',
    name: 'groups_directory',
    fields: [['communityId', 'asc'], ['status', 'asc'], ['lastActiveAt', 'desc']],
  },
  {
    collection: 'groups',
    name: 'groups_directory_category',
    fields: [['communityId', 'asc'], ['status', 'asc'], ['category', 'asc'], ['lastActiveAt', 'desc']],
  },
  {
    collection: 'memberships',
    name: 'memberships_group_status',
    fields: [['groupId', 'asc'], ['status', 'asc'], ['requestedAt', 'asc']],
  },
  { collection: 'memberships', name: 'memberships_person', fields: [['openid', 'asc'], ['updatedAt', 'desc']] },
  { collection: 'subcommittees', name: 'subcommittees_group', fields: [['groupId', 'asc'], ['createdAt', 'asc']] },
  { collection: 'communities', name: 'communities_name', fields: [['name', 'asc']] },
];
