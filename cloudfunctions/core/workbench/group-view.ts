import type { TStaffEvent, TStaffRecord, TTimelineFiling, TWorkbenchFunction } from '../../../types/workbench';
import { C, type TAuditDoc, type TEventDoc, type TFilingDoc, type TGroupDoc, type TGroupNoteDoc, type TMembershipDoc, type TStatDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { toHistoryEntry } from '../filings/view';
import { authed } from '../guards';
import { listSubCommittees } from '../groups/queries';
import { toMemberRow, toSubCommittee } from '../groups/views';
import { toNoteView } from '../growth/notes';
import { stageOf } from '../growth/stages';
import { chinaMonth, groupStatId } from '../events/stats';
import { PAGE_SIZE as ROSTER_PAGE } from '../manage/members';
import { staffGroupInScope } from './staff-access';

type TImpl = TActionImpl<TWorkbenchFunction['actions']>;

/** A group files a handful of times in its life (成立, a few changes, 注销); the caps only guard the reads. */
const FILINGS_LIMIT = 20;
const STEPS_LIMIT = 100;
const RECENT_EVENTS = 5;
const RECENT_NOTES = 3;

function toRecord(g: TGroupDoc): TStaffRecord {
  return {
    id: g._id,
    name: g.name,
    category: g.category,
    status: g.status,
    stage: stageOf(g),
    stageSince: g.stageSince ?? null,
    communityId: g.communityId,
    communityName: g.communityName,
    purpose: g.intro,
    leaderName: g.leaderName,
    leaderMobile: g.leaderMobile,
    memberCount: g.memberCount,
    venue: g.venue,
    activityTime: g.activityTime,
    charter: g.charter,
    supervisor: g.supervisor,
    partyMemberCount: g.partyMemberCount,
    hasPartyBranch: g.hasPartyBranch,
    filedAt: g.filedAt,
    dissolvedAt: g.dissolvedAt,
  };
}

function toStaffEvent(e: TEventDoc): TStaffEvent {
  return {
    id: e._id,
    title: e.title,
    startAt: e.startAt,
    status: e.status,
    registeredCount: e.registeredCount,
    checkedInCount: e.checkedInCount,
    hasRecord: e.record !== null,
    attendance: e.record?.attendance ?? null,
    volunteerMinutes: e.record?.volunteerMinutes ?? null,
    summary: e.record?.summary ?? null,
    photoCount: e.record?.photos.length ?? 0,
  };
}

/** The last 12 months in China time, this one included: `202611`, `202610`, … */
export function lastTwelveMonths(now: number): string[] {
  const [y, m] = [Number(chinaMonth(now).slice(0, 4)), Number(chinaMonth(now).slice(4))];
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A group's staff view in one call (docs/workbench.md). After the access read (group and user), six reads in
 * parallel, each index-served or by id: the group's filings, its active roster's first page, its 分会, its latest
 * hosted events, its 12 monthly counters (by id) and its latest notes; then the audit entries of those filings
 * (one `in` read on audit_entity_seq). Phones appear in full: only the community's staff get here.
 */
export const staffGroupView: TImpl['group'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const { group } = await staffGroupInScope(ctx, input.groupId, 'workbench.group');
  const now = ctx.clock.now();
  const staffAccess = { isManager: false, isReviewer: true };
  const [filings, roster, subCommittees, events, stats, notes] = await Promise.all([
    ctx.store.collection<TFilingDoc>(C.filings).find({ where: { groupId: group._id }, orderBy: [['createdAt', 'desc']], limit: FILINGS_LIMIT }),
    ctx.store.collection<TMembershipDoc>(C.memberships).find({
      // The same query as manage.members, so its cursor continues this page there.
      where: { groupId: group._id, status: 'active' },
      orderBy: [['requestedAt', 'asc']],
      limit: ROSTER_PAGE,
    }),
    listSubCommittees(ctx, group._id),
    ctx.store.collection<TEventDoc>(C.events).find({
      where: { hostGroupId: group._id, startAt: { lt: now } },
      orderBy: [['startAt', 'desc']],
      limit: RECENT_EVENTS,
    }),
    ctx.store.collection<TStatDoc>(C.stats).find({ where: { _id: { in: lastTwelveMonths(now).map((m) => groupStatId(group._id, m)) } }, limit: 12 }),
    ctx.store.collection<TGroupNoteDoc>(C.groupnotes).find({ where: { groupId: group._id }, orderBy: [['at', 'desc']], limit: RECENT_NOTES }),
  ]);

  const filingIds = filings.items.map((f) => f._id);
  const steps =
    filingIds.length === 0
      ? []
      : (
          await ctx.store.collection<TAuditDoc>(C.audit).find({
            where: { entityId: filingIds.length === 1 ? filingIds[0]! : { in: filingIds } },
            orderBy: [['entityId', 'asc'], ['seq', 'asc']],
            limit: STEPS_LIMIT,
          })
        ).items.filter((a) => typeof a.to === 'string'); // transitions only: other audit lines (a refused attempt) name no status
  const timeline: TTimelineFiling[] = filings.items.map((f) => ({
    id: f._id,
    kind: f.kind,
    status: f.status,
    submittedAt: f.submittedAt,
    decidedAt: f.decidedAt,
    steps: steps.filter((a) => a.entityId === f._id).map(toHistoryEntry),
  }));

  const year = stats.items.reduce(
    (sum, s) => ({
      eventsHeld: sum.eventsHeld + s.eventsHeld,
      attendances: sum.attendances + s.attendances,
      volunteerMinutes: sum.volunteerMinutes + s.volunteerMinutes,
    }),
    { eventsHeld: 0, attendances: 0, volunteerMinutes: 0 },
  );

  return {
    group: {
      record: toRecord(group),
      filings: timeline,
      roster: { items: roster.items.map((m) => toMemberRow(m, staffAccess)), nextCursor: roster.nextCursor },
      subCommittees: subCommittees.items.map(toSubCommittee),
      recentEvents: events.items.map(toStaffEvent),
      year,
      notes: notes.items.map(toNoteView),
    },
  };
};
