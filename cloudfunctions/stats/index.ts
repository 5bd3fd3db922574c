import { handleStats } from '../core/functions/stats';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleStats);
