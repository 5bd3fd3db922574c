import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/**
 * The H5 build of the mini program, made once and reused while it is current: `npm start` and the browser
 * tests both call ensureH5Build().
 */
export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
const INDEX_HTML = path.join(H5_DIR, 'index.html');
/** What the bundle is built from: a newer file in any of these means dist/h5 is stale. */
const SOURCES = ['src', 'config', 'types', 'babel.config.js'];
const BUILD_LOG = path.join(ROOT, 'test-results/h5-build.log');

/** Newest file under a path (skips node_modules and dot-folders). */
function newestFile(target: string): { mtimeMs: number; file: string } | undefined {
  if (!existsSync(target)) return undefined;
  const stat = statSync(target);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, file: target };
  let newest: { mtimeMs: number; file: string } | undefined;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const inner = newestFile(path.join(target, entry));
    if (inner && (!newest || inner.mtimeMs > newest.mtimeMs)) newest = inner;
  }
  return newest;
}

/** Why dist/h5 must be (re)built, or undefined when it is current. */
export function h5StaleReason(): string | undefined {
  if (!existsSync(INDEX_HTML)) return 'dist/h5/index.html 不存在';
  const builtAt = statSync(INDEX_HTML).mtimeMs;
  for (const source of SOURCES) {
    const newest = newestFile(path.join(ROOT, source));
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(ROOT, newest.file)} 比构建产物新`;
  }
  return undefined;
}

/** The part of the build log worth showing: from the compiler's error section when there is one. */
function excerptOf(file: string, lines = 40): string {
  // eslint-disable-next-line no-control-regex
  const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n');
  const all = text.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(l));
  const errorsAt = all.findIndex((l) => /Errors:|ERROR in|Error:/.test(l));
  return (errorsAt >= 0 ? all.slice(errorsAt, errorsAt + lines) : all.slice(-lines)).join('\n');
}

/**
 * Builds the H5 app (production) unless dist/h5 is newer than its sources. Output goes to
 * test-results/h5-build.log; a failure throws with the compiler's error section. Returns seconds spent (0 if current).
 */
export async function ensureH5Build(log: (line: string) => void = console.log): Promise<number> {
  const reason = h5StaleReason();
  if (!reason) return 0;
  mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  log(`正在构建 H5 应用（${reason}），约需 15–60 秒，日志：${path.relative(ROOT, BUILD_LOG)}`);
  const started = Date.now();
  const out = createWriteStream(BUILD_LOG);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0 || !existsSync(INDEX_HTML)) {
    // Taro may write index.html even when webpack reports errors: remove it so a broken bundle never looks current.
    rmSync(INDEX_HTML, { force: true });
    throw new Error(`H5 构建失败（exit ${code}，${seconds.toFixed(1)} s）：\n${excerptOf(BUILD_LOG)}`);
  }
  // webpack skips rewriting an unchanged index.html: stamp it with the build's start so the next check is exact.
  utimesSync(INDEX_HTML, new Date(started), new Date(started));
  log(`H5 构建完成，用时 ${seconds.toFixed(1)} s`);
  return seconds;
}
