import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
/** What the H5 bundle is built from: a newer file in any of these means the build is stale. */
const SOURCES = ['src', 'config', 'types', 'babel.config.js', 'package.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function isH5BuildFresh(): boolean {
  const index = path.join(H5_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= builtAt);
}

/** Builds the H5 app (production) unless dist/h5 is newer than its sources. Returns the seconds it took. */
export function ensureH5Build(log: (line: string) => void = console.log): number {
  if (isH5BuildFresh()) return 0;
  log('正在构建 H5 应用（约 15–30 秒）…');
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return (Date.now() - started) / 1000;
}
