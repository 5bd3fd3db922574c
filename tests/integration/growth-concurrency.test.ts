import type { TEnvelope } from '../../types/envelope';
import { C, type TUserDoc } from '../../cloudfunctions/core/collections';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { recountGrowth } from '../../cloudfunctions/core/growth/counters';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createCloudbaseStore } from '../../cloudfunctions/core/storage/cloudbase';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { DRAWING_CIRCLE_ID } from '../../scripts/seed/demo-growth';
import { fixedClock, seededDocuments, seededImage } from '../support/app';
import { requestId } from '../support/filings';
import { fakeCloudbase } from '../storage/fake-cloudbase';

/**
 * The community's growth counters are one document every stage, fact and circle change of the community writes.
 * Simultaneous changes to different groups must all land and leave the counters equal to a recount, on SQLite
 * (one transaction at a time) and on the CloudBase adapter over the fake server (snapshots; the loser of a write
 * conflict is retried).
 */

interface THarness {
  store: TStore;
  call(as: string, action: string, input: object): Promise<TEnvelope<unknown>>;
  close(): Promise<void>;
}

async function harness(kind: 'sqlite' | 'cloudbase'): Promise<THarness> {
  const clock = fixedClock();
  let store: TStore;
  let restore = async () => {};
  // The seeded demo (with EXTRA_USERS), copied as stored: seeding through the fake's snapshots would take seconds.
  if (kind === 'sqlite') {
    store = createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now, image: await seededImage() });
  } else {
    const fake = fakeCloudbase();
    for (const name of Object.values(C)) fake.server.createCollection(name);
    for (const { collection, doc } of await seededDocuments()) fake.server.importRaw(collection, doc);
    store = createCloudbaseStore({ db: fake.db, clock: clock.now, maxTransactionAttempts: 40 });
    restore = async () => fake.restore();
  }
  const ports = localPorts(store, { clock });
  return {
    store,
    call: (as, action, input) => HANDLERS.growth({ action, ...input }, { ...ports, caller: { openid: as } }),
    close: async () => {
      await store.close();
      await restore();
    },
  };
}

const WORKER = 'demo-social-worker';

test.each(['sqlite', 'cloudbase'] as const)('simultaneous stage, fact and circle changes all land, counters equal a recount (%s)', async (kind) => {
  const h = await harness(kind);
  try {
    const facts = (groupId: string, n: number) =>
      h.call(WORKER, 'setPartyFacts', { groupId, hasPartyBranch: n >= 3, partyMemberCount: n, partyLeaderCount: 1, nominatedPartyLeader: true });
    const circle = (i: number) =>
      h.call(`resident-${i}`, 'createCircle', {
        communityId: 'c-tatan',
        requestId: requestId(),
        name: `同时成立的兴趣小组${i}`,
        category: 'culture_sports',
        intro: '居民自发组织的兴趣活动，每周聚一次。',
        contactName: '居民',
        contactMobile: '13931120009',
      });
    const answers = await Promise.all([
      facts('g_seed_laonian', 20),
      facts('g_seed_hechang', 2),
      facts('g_seed_langsong', 9),
      facts('g_seed_yangguang', 4),
      h.call(WORKER, 'setStage', { groupId: 'g_seed_hechang', stage: 'model', reason: '演出多次获奖' }),
      h.call(WORKER, 'setStage', { groupId: DRAWING_CIRCLE_ID, stage: 'incubating', reason: '成员稳定' }),
      circle(1),
      circle(2),
      circle(3),
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(Array(9).fill('ok'));
    const overview = await h.call(WORKER, 'overview', { communityId: 'c-tatan' });
    const counts = await recountGrowth(h.store, 'c-tatan');
    expect(overview).toMatchObject({ ok: true, data: { overview: { communityId: 'c-tatan', ...counts } } });
    // The demo's 11 other filed groups keep their 6 branches, 20 Party members and 3 among leaders.
    expect(counts).toMatchObject({ filedGroups: 15, modelGroups: 2, circles: 3, incubating: 2, partyBranches: 6 + 3, partyMembers: 20 + 35, partyLeaders: 3 + 4 });
  } finally {
    await h.close();
  }
});
