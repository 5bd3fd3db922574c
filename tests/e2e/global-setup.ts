// Jest globalSetup for the e2e project: make sure Chromium is there, and that dist/h5 is a
// build of the current sources (rebuilt once when missing or older than src/, config/, types/).
// E2E_SKIP_BUILD=1 skips the build check.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './chromium';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const INDEX_HTML = path.join(REPO_ROOT, 'dist', 'h5', 'index.html');
const SOURCE_DIRS = ['src', 'config', 'types'];
const BUILD_LOG = path.join(REPO_ROOT, 'test-results', 'h5-build.log');

function log(message: string): void {
  process.stderr.write(`[e2e:setup] ${message}\n`);
}

/** Newest mtime (ms) of any file under dir, with the file; skips node_modules and dot-dirs. */
function newestFile(dir: string): { mtimeMs: number; file: string } | undefined {
  let newest: { mtimeMs: number; file: string } | undefined;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const inner = newestFile(full);
      if (inner && (!newest || inner.mtimeMs > newest.mtimeMs)) newest = inner;
    } else if (entry.isFile()) {
      const { mtimeMs } = statSync(full);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { mtimeMs, file: full };
    }
  }
  return newest;
}

/** Why the H5 build must be (re)made, or undefined when dist/h5 is current. */
function staleReason(): string | undefined {
  if (!existsSync(INDEX_HTML)) return 'dist/h5/index.html is missing';
  const built = statSync(INDEX_HTML).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    const newest = newestFile(path.join(REPO_ROOT, dir));
    if (newest && newest.mtimeMs > built) {
      return `${path.relative(REPO_ROOT, newest.file)} is newer than dist/h5/index.html`;
    }
  }
  return undefined;
}

/** The part of the build log worth showing: from the compiler's error section when there is one. */
function excerptOf(file: string, lines = 40): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '(no build output)';
  }
  // Drop colours and progress-bar redraws.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n');
  const all = text.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(l));
  const errorsAt = all.findIndex((l) => /Errors:|ERROR in|Error:/.test(l));
  return (errorsAt >= 0 ? all.slice(errorsAt, errorsAt + lines) : all.slice(-lines)).join('\n');
}

function hasH5Config(): boolean {
  return ['index.ts', 'index.js'].some((f) => existsSync(path.join(REPO_ROOT, 'config', f)));
}

function hasAppEntry(): boolean {
  return ['app.ts', 'app.tsx', 'app.js', 'app.jsx'].some((f) => existsSync(path.join(REPO_ROOT, 'src', f)));
}

async function buildH5(reason: string): Promise<void> {
  if (!hasH5Config() || !hasAppEntry()) {
    throw new Error(
      `e2e: the H5 app must be built (${reason}), but the Taro project is not set up yet: ` +
        `${hasH5Config() ? '' : 'config/index.ts is missing; '}${hasAppEntry() ? '' : 'src/app.tsx is missing; '}` +
        'browser tests need `npx taro build --type h5` to produce dist/h5/index.html.',
    );
  }
  mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  log(`building H5 (${reason}): npx taro build --type h5 (NODE_ENV=production), output in ${path.relative(REPO_ROOT, BUILD_LOG)}`);
  const started = Date.now();
  const out = createWriteStream(BUILD_LOG);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    // Taro may still write index.html when webpack reports errors; remove it so the next run
    // rebuilds instead of serving a broken bundle as if it were current.
    rmSync(INDEX_HTML, { force: true });
    throw new Error(
      `e2e: \`npx taro build --type h5\` failed (exit ${code}) after ${seconds} s. ` +
        `From ${path.relative(REPO_ROOT, BUILD_LOG)}:\n${excerptOf(BUILD_LOG)}`,
    );
  }
  if (!existsSync(INDEX_HTML)) {
    throw new Error(
      `e2e: \`npx taro build --type h5\` exited 0 after ${seconds} s but dist/h5/index.html is missing ` +
        '(check h5 outputRoot in config/index.ts).',
    );
  }
  // webpack skips writing an unchanged index.html, so stamp it with the build's start time: the
  // next run then sees "built from sources as of then" (and rebuilds after edits made during it).
  const startedAt = new Date(started);
  utimesSync(INDEX_HTML, startedAt, startedAt);
  log(`H5 build done in ${seconds} s`);
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const chromiumPath = ensureChromium();
  log(`chromium: ${chromiumPath} (${Date.now() - started} ms)`);

  if (process.env.E2E_SKIP_BUILD === '1') {
    log(`E2E_SKIP_BUILD=1: using dist/h5 as it is${existsSync(INDEX_HTML) ? '' : ' (WARNING: dist/h5/index.html is missing)'}`);
    return;
  }
  const reason = staleReason();
  if (reason) {
    await buildH5(reason);
  } else {
    log('dist/h5 is up to date with src/, config/, types/: not rebuilding');
  }
}
