import type { TFunctionName } from '../../types';
import type { THandler } from '../../cloudfunctions/core/dispatch';
import type { TContext } from '../../cloudfunctions/core/context';

/**
 * What the bench times: every read action (events included), plus two writes that can repeat without piling up state (an
 * autosave and a join-policy save), each as the person who sends it. All of them answer the same rows at both
 * scales (see fixture.ts), so a difference in time is the crowd's doing.
 */
export interface TBenchCase {
  name: string;
  fn: TFunctionName;
  as: string;
  event(env: TCaseEnv): Record<string, unknown>;
}

/** Per database: what a case needs that the database itself decides. */
export interface TCaseEnv {
  /** The directory's cursor after 10 pages. */
  deepCursor: string;
  /** A draft of demo-leader's, for the autosave. */
  draftId: string;
  /** 老年协会's event in three days, demo-resident signed up. */
  eventId: string;
  /** One starting in 20 minutes: its check-in code is showing. */
  soonEventId: string;
}

const LAONIAN = 'g_seed_laonian';

export const CASES: TBenchCase[] = [
  { name: 'account.me', fn: 'account', as: 'demo-leader', event: () => ({ action: 'me' }) },
  { name: 'account.communities', fn: 'account', as: 'demo-resident', event: () => ({ action: 'communities' }) },
  { name: 'groups.directory', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan' }) },
  {
    name: 'groups.directory page 11',
    fn: 'groups',
    as: 'demo-resident',
    event: (env) => ({ action: 'directory', communityId: 'c-tatan', cursor: env.deepCursor }),
  },
  {
    name: 'groups.directory by category',
    fn: 'groups',
    as: 'demo-resident',
    event: () => ({ action: 'directory', communityId: 'c-tatan', category: 'culture_sports' }),
  },
  { name: 'groups.directory search', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan', q: '兴趣' }) },
  { name: 'groups.detail', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'detail', groupId: LAONIAN }) },
  { name: 'groups.mine', fn: 'groups', as: 'seed-member-1', event: () => ({ action: 'mine' }) },
  { name: 'filings.get', fn: 'filings', as: 'demo-leader', event: () => ({ action: 'get', filingId: 'f_seed_laonian' }) },
  { name: 'filings.mine', fn: 'filings', as: 'demo-leader', event: () => ({ action: 'mine' }) },
  { name: 'filings.queue', fn: 'filings', as: 'demo-social-worker', event: () => ({ action: 'queue' }) },
  { name: 'manage.members', fn: 'manage', as: 'demo-leader', event: () => ({ action: 'members', groupId: LAONIAN, status: 'active' }) },
  { name: 'events.list', fn: 'events', as: 'demo-resident', event: () => ({ action: 'list', communityId: 'c-tatan' }) },
  { name: 'events.groupEvents', fn: 'events', as: 'demo-resident', event: () => ({ action: 'groupEvents', groupId: LAONIAN, when: 'upcoming' }) },
  { name: 'events.detail', fn: 'events', as: 'demo-resident', event: (env) => ({ action: 'detail', eventId: env.eventId }) },
  { name: 'events.groupEvents past', fn: 'events', as: 'demo-resident', event: () => ({ action: 'groupEvents', groupId: LAONIAN, when: 'past' }) },
  { name: 'events.mine', fn: 'events', as: 'demo-resident', event: () => ({ action: 'mine', tab: 'upcoming' }) },
  { name: 'events.mine attended', fn: 'events', as: 'demo-resident', event: () => ({ action: 'mine', tab: 'attended' }) },
  { name: 'events.registrations', fn: 'events', as: 'demo-leader', event: (env) => ({ action: 'registrations', eventId: env.eventId }) },
  { name: 'events.checkInCode', fn: 'events', as: 'demo-leader', event: (env) => ({ action: 'checkInCode', eventId: env.soonEventId }) },
  // Dashboards (docs/dashboards.md): counters read by id, summed; the queue's index counts waiting and overdue filings.
  { name: 'stats.dashboard', fn: 'stats', as: 'demo-social-worker', event: () => ({ action: 'dashboard' }) },
  { name: 'stats.dashboard (street officer)', fn: 'stats', as: 'demo-admin', event: () => ({ action: 'dashboard' }) },
  {
    name: 'filings.saveDraft (autosave)',
    fn: 'filings',
    as: 'demo-leader',
    event: (env) => ({ action: 'saveDraft', filingId: env.draftId, fields: { memberCount: 16 } }),
  },
  { name: 'manage.update (join policy)', fn: 'manage', as: 'demo-leader', event: () => ({ action: 'update', groupId: LAONIAN, joinPolicy: 'approval' }) },
];

/** Calls a handler as someone and fails loudly: a bench of error answers would time the wrong thing. */
export async function callOk(handler: THandler, event: Record<string, unknown>, ports: Omit<TContext, 'caller'>, as: string) {
  const r = await handler(event, { ...ports, caller: { openid: as } });
  if (!r.ok) throw new Error(`${String(event.action)} as ${as}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** 老年协会's class, as its leader creates it: starting at `startAt`, 20 places. */
export function eventInput(startAt: number, requestId: string) {
  return {
    requestId,
    groupId: LAONIAN,
    title: '老年大学书法课',
    description: '楷书基础，自带毛笔',
    startAt,
    endAt: startAt + 2 * 3_600_000,
    place: '党群服务中心二楼活动室',
    capacity: 20,
    signupDeadline: startAt - 10 * 60_000,
    audience: 'anyone',
    isVolunteer: false,
  };
}
