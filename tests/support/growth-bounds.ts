import { C, type TGroupDoc } from '../../cloudfunctions/core/collections';
import { FILING_LIMITS } from '../../types/filings';
import { GROWTH_LIMITS } from '../../types/growth';
import type { TTestApp } from './app';
import { requestId } from './filings';

/** What growth wrote at its bounds for stored-fits-shown.test.ts: a circle, a filed group with notes and facts. */
export interface TGrowthWorld {
  circleId: string;
  groupId: string;
}

const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';
const L = FILING_LIMITS;
const text = (n: number, ch = '文') => ch.repeat(n);

/**
 * Growth at its bounds, on the world's filed group (near the member limit): a circle with the longest texts, moved
 * to 培育中 with the longest reason; the longest notes; Party facts at the member count; the counters they move.
 */
export async function growthAtTheBounds(app: TTestApp, groupId: string): Promise<TGrowthWorld> {
  const { circle } = await app.ok(RESIDENT, 'growth', 'createCircle', {
    communityId: 'c-tatan',
    requestId: requestId(),
    name: text(L.name, '圈'),
    category: 'culture_sports',
    intro: text(L.purpose, '趣'),
    activityTime: text(L.activityTime, '时'),
    contactName: text(L.person, '陈'),
    contactMobile: '13931120009',
  });
  await app.ok(WORKER, 'growth', 'setStage', { groupId: circle.id, stage: 'incubating', reason: text(GROWTH_LIMITS.reason, '因') });
  await app.ok(WORKER, 'growth', 'setStage', { groupId, stage: 'model', reason: text(GROWTH_LIMITS.reason, '范') });
  for (const g of [circle.id, groupId]) {
    for (const kind of ['visit', 'advice', 'problem'] as const) {
      await app.ok(WORKER, 'growth', 'addNote', { groupId: g, requestId: requestId(), kind, at: app.clock.now(), text: text(GROWTH_LIMITS.note, '记') });
    }
  }
  const group = await app.store.collection<TGroupDoc>(C.groups).get(groupId);
  const n = group!.memberCount;
  await app.ok(WORKER, 'growth', 'setPartyFacts', { groupId, hasPartyBranch: true, partyMemberCount: n, partyLeaderCount: n, nominatedPartyLeader: true });
  return { circleId: circle.id, groupId };
}

/** Each growth read, as every role that may use it on that world. */
export function growthReads(app: TTestApp, w: TGrowthWorld): Record<string, Array<() => Promise<{ ok: boolean }>>> {
  return {
    'growth.circles': [() => app.call(RESIDENT, 'growth', 'circles', { communityId: 'c-tatan' })],
    'growth.notes': [w.circleId, w.groupId].flatMap((groupId) => [WORKER, 'demo-admin'].map((as) => () => app.call(as, 'growth', 'notes', { groupId }))),
    'growth.quietGroups': [() => app.call(WORKER, 'growth', 'quietGroups', { communityId: 'c-tatan' })],
    'growth.partyFacts': [WORKER, 'demo-leader'].map((as) => () => app.call(as, 'growth', 'partyFacts', { groupId: w.groupId })),
    'growth.overview': [WORKER, 'demo-admin'].map((as) => () => app.call(as, 'growth', 'overview', { communityId: 'c-tatan' })),
  };
}
