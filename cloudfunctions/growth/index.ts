import { handleGrowth } from '../core/functions/growth';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleGrowth);
