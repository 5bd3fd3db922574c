import { handleAdmin } from '../core/functions/admin';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleAdmin);
