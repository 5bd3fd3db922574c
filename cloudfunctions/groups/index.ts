import { handleGroups } from '../core/functions/groups';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleGroups);
