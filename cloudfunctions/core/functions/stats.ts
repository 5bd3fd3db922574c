import { statsFunction } from '../../../types/stats';
import { createHandler } from '../dispatch';
import { dashboard } from '../stats/dashboard';

/** Staff dashboards (docs/dashboards.md): counters summed over the caller's scope. */
export const handleStats = createHandler(statsFunction, { dashboard });
