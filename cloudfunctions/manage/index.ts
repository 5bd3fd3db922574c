import { handleManage } from '../core/functions/manage';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleManage);
