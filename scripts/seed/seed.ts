import {
  C,
  type TAuditDoc,
  type TFilingDoc,
  type TGroupDoc,
  type TMembershipDoc,
  type TSubCommitteeDoc,
} from '../../cloudfunctions/core/collections';
import { groupFromFiling, leaderMembership } from '../../cloudfunctions/core/groups/from-filing';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import {
  COMMUNITIES,
  DEMO_USERS,
  PLACES,
  LAONIAN_GROUP_ID,
  LAONIAN_MEMBERS,
  LAONIAN_SUBCOMMITTEES,
  SEED_FILINGS,
  type TSeedFiling,
} from './demo-data';
import { seedDemoBase } from './demo-base';
import { seedDemoEvents } from './demo-events';
import { seedDemoIncubation } from './demo-incubation';
import { seedDemoGrowth } from './demo-growth';
import { writeNeedRecount } from '../../cloudfunctions/core/stats/need-tallies';
import { writeDemoFilings } from './demo-filings';
import { writeSeedGroups } from './demo-groups';
import { writeDemoYear } from './demo-year';
import { writeDemoYearBase } from './demo-year-base';
import { seedDemoBehalf } from './demo-behalf';

const DAY = 24 * 60 * 60 * 1000;
const SEED_MARK = 'demo-seed';
const REVIEWER = { openid: 'demo-social-worker', name: '刘芳' };

function audit(filing: TSeedFiling, n: number, actor: string, actorName: string, from: TAuditDoc['from'], to: TAuditDoc['to'], at: number) {
  return {
    _id: `a_seed_${filing.filingId}_${n}`,
    action: `filing:${to}`,
    communityId: filing.fields.communityId ?? null,
    detail: null,
    entity: 'filing' as const,
    entityId: filing.filingId,
    seq: n,
    actor,
    actorName,
    from,
    to,
    reason: null,
    at,
  };
}

async function seedFiling(store: TStore, seed: TSeedFiling, now: number) {
  const submittedAt = now - seed.daysAgo * DAY;
  const decidedAt = seed.status === 'approved' ? submittedAt + DAY : null;
  const filing = await store.collection<TFilingDoc>(C.filings).insert({
    _id: seed.filingId,
    openid: seed.owner,
    kind: 'initial',
    status: seed.status,
    fields: seed.fields,
    communityId: seed.fields.communityId,
    communityName: COMMUNITIES.find((c) => c._id === seed.fields.communityId)?.name ?? null,
    groupId: null,
    submittedAt,
    decidedAt,
    lastComment: null,
    reviewedBy: decidedAt ? REVIEWER.openid : null,
  });
  const audits = store.collection<TAuditDoc>(C.audit);
  await audits.insert(audit(seed, 1, seed.owner, seed.ownerName, 'draft', 'submitted', submittedAt));
  if (decidedAt === null) return;
  await audits.insert(audit(seed, 2, REVIEWER.openid, REVIEWER.name, 'submitted', 'approved', decidedAt));
  const group = groupFromFiling(filing, decidedAt);
  await store.collection<TGroupDoc>(C.groups).insert(group);
  await store.collection<TMembershipDoc>(C.memberships).insert(leaderMembership(group, decidedAt));
  await store.collection<TFilingDoc>(C.filings).updateIfVersion(filing._id, filing.version, { groupId: group._id });
}

/** 老年协会's deputy, members and 分会. Its member count stays the filed 86: these are the ones who use the app. */
async function seedLaonianPeople(store: TStore, now: number) {
  const memberships = store.collection<TMembershipDoc>(C.memberships);
  const joinedAt = now - 100 * DAY;
  const idOf = (openid: string) => membershipIdFor(LAONIAN_GROUP_ID, openid);
  const scId = (key: string | null) => LAONIAN_SUBCOMMITTEES.find((sc) => sc.key === key)?._id ?? null;
  for (const m of LAONIAN_MEMBERS) {
    await memberships.insert({
      _id: idOf(m.openid),
      groupId: LAONIAN_GROUP_ID,
      groupName: '塔谈社区老年协会',
      communityId: 'c-tatan',
      openid: m.openid,
      name: m.name,
      mobile: m.mobile,
      role: m.role,
      status: 'active',
      message: null,
      note: null,
      subCommitteeId: scId(m.subCommittee),
      requestedAt: joinedAt,
      joinedAt,
    });
  }
  for (const sc of LAONIAN_SUBCOMMITTEES) {
    await store.collection<TSubCommitteeDoc>(C.subcommittees).insert({
      _id: sc._id,
      groupId: LAONIAN_GROUP_ID,
      name: sc.name,
      intro: sc.intro,
      leadMembershipId: idOf(sc.lead),
      leadName: LAONIAN_MEMBERS.find((m) => m.openid === sc.lead)!.name,
      memberCount: LAONIAN_MEMBERS.filter((m) => m.subCommittee === sc.key).length,
    });
  }
}

/**
 * Writes the demo data once: a marker document records that it ran, so restarts keep whatever the demo users
 * changed. `npm run reset` deletes the database file to start over.
 */
export async function seedDemoData(store: TStore, now = Date.now()): Promise<boolean> {
  const meta = store.collection(C.meta);
  if (await meta.get(SEED_MARK)) return false;
  for (const place of PLACES) await store.collection(C.places).insert(place);
  for (const community of COMMUNITIES) await store.collection(C.communities).insert(community);
  for (const user of DEMO_USERS) await store.collection(C.users).insert(user);
  for (const filing of SEED_FILINGS) await seedFiling(store, filing, now);
  await seedLaonianPeople(store, now);
  // The story's 15 groups, their year of activity and filings at every status: one commit (seed speed, docs/demo-data.md).
  await store.transaction(async (tx) => {
    await writeSeedGroups(tx, now);
    await writeDemoFilings(tx, now);
    await writeDemoYear(tx, now);
  });
  await seedDemoEvents(store, now);
  await seedDemoBase(store, now);
  await seedDemoIncubation(store, now);
  await store.transaction((tx) => writeDemoYearBase(tx, now));
  await seedDemoGrowth(store, now);
  await seedDemoBehalf(store, now);
  // Needs were loaded without the use cases: their dashboard tallies are counted once here (docs/dashboards.md).
  for (const community of COMMUNITIES) await writeNeedRecount(store, community._id);
  await meta.insert({ _id: SEED_MARK, seededAt: now });
  return true;
}
