import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GROUP_CATEGORIES, type TFilingStatus } from '../../types/domain';
import type { TMembershipStatus } from '../../types/membership';
import { C } from '../../cloudfunctions/core/collections';
import { groupFromFiling } from '../../cloudfunctions/core/groups/from-filing';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { createSqliteStore, type TSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { SEED_FILINGS } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed';

/**
 * A database at one scale: the demo seed (whose people and groups the bench calls as) inside a crowd of
 * generated rows in every collection an action reads, in fixed proportions. `groups` sets the scale; the rest
 * follow it, so 100 000 groups come with 1 000 000 memberships, 200 000 filings, 1 000 000 audit entries,
 * 200 000 events with 2 000 000 registrations, and so on (PER_GROUP).
 *
 * The demo community 塔谈社区 holds the same 500 generated groups at every scale (the directory's deep pages
 * need them): what grows is everyone else, which is what an index must keep out of the caller's way. Nothing
 * generated belongs to the demo people or waits in 塔谈社区's review queue, so each action answers the same
 * rows at every scale and only the crowd around them differs.
 */
export const TARGET_COMMUNITY_GROUPS = 500;

/** Rows per group for every other collection (the ratios of the 100 000-group scale in issue 6). */
export const PER_GROUP = {
  memberships: 10,
  filings: 2,
  /** Per filing: a handful of transitions each. */
  auditPerFiling: 5,
  users: 5,
  subcommittees: 0.2,
  communities: 0.1,
  /** Events a group has held or planned, each with its sign-ups (issue 7: 200 000 events, 2 000 000 registrations). */
  events: 2,
  registrationsPerEvent: 10,
  /** Monthly counters (group, community and person). */
  stats: 1,
} as const;

export interface TFixture {
  store: TSqliteStore;
  rows: Record<string, number>;
  close(): Promise<void>;
}

/** Deterministic, so every run builds the same database. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/**
 * Writes the generated rows straight into the tables, in one SQLite transaction per collection, before the
 * store opens: a million inserts through the async port would take minutes. The rows are what the SQLite
 * adapter itself stores (`id`, `doc` with the meta fields); buildFixture reads them back through the store.
 * Indexes are built afterwards, by the store, as it opens each collection.
 */
function bulkLoad(file: string, groups: number, now: number) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MiB while loading
  const rnd = random(groups);
  const rows: Record<string, number> = {};
  const load = (collection: string, count: number, make: (i: number) => Record<string, unknown> & { _id: string }) => {
    db.exec(`CREATE TABLE IF NOT EXISTS "${collection}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    const insert = db.prepare(`INSERT INTO "${collection}" (id, doc) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const doc = make(i);
        const at = (doc.updatedAt as number | undefined) ?? now;
        insert.run(doc._id, JSON.stringify({ createdAt: at, updatedAt: at, version: 1, ...doc }));
      }
    })();
    rows[collection] = count;
  };

  const communities = Math.max(1, Math.round(groups * PER_GROUP.communities));
  const users = Math.round(groups * PER_GROUP.users);
  const filings = Math.round(groups * PER_GROUP.filings);
  const communityOf = (i: number) => `c_bench_${i % communities}`;
  const userOf = (i: number) => `u_bench_${i % users}`;
  const inTarget = (g: number) => g < TARGET_COMMUNITY_GROUPS;
  const groupCommunity = (g: number) => (inTarget(g) ? 'c-tatan' : communityOf(g));
  const groupName = (g: number) => `${inTarget(g) ? '塔谈' : ''}兴趣小组${g}`;

  load(C.communities, communities, (i) => ({
    _id: `c_bench_${i}`,
    name: `第${i}社区`,
    streetId: `s_bench_${i % 1000}`,
    streetName: `第${i % 1000}街道`,
    districtId: `d_bench_${i % 100}`,
    districtName: `第${i % 100}区`,
    cityName: '石家庄市',
  }));

  load(C.users, users, (i) => ({
    _id: userOf(i),
    displayName: `居民${i}`,
    roles: [],
    communityId: communityOf(i),
  }));

  // Filing g (g < groups) is the approved initial filing of group g; the rest are everything else a filing can be.
  const template = SEED_FILINGS.find((f) => f.status === 'approved')!;
  const laterStatus: TFilingStatus[] = ['submitted', 'returned', 'returned', 'rejected', 'withdrawn', 'withdrawn', 'draft', 'draft', 'draft', 'draft', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved'];
  const filingDoc = (f: number) => {
    const g = f % groups;
    const initial = f < groups;
    const status = initial ? 'approved' : laterStatus[f % laterStatus.length]!;
    // Only initial filings of generated groups in 塔谈社区 sit there (approved, so never in its queue).
    const communityId = initial ? groupCommunity(g) : communityOf(f);
    const submittedAt = status === 'draft' ? null : now - (1 + (f % 700)) * DAY;
    return {
      _id: `f_bench_${f}`,
      openid: userOf(g * PER_GROUP.users),
      // Later approved filings are changes to their group; the rest are new groups that have not made it (yet).
      kind: initial || status !== 'approved' ? ('initial' as const) : ('change' as const),
      status,
      fields: { ...template.fields, name: groupName(g), communityId },
      communityId,
      communityName: communityId === 'c-tatan' ? '塔谈社区' : `第${communityId.slice(8)}社区`,
      groupId: initial || status === 'approved' ? `g_bench_${g}` : null,
      submittedAt,
      decidedAt: submittedAt && status !== 'submitted' ? submittedAt + DAY : null,
      lastComment: null,
      reviewedBy: null,
      updatedAt: submittedAt ?? now - (f % 700) * DAY,
    };
  };
  load(C.filings, filings, filingDoc);

  const statuses: TFilingStatus[] = ['draft', 'submitted', 'returned', 'submitted', 'approved'];
  load(C.audit, filings * PER_GROUP.auditPerFiling, (i) => {
    const f = Math.floor(i / PER_GROUP.auditPerFiling);
    const seq = (i % PER_GROUP.auditPerFiling) + 1;
    return {
      _id: `a_bench_${i}`,
      entity: 'filing',
      entityId: `f_bench_${f}`,
      seq,
      actor: userOf(f),
      actorName: `居民${f % users}`,
      from: seq === 1 ? null : statuses[seq - 2]!,
      to: statuses[seq - 1]!,
      reason: null,
      at: now - (f % 700) * DAY + seq * 60_000,
    };
  });

  load(C.groups, groups, (g) => {
    const filing = filingDoc(g);
    // The directory record exactly as an approval makes it (name tokens included), then spread in time and kind.
    const base = groupFromFiling({ ...filing, createdAt: now, version: 1 } as never, now - (g % 700) * DAY);
    return {
      ...base,
      category: GROUP_CATEGORIES[g % GROUP_CATEGORIES.length]!,
      status: g % 50 === 49 ? 'dissolved' : 'active',
      lastActiveAt: now - Math.floor(rnd() * 365 * DAY),
    };
  });

  const memberStatus: TMembershipStatus[] = ['active', 'active', 'active', 'active', 'active', 'active', 'pending', 'left', 'declined', 'cancelled'];
  load(C.memberships, groups * PER_GROUP.memberships, (i) => {
    const g = Math.floor(i / PER_GROUP.memberships);
    const k = i % PER_GROUP.memberships;
    const openid = k === 0 ? userOf(g * PER_GROUP.users) : userOf(Math.floor(rnd() * users));
    const status = k === 0 ? 'active' : memberStatus[k]!;
    const requestedAt = now - Math.floor(rnd() * 700 * DAY);
    return {
      _id: membershipIdFor(`g_bench_${g}`, openid) + (k === 0 ? '' : `_${k}`), // a person may be drawn twice for one group
      groupId: `g_bench_${g}`,
      groupName: groupName(g),
      communityId: groupCommunity(g),
      openid,
      name: `居民${openid.slice(8)}`,
      mobile: '13900000000',
      role: k === 0 ? 'leader' : 'member',
      status,
      message: null,
      note: null,
      subCommitteeId: null,
      requestedAt,
      joinedAt: status === 'active' ? requestedAt + DAY : null,
      updatedAt: requestedAt + DAY,
    };
  });

  load(C.subcommittees, Math.round(groups * PER_GROUP.subcommittees), (i) => ({
    _id: `sc_bench_${i}`,
    groupId: `g_bench_${Math.floor(i / PER_GROUP.subcommittees)}`,
    name: `第${i}分会`,
    intro: '负责本分会的日常活动安排。',
    leadMembershipId: `m_bench_${i}`,
    leadName: `居民${i}`,
    memberCount: 3,
  }));

  // Events: mostly past (a year back), some in the next two months; hosted by their group, in its community.
  const events = Math.round(groups * PER_GROUP.events);
  // Event e is its group's k-th: everything about it follows (group, k), so 塔谈社区's events are the same at
  // every scale (the 活动 tab answers the same rows) and only the crowd elsewhere grows.
  const eventKey = (e: number) => (e % groups) * 8 + Math.floor(e / groups);
  const eventStart = (e: number) => now + Math.floor((random(eventKey(e) + 1)() * 420 - 360) * DAY);
  load(C.events, events, (e) => {
    const g = e % groups;
    const startAt = eventStart(e);
    const key = eventKey(e);
    return {
      _id: `e_bench_${key}`,
      status: key % 20 === 19 ? 'cancelled' : 'scheduled',
      title: `${groupName(g)}活动`,
      description: '活动介绍',
      startAt,
      endAt: startAt + 2 * 3_600_000,
      place: '社区活动室',
      capacity: 30,
      signupDeadline: startAt - 3_600_000,
      audience: 'anyone',
      isVolunteer: key % 5 === 0,
      communityId: groupCommunity(g),
      communityName: inTarget(g) ? '塔谈社区' : `第${groupCommunity(g).slice(8)}社区`,
      hostGroupIds: [`g_bench_${g}`],
      hostGroupId: `g_bench_${g}`,
      coHostGroupId: null,
      hostNames: [groupName(g)],
      createdBy: userOf(g * PER_GROUP.users),
      seriesId: null,
      requestFingerprint: 'bench',
      cancelReason: null,
      cancelledAt: null,
      registeredCount: PER_GROUP.registrationsPerEvent,
      checkedInCount: 0,
      waitlist: [],
      checkInSecret: 'b'.repeat(64),
      record: null,
      remindedAt: null,
    };
  });

  load(C.registrations, events * PER_GROUP.registrationsPerEvent, (i) => {
    const e = Math.floor(i / PER_GROUP.registrationsPerEvent);
    const startAt = eventStart(e);
    const openid = userOf(Math.floor(rnd() * users));
    return {
      _id: `r_bench_${i}`,
      eventId: `e_bench_${eventKey(e)}`,
      openid,
      name: `居民${openid.slice(8)}`,
      mobile: null,
      status: 'registered',
      onBehalfBy: null,
      registeredAt: startAt - 2 * DAY,
      promotedAt: null,
      cancelledAt: null,
      lateCancel: false,
      checkedInAt: null,
      checkInMethod: null,
      startAt,
      attended: startAt < now && i % 5 !== 0,
    };
  });

  // Counters as events/stats.ts names them: per group and community per month, per person for all time.
  load(C.stats, Math.round(groups * PER_GROUP.stats), (i) => {
    const scope = i % 3 === 0 ? 'community' : i % 3 === 1 ? 'group' : 'person';
    const scopeId = scope === 'community' ? communityOf(i) : scope === 'group' ? `g_bench_${i % groups}` : userOf(i);
    const month = scope === 'person' ? 'all' : `2026${String((i % 12) + 1).padStart(2, '0')}`;
    return {
      _id: scope === 'person' ? `st_person_${scopeId}_${i}` : `st_${scope}_${scopeId}_${month}_${i}`,
      scope,
      scopeId,
      month,
      eventsHeld: 1,
      attendances: 8,
      volunteerMinutes: 0,
    };
  });

  // The dashboard's counter document of every generated community (growth counters and tallies, docs/dashboards.md).
  load(C.growthstats, communities, (i) => ({
    _id: `gs_c_bench_${i}`,
    communityId: `c_bench_${i}`,
    filedGroups: 10,
    modelGroups: 1,
    circles: 1,
    incubating: 1,
    partyBranches: 3,
    partyMembers: 20,
    partyLeaders: 2,
    members: 100,
    dissolvedGroups: 0,
    categories: Object.fromEntries(GROUP_CATEGORIES.map((c, k) => [c, k])),
    needsOpen: 2,
    needsAnswered: 3,
  }));

  db.close();
  return rows;
}

/** Builds the database for `groups` groups in a temporary directory, and opens the store on it. */
export async function buildFixture(groups: number): Promise<TFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const file = path.join(dir, 'bench.db');
  const now = Date.now();
  const rows = bulkLoad(file, groups, now);
  const store = createSqliteStore({ file, indexes: INDEXES });
  // Opening each collection builds its indexes over the loaded rows; the counts check the rows are readable.
  for (const [collection, expected] of Object.entries(rows)) {
    const count = await store.collection(collection).count();
    if (count !== expected) throw new Error(`${collection}: loaded ${expected}, the store reads ${count}`);
  }
  const sample = await store.collection(C.groups).get('g_bench_7');
  if (sample?.version !== 1) throw new Error('generated groups do not read back as stored documents');
  await seedDemoData(store, now);
  return {
    store,
    rows,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
