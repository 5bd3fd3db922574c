/**
 * What `npm run setup:cloud` makes true in a CloudBase environment, computed without credentials or network:
 * every collection of `C`, every index of core/indexes.ts, the ADMINONLY rule on every collection, and the
 * communities and staff of the org file. `--dry-run` prints exactly this; applyPlan (apply.ts) carries it out.
 */
import { C } from '../../cloudfunctions/core/collections';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import type { TSortDirection } from '../../cloudfunctions/core/storage/port';
import { readOrgFile, type TOrg } from './org-file';

/** Clients get no database access at all: the functions (which rules do not bind) are the only gate. */
export const ACL_TAG = 'ADMINONLY';

export interface TPlannedIndex {
  collection: string;
  name: string;
  fields: Array<[field: string, direction: TSortDirection]>;
}

/** One document to upsert. `fields` are kept equal to the file; `onCreate` is written only with a new document. */
export interface TPlannedDocument {
  collection: string;
  _id: string;
  fields: Record<string, unknown>;
  onCreate: Record<string, unknown>;
}

export interface TSetupPlan {
  collections: string[];
  indexes: TPlannedIndex[];
  aclTag: typeof ACL_TAG;
  documents: TPlannedDocument[];
}

export function planFromOrg(org: TOrg): TSetupPlan {
  const communities = org.communities.map(
    ({ _id, ...fields }): TPlannedDocument => ({ collection: C.communities, _id, fields, onCreate: { retiredAt: null } }),
  );
  // Streets and districts, named by their communities (docs/administration.md): the places the admin pages show.
  const places = new Map<string, TPlannedDocument>();
  for (const c of org.communities) {
    const common = { districtId: c.districtId, districtName: c.districtName, cityName: c.cityName };
    places.set(c.districtId, { collection: C.places, _id: c.districtId, fields: { level: 'district', name: c.districtName, ...common }, onCreate: {} });
    places.set(c.streetId, { collection: C.places, _id: c.streetId, fields: { level: 'street', name: c.streetName, ...common }, onCreate: {} });
  }
  // A staff member may already use the app as a resident: the file owns their name, roles and scope, never
  // the community they chose for themselves.
  const staff = org.staff.map(
    (s): TPlannedDocument => ({
      collection: C.users,
      _id: s.openid,
      fields: {
        displayName: s.displayName,
        roles: s.roles,
        // `since` 0: assigned by the file, not by a person at a time (admin.assign records both).
        assignments: s.assignments.map((a) => ({ ...a, since: 0, by: 'setup' })),
        assignedWithin: s.assignedWithin,
      },
      onCreate: { communityId: null },
    }),
  );
  return {
    // Derived from `C`, so a collection added there is created by the next run.
    collections: Object.values(C),
    indexes: INDEXES.map((ix) => ({ collection: ix.collection, name: ix.name, fields: ix.fields.map(([f, d]) => [f, d]) })),
    aclTag: ACL_TAG,
    documents: [...places.values(), ...communities, ...staff],
  };
}

/** Reads and checks the org file, then plans. Throws OrgFileError before anything could be sent. */
export function planSetup(orgFile: string): TSetupPlan {
  return planFromOrg(readOrgFile(orgFile));
}

/** The plan as a person reads it (the `--dry-run` output). */
export function formatPlan(plan: TSetupPlan): string {
  const arrow = (d: TSortDirection) => (d === 'asc' ? '↑' : '↓');
  const lines = [`集合 collections (${plan.collections.length}), each with rule ${plan.aclTag} (仅管理端可读写):`];
  for (const name of plan.collections) lines.push(`  ${name}`);
  lines.push(`索引 indexes (${plan.indexes.length}):`);
  for (const ix of plan.indexes) {
    lines.push(`  ${ix.collection}.${ix.name}: ${ix.fields.map(([f, d]) => `${f} ${arrow(d)}`).join(', ')}`);
  }
  lines.push(`文档 documents to upsert (${plan.documents.length}):`);
  for (const doc of plan.documents) lines.push(`  ${doc.collection}/${doc._id} ${JSON.stringify(doc.fields)}`);
  return lines.join('\n');
}
