import { makeJobsMain } from '../core/jobs/timer-main';
import { cloudPorts } from '../core/platform/cloud-main';

/** Timer-only (cloudbaserc.json `triggers`): event reminders every 10 minutes. Refuses every caller. */
export const main = makeJobsMain(cloudPorts);
