// Jest globalSetup for the e2e project: Chromium is installed, and dist/h5 is a build of the current sources.
// E2E_SKIP_BUILD=1 uses dist/h5 as it is.
import { ensureH5Build } from '../../scripts/lib/h5-build';
import { ensureChromium } from './chromium';

const log = (message: string) => process.stderr.write(`[e2e:setup] ${message}\n`);

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  log(`chromium: ${ensureChromium()} (${Date.now() - started} ms)`);
  if (process.env.E2E_SKIP_BUILD === '1') {
    log('E2E_SKIP_BUILD=1: using dist/h5 as it is');
    return;
  }
  await ensureH5Build(log);
}
