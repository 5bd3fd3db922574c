import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runTaroBuild } from './taro-build';

export { ROOT };

/**
 * The H5 build of the mini program, made once and reused while it is current: `npm start` and the browser
 * tests both call ensureH5Build().
 */
export const H5_DIR = path.join(ROOT, 'dist/h5');
const INDEX_HTML = path.join(H5_DIR, 'index.html');
/** What the bundle is built from: a newer file in any of these means dist/h5 is stale. */
const SOURCES = ['src', 'config', 'types', 'babel.config.js'];

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

/**
 * Builds the H5 app (production) unless dist/h5 is newer than its sources; a failure throws with the
 * compiler's error section. Returns seconds spent (0 if current).
 */
export async function ensureH5Build(log: (line: string) => void = console.log): Promise<number> {
  const reason = h5StaleReason();
  if (!reason) return 0;
  log(`正在构建 H5 应用（${reason}），约需 15–60 秒，日志：test-results/h5-build.log`);
  const started = Date.now();
  const build = await runTaroBuild('h5');
  if (!build.ok || !existsSync(INDEX_HTML)) {
    // Taro may write index.html even when webpack reports errors: remove it so a broken bundle never looks current.
    rmSync(INDEX_HTML, { force: true });
    throw new Error(`H5 构建失败（exit ${build.code}，${build.seconds.toFixed(1)} s）：\n${build.excerpt}`);
  }
  // webpack skips rewriting an unchanged index.html: stamp it with the build's start so the next check is exact.
  utimesSync(INDEX_HTML, new Date(started), new Date(started));
  log(`H5 构建完成，用时 ${build.seconds.toFixed(1)} s`);
  return build.seconds;
}
