import { idParam as q } from '../lib/nav';

/** Routes this subpackage hands over to (kept here so the main package's nav.ts need not grow for them). */

export const EVENT_MANAGE_ROUTES = {
  eventDetail: (eventId: string) => `/package-event/pages/detail/index?id=${q(eventId)}`,
  registrations: (eventId: string) => `/package-event-manage/pages/registrations/index?eventId=${q(eventId)}`,
} as const;
