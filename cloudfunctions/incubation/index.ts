import { handleIncubation } from '../core/functions/incubation';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleIncubation);
