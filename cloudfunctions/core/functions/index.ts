import type { TFunctionName } from '../../../types';
import type { THandler } from '../dispatch';
import { handleAccount } from './account';
import { handleEvents } from './events';
import { handleFilings } from './filings';
import { handleGroups } from './groups';
import { handleGrowth } from './growth';
import { handleIncubation } from './incubation';
import { handleBase } from './base';
import { handleManage } from './manage';
import { handleStats } from './stats';
import { handleAdmin } from './admin';
import { handleReports } from './reports';

/** Every function's handler by name: the local gateway serves them all; each cloud entry imports one. */
export const HANDLERS: Record<TFunctionName, THandler> = {
  account: handleAccount,
  filings: handleFilings,
  groups: handleGroups,
  manage: handleManage,
  events: handleEvents,
  growth: handleGrowth,
  incubation: handleIncubation,
  base: handleBase,
  stats: handleStats,
  admin: handleAdmin,
  reports: handleReports,
};
