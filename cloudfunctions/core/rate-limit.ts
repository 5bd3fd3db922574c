import { createHash } from 'node:crypto';
import { AppError } from './app-error';
import { C, type TRateDoc } from './collections';
import type { TAuthedContext } from './guards';
import { DuplicateIdError } from './storage/port';

/**
 * Per-caller limits, stored in the database so they hold across function instances (module memory is per
 * instance, and CloudBase runs up to 1000 of them). A fixed window per caller and rule: one counter document
 * whose id is derived from caller, rule and window, moved by insert or compare-and-set — two requests, no
 * transaction. A caller racing themselves loses the compare-and-set; after a few tries that counts as limited,
 * so a burst can never pass more than `max`.
 */
export interface TRateRule {
  name: string;
  max: number;
  windowMs: number;
  message: string;
}

const MINUTE = 60_000;

export const RATE_RULES = {
  /** 申请加入 (and re-applying after a cancel): cycling join/cancel must not flood a leader. */
  join: { name: 'join', max: 8, windowMs: 10 * MINUTE, message: '申请太频繁了，请10分钟后再试' },
  /** New drafts, submissions, change and dissolution filings. */
  filing: { name: 'filing', max: 20, windowMs: 60 * MINUTE, message: '提交太频繁了，请稍后再试' },
  /** Text that goes through the content check (each check is a call to WeChat with a daily quota). */
  contentCheck: { name: 'content', max: 30, windowMs: 10 * MINUTE, message: '提交内容太频繁了，请稍后再试' },
  /** New events (a weekly series counts once); its text check counts against this rule, not contentCheck. */
  eventCreate: { name: 'event-create', max: 20, windowMs: 60 * MINUTE, message: '发布活动太频繁了，请稍后再试' },
  /** 报名 (and signing up again after a cancel): cycling sign-up/cancel must not churn a waitlist. */
  eventSignUp: { name: 'event-signup', max: 20, windowMs: 10 * MINUTE, message: '报名操作太频繁了，请10分钟后再试' },
  /** Wrong check-in codes: 10 guesses in 10 minutes leaves a 1 in 100 000 chance at a 6-digit code. */
  /** New needs (需求/心愿); their text check counts against this rule, not contentCheck. */
  needPost: { name: 'need-post', max: 10, windowMs: 60 * MINUTE, message: '发布需求太频繁了，请1小时后再试' },
  /** Room bookings (their title goes through the content check, counted against this rule). */
  roomBook: { name: 'room-book', max: 30, windowMs: 60 * MINUTE, message: '预订太频繁了，请稍后再试' },
  /** .xlsx exports (docs/reports.md): each builds a workbook and stores a file, so a loop of them is refused. */
  reportExport: { name: 'report-export', max: 20, windowMs: 10 * MINUTE, message: '导出太频繁了，请10分钟后再试' },
  checkInCode: { name: 'checkin', max: 10, windowMs: 10 * MINUTE, message: '签到码输错次数太多，请10分钟后再试，或请负责人为您手动签到' },
} as const satisfies Record<string, TRateRule>;

/** Enough for a double or triple tap to land; a burst that keeps losing the compare-and-set is limited. */
const ATTEMPTS = 6;

function rateIdFor(openid: string, rule: TRateRule, window: number): string {
  return 'r_' + createHash('sha256').update(`${openid}:${rule.name}:${window}`).digest('hex').slice(0, 32);
}

/** Whether the caller has used up `rule` in the current window (one read; counts nothing). */
export async function isRateLimited(ctx: TAuthedContext, rule: TRateRule): Promise<boolean> {
  const window = Math.floor(ctx.clock.now() / rule.windowMs);
  const current = await ctx.store.collection<TRateDoc>(C.ratelimits).get(rateIdFor(ctx.caller.openid, rule, window));
  return Boolean(current && current.count >= rule.max);
}

/** Counts one use of `rule` by the caller, or throws RATE_LIMITED (nothing else is written). */
export async function consumeRate(ctx: TAuthedContext, rule: TRateRule): Promise<void> {
  const window = Math.floor(ctx.clock.now() / rule.windowMs);
  const id = rateIdFor(ctx.caller.openid, rule, window);
  const counters = ctx.store.collection<TRateDoc>(C.ratelimits);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await counters.get(id);
    if (current && current.count >= rule.max) break;
    try {
      if (!current) {
        await counters.insert({ _id: id, rule: rule.name, count: 1, windowEndsAt: (window + 1) * rule.windowMs });
        return;
      }
      if (await counters.updateIfVersion(id, current.version, { count: current.count + 1 })) return;
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error;
    }
  }
  throw new AppError('RATE_LIMITED', undefined, rule.message);
}
