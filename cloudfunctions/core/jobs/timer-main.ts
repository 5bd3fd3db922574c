import type { TEnvelope } from '../../../types/envelope';
import type { TPorts } from '../context';
import { callerFromContext } from '../platform/cloud-caller';
import { runReminders, type TReminderRun } from './reminders';

/**
 * The `jobs` function is not part of the client contract: only the platform's timer trigger may run it. A timer
 * invocation carries `{ Type: 'Timer', TriggerName, Time, Message }` and no WeChat user; anything else — a mini
 * program's callFunction (it has an OPENID), a client-shaped `{ action }` event, an HTTP call — is refused before
 * any work, so nobody can make the app send reminders at will.
 */
export interface TTimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
  Message?: string;
}

export function isTimerEvent(event: unknown): event is TTimerEvent {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const e = event as Record<string, unknown>;
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' && !('action' in e);
}

export const JOBS_REFUSAL = '定时任务只能由云平台的定时触发器调用';

export function makeJobsMain(ports: () => Pick<TPorts, 'store' | 'clock' | 'notifier'>) {
  return async function main(event: unknown, context: unknown): Promise<TEnvelope<TReminderRun>> {
    if (callerFromContext(context) !== null || !isTimerEvent(event)) {
      console.warn('[jobs] refused a call that is not a timer trigger');
      return { ok: false, error: { code: 'FORBIDDEN', message: JOBS_REFUSAL } };
    }
    try {
      const run = await runReminders(ports());
      console.info('[jobs] reminders', event.TriggerName, run);
      return { ok: true, data: run };
    } catch (error) {
      console.error('[jobs] reminders failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: '定时任务失败，下次触发时会继续' } };
    }
  };
}
