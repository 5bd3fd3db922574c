import { handleEvents } from '../core/functions/events';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleEvents);
