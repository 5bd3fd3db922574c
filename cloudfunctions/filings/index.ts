import { handleFilings } from '../core/functions/filings';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleFilings);
