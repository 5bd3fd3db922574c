import type { TGroupCategory } from '../../../types/domain';
import type { TIncubationFunction, TNeedCategory } from '../../../types/incubation';
import { invalidState, notFound } from '../app-error';
import { C } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { circleIdFor, createHobbyCircle } from '../growth/circles';
import { authed } from '../guards';
import { requireStaffInTx } from './access';
import type { TNeedDoc } from './docs';
import { tellSupporters } from './tell';
import { toNeedRow } from './views';
import { moveNeedTallies } from '../stats/need-tallies';

/**
 * 兴趣小组种子: a social worker grows a new hobby circle from a need. The need records the seed (name, contact
 * person) and becomes 已安排; everyone who wanted it is invited (circle_invited) to contact that person.
 *
 * The circle itself is a group at stage 兴趣小组 (not yet filed), created in the same transaction by the stages
 * work's createHobbyCircle (growth/circles.ts): open to join, listed among the community's circles, its id derived
 * from the need so a repeat makes one. The contact person leads it once they use the app and join.
 */
const GROUP_CATEGORY: Record<TNeedCategory, TGroupCategory> = {
  learning: 'culture_sports',
  culture_sports: 'culture_sports',
  care: 'mutual_aid',
  health: 'life_service',
  other: 'other',
};
const groupPage = (groupId: string) => `/package-group/pages/detail/index?id=${groupId}`;

type TImpl = TActionImpl<TIncubationFunction['actions']>;

export const seedCircle: TImpl['seedCircle'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await checkPublicText(ctx, [['name', input.name], ['contactName', input.contactName]]);
  const { need, created } = await ctx.store.transaction(async (tx) => {
    const need = await tx.get<TNeedDoc>(C.needs, input.needId);
    if (!need) throw notFound();
    await requireStaffInTx(tx, ctx, need.communityId);
    if (need.status === 'merged') throw invalidState('这条需求已合并到其他需求，请从保留的那条发起兴趣小组');
    if (need.circle) {
      if (need.circle.name === input.name) return { need, created: false }; // a repeat
      throw invalidState(`这条需求已发起兴趣小组「${need.circle.name}」`);
    }
    if (need.courseId) throw invalidState('这条需求已经开设了课程');
    const group = await createHobbyCircle(tx, {
      id: circleIdFor(ctx.caller.openid, `need-${need._id}`),
      communityId: need.communityId,
      name: input.name,
      category: GROUP_CATEGORY[need.category],
      intro: need.description || need.title,
      contactName: input.contactName,
      contactMobile: input.contactMobile,
      contactOpenid: null,
      createdBy: ctx.caller.openid,
      now: ctx.clock.now(),
    });
    const circle = { name: input.name, contactName: input.contactName, contactMobile: input.contactMobile, groupId: group._id };
    const answer = `已发起兴趣小组「${input.name}」，联系人：${input.contactName}`;
    const patch = { status: 'arranged' as const, answer, answeredBy: ctx.caller.openid, circle };
    await tx.update(C.needs, need._id, patch);
    await moveNeedTallies(tx, need.communityId, need.status, 'arranged');
    return { need: { ...need, ...patch }, created: true };
  });
  if (created) {
    const at = ctx.clock.now();
    await tellSupporters(ctx, need._id, (to) => ({
      to,
      kind: 'circle_invited',
      title: '邀请您加入兴趣小组',
      body: `您想要的「${need.title}」有了兴趣小组「${input.name}」，请联系${input.contactName}（${input.contactMobile}）加入`,
      page: need.circle?.groupId ? groupPage(need.circle.groupId) : '/pages/directory/index',
      data: { circleName: input.name, contactName: input.contactName, at },
    }));
  }
  return { need: toNeedRow(need, false) };
};
