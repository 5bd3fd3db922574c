// Finds (or, as root, installs) Debian's Chromium for the browser tests, plus a CJK font so
// Chinese renders in screenshots. Never downloads a browser build of Playwright's own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-microhei'] as const;
const INSTALL_HINT =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-wqy-microhei';

let resolved: string | undefined;

function log(message: string): void {
  process.stderr.write(`[e2e:chromium] ${message}\n`);
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function dpkgInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function cjkFontPresent(): boolean {
  if (dpkgInstalled('fonts-wqy-microhei')) return true;
  const r = spawnSync('fc-list', [], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 && /wqy/i.test(r.stdout);
}

function tail(text: string, lines = 30): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Runs apt-get (update, then install) for the given packages; returns seconds taken or throws. */
function aptInstall(packages: readonly string[]): number {
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for the dpkg lock instead of failing when someone else is installing at the same time.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  const steps: string[][] = [
    ['update', ...lockWait],
    ['install', '-y', '--no-install-recommends', ...lockWait, ...packages],
  ];
  for (const args of steps) {
    log(`apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, {
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 15 * 60 * 1000,
    });
    if (r.error || r.status !== 0) {
      const output = tail(`${r.stdout ?? ''}\n${r.stderr ?? ''}`);
      throw new Error(
        `apt-get ${args[0]} failed (${r.error ? r.error.message : `exit ${r.status}`}).\n${output}\n` +
          `Install the browser by hand: ${INSTALL_HINT}`,
      );
    }
  }
  return (Date.now() - started) / 1000;
}

/**
 * Returns the path of Debian's Chromium (/usr/bin/chromium). When it is missing and we are root
 * (as in CI), installs `chromium` and `fonts-wqy-microhei` with apt-get; otherwise throws saying
 * what to install. When Chromium is there but the CJK font is not, installs the font (or warns when
 * not root: tests still run, only Chinese in screenshots shows as boxes).
 */
export function ensureChromium(): string {
  if (resolved) return resolved;
  const started = Date.now();

  if (!existsSync(CHROMIUM_PATH)) {
    if (!isRoot()) {
      throw new Error(
        `Chromium is not installed (${CHROMIUM_PATH} missing) and this process is not root, so it cannot ` +
          `install it. Run as root: ${INSTALL_HINT}`,
      );
    }
    log(`${CHROMIUM_PATH} missing: installing ${PACKAGES.join(' ')} from Debian's packages`);
    const seconds = aptInstall(PACKAGES);
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`apt-get reported success but ${CHROMIUM_PATH} is still missing. Try: ${INSTALL_HINT}`);
    }
    log(`installed chromium + fonts-wqy-microhei in ${seconds.toFixed(1)} s`);
  } else if (!cjkFontPresent()) {
    if (isRoot()) {
      log('CJK font missing: installing fonts-wqy-microhei');
      try {
        const seconds = aptInstall(['fonts-wqy-microhei']);
        log(`installed fonts-wqy-microhei in ${seconds.toFixed(1)} s`);
      } catch (e) {
        log(`WARNING: could not install fonts-wqy-microhei; Chinese will render as boxes in screenshots.\n${String(e)}`);
      }
    } else {
      log(
        'WARNING: fonts-wqy-microhei is not installed (not root, cannot install it); Chinese will render as ' +
          'boxes in screenshots. Install with: apt-get install -y fonts-wqy-microhei',
      );
    }
  }

  const ms = Date.now() - started;
  if (ms > 1000) log(`chromium ready at ${CHROMIUM_PATH} (${(ms / 1000).toFixed(1)} s)`);
  resolved = CHROMIUM_PATH;
  return resolved;
}
