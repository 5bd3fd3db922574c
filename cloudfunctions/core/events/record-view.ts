import type { z } from 'zod';
import type { ZEventRecord } from '../../../types/events';
import type { TEventDoc } from '../collections';
import type { TAuthedContext } from '../guards';

type TEventRecord = z.output<typeof ZEventRecord>;

/**
 * The 活动记录 as the event page shows it. Minimal until the records work lands (photos as displayable URLs,
 * attendee names for those who may see them): owned by the check-in / records engineer from here on.
 */
export async function recordView(_ctx: TAuthedContext, event: TEventDoc, _seesNames: boolean): Promise<TEventRecord | null> {
  const r = event.record;
  if (!r) return null;
  return {
    summary: r.summary,
    photoUrls: [],
    attendance: r.attendance,
    volunteerHours: r.volunteerMinutes / 60,
    recordedAt: r.recordedAt,
    attendeeNames: null,
  };
}
