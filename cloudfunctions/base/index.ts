import { handleBase } from '../core/functions/base';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleBase);
