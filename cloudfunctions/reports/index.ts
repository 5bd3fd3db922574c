import { handleReports } from '../core/functions/reports';
import { makeCloudMain } from '../core/platform/cloud-main';

export const main = makeCloudMain(handleReports);
