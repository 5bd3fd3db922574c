import { api } from '../../../api';

/**
 * The filing to review next: the oldest one still waiting, as the queue orders it. The one just decided has left
 * the queue, but a late read could still list it, so it is skipped by id. Null when nothing else waits.
 */
export async function nextInQueue(decidedId: string): Promise<string | null> {
  const page = await api.filings.queue({});
  return page.items.find((item) => item.id !== decidedId)?.id ?? null;
}
