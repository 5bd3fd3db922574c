/** The contract between the mini program and the cloud functions. */
export * from './errors';
export * from './envelope';
export * from './domain';
export * from './define';
export * from './fields';
export * from './form-limits';
export * from './validation';
export * from './filings';
export * from './groups';
export * from './account';
export * from './membership';
export * from './manage';
export * from './events';
export * from './growth';
export * from './incubation';
export * from './base';
export * from './stats';
export * from './admin';
export * from './reports';

import { accountFunction } from './account';
import { eventsFunction } from './events';
import { filingsFunction } from './filings';
import { groupsFunction } from './groups';
import { growthFunction } from './growth';
import { incubationFunction } from './incubation';
import { baseFunction } from './base';
import { manageFunction } from './manage';
import { statsFunction } from './stats';
import { adminFunction } from './admin';
import { reportsFunction } from './reports';

/** Every deployable function, by name. The build, the gateway and the client all read this table. */
export const FUNCTIONS = {
  account: accountFunction,
  filings: filingsFunction,
  groups: groupsFunction,
  manage: manageFunction,
  events: eventsFunction,
  growth: growthFunction,
  incubation: incubationFunction,
  base: baseFunction,
  stats: statsFunction,
  admin: adminFunction,
  reports: reportsFunction,
} as const;
export type TFunctions = typeof FUNCTIONS;
export type TFunctionName = keyof TFunctions;
