import { handleAccount } from '../core/functions/account';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleAccount);
