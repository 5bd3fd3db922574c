import type { z } from 'zod';
import { EVENT_LIMITS, eventTimesProblems, type TEventsFunction, type ZCreateEvent } from '../../../types/events';
import { AppError, forbidden, invalidFields, notFound } from '../app-error';
import { C, type TCommunityDoc, type TEventDoc, type TGroupDoc, type TUserDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { requireCovers } from '../scope';
import { managerAccessInTx } from '../groups/access';
import { requestFingerprint } from '../manage/change-filing';
import { RATE_RULES } from '../rate-limit';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import { newCheckInSecret } from './check-in-code';
import { eventIdFor, seriesIdFor } from './ids';
import { toEventCard } from './views';

type TImpl = TActionImpl<TEventsFunction['actions']>;
type TCreate = z.output<typeof ZCreateEvent>;

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Everything wrong with the request that needs no database: times, the series' last date, the hosts' shape. */
function inputProblems(input: TCreate, now: number): Record<string, string> {
  const problems = eventTimesProblems(input, now);
  const weeks = input.repeat?.weeks ?? 1;
  if (!problems.startAt && input.startAt + (weeks - 1) * WEEK > now + EVENT_LIMITS.aheadDays * DAY) {
    problems['repeat.weeks'] = '最后一次活动超出了一年，请减少重复的周数';
  }
  if (input.groupId === null) {
    if (!input.communityId) problems.communityId = '社区活动请选择所在社区';
    if (input.coHostGroupId) problems.coHostGroupId = '社区活动不设协办组织，请由组织发起并邀请协办';
  } else if (input.coHostGroupId === input.groupId) {
    problems.coHostGroupId = '协办组织不能是主办组织本身';
  }
  return problems;
}

interface THosts {
  communityId: string;
  communityName: string;
  hostGroupIds: string[];
  hostNames: string[];
}

/** The scalar copies a group's page is indexed on (TEventDoc.hostGroupId / coHostGroupId). */
const hostFields = (hosts: THosts) => ({ ...hosts, hostGroupId: hosts.hostGroupIds[0] ?? null, coHostGroupId: hosts.hostGroupIds[1] ?? null });

/**
 * Who hosts it, decided on documents read inside the transaction: a group event needs the caller to lead or
 * deputise the (filed, active) group; a co-host must be another active group of the same community; a community
 * event needs a social worker (or admin) of that community. Social workers do not create events in a group's
 * name: they create the community's own and manage the groups' ones (docs/access.md).
 */
async function resolveHosts(tx: TTransaction, ctx: TAuthedContext, input: TCreate): Promise<THosts> {
  if (input.groupId === null) {
    const communityId = input.communityId!;
    const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
    await requireCovers(ctx, user, communityId, { entity: 'community', entityId: communityId }, 'forbidden', tx);
    const community = await tx.get<TCommunityDoc>(C.communities, communityId);
    if (!community) throw notFound();
    return { communityId, communityName: community.name, hostGroupIds: [], hostNames: [`${community.name}居委会`] };
  }
  const { group } = await managerAccessInTx(tx, ctx, input.groupId, 'manager');
  if (input.communityId && input.communityId !== group.communityId) throw invalidFields({ communityId: '社区与主办组织所在社区不一致' });
  const hosts: THosts = { communityId: group.communityId, communityName: group.communityName, hostGroupIds: [group._id], hostNames: [group.name] };
  if (input.coHostGroupId) {
    const coHost = await tx.get<TGroupDoc>(C.groups, input.coHostGroupId);
    if (!coHost || coHost.status !== 'active' || coHost.communityId !== group.communityId) {
      throw invalidFields({ coHostGroupId: '协办组织需是本社区已备案的其他组织' });
    }
    hosts.hostGroupIds.push(coHost._id);
    hosts.hostNames.push(coHost.name);
  }
  return hosts;
}

/** The events an earlier create with this request id made, in date order; another request is REQUEST_REUSED. */
async function replay(ctx: TAuthedContext, ids: string[], fingerprint: string): Promise<TEventDoc[]> {
  const found = await ctx.store.collection<TEventDoc>(C.events).find({ where: { _id: { in: ids } }, limit: ids.length });
  const byId = new Map(found.items.map((e) => [e._id, e]));
  const events = ids.map((id) => byId.get(id)).filter((e): e is TEventDoc => e !== undefined);
  if (events.length !== ids.length || events.some((e) => e.createdBy !== ctx.caller.openid || e.requestFingerprint !== fingerprint)) {
    throw new AppError('REQUEST_REUSED');
  }
  return events;
}

/**
 * 发布活动: one event, or a weekly series of `repeat.weeks` dates sharing a seriesId, all in one transaction (all or
 * none). Ids are derived from the caller and the request id, so a double tap or a retry answers the events it
 * made; the same request id with other content is REQUEST_REUSED. Bad input is refused before anything is
 * written, with every problem named for its field.
 */
export const createEvent: TImpl['create'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const problems = inputProblems(input, ctx.clock.now());
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  // The text check counts against the creation rule: one counter per create, not two.
  await checkPublicText(
    ctx,
    [['title', input.title], ['description', input.description], ['place', input.place]],
    'profile',
    RATE_RULES.eventCreate,
  );

  const { requestId, ...request } = input;
  const fingerprint = requestFingerprint(request);
  const weeks = input.repeat?.weeks ?? 1;
  const ids = Array.from({ length: weeks }, (_, i) => eventIdFor(ctx.caller.openid, requestId, i));
  const secrets = ids.map(() => newCheckInSecret());

  const insertAll = () =>
    ctx.store.transaction(async (tx) => {
      const hosts = await resolveHosts(tx, ctx, input);
      const created: TEventDoc[] = [];
      for (const [i, id] of ids.entries()) {
        created.push(
          await tx.insert<TEventDoc>(C.events, {
            _id: id,
            status: 'scheduled',
            title: input.title,
            description: input.description,
            startAt: input.startAt + i * WEEK,
            endAt: input.endAt + i * WEEK,
            place: input.place,
            capacity: input.capacity,
            signupDeadline: input.signupDeadline + i * WEEK,
            audience: input.audience,
            isVolunteer: input.isVolunteer,
            ...hostFields(hosts),
            createdBy: ctx.caller.openid,
            seriesId: weeks > 1 ? seriesIdFor(ctx.caller.openid, requestId) : null,
            requestFingerprint: fingerprint,
            cancelReason: null,
            cancelledAt: null,
            registeredCount: 0,
            checkedInCount: 0,
            waitlist: [],
            checkInSecret: secrets[i]!,
            record: null,
            remindedAt: null,
          }),
        );
      }
      return created;
    });

  let events: TEventDoc[];
  try {
    events = await insertAll();
  } catch (error) {
    // A taken id means this request id was used before (the insert aborted everything): answer what it made,
    // if it asked the same thing. Cheaper than reading first on every create.
    if (!(error instanceof DuplicateIdError)) throw error;
    events = await replay(ctx, ids, fingerprint);
  }
  return { events: events.map(toEventCard) };
};
