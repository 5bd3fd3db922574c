import { handleWorkbench } from '../core/functions/workbench';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleWorkbench);
