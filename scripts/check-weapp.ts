/**
 * `npm run check:weapp [-- --no-build]`: builds the production weapp bundle, compiles it with WeChat's own
 * compiler (miniprogram-ci, offline) and checks what a release reviewer would: every code-quality item,
 * the package budgets (main ≤ 400 KiB, each subpackage ≤ 1 MiB) and that the H5-only dev panel did not ship.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as TCi from 'miniprogram-ci';
import { runTaroBuild } from './lib/taro-build';

export const ROOT = path.resolve(__dirname, '..');
export const WEAPP_DIR = path.join(ROOT, 'dist', 'weapp');

export const MAIN_BUDGET = 400 * 1024;
export const SUBPACKAGE_BUDGET = 1024 * 1024;
/** Text that only the H5 dev panel contains; minified JS may carry it as \u escapes. */
const FORBIDDEN_TEXT = '开发者面板';
/** IDE settings, not shipped code: they never count toward a package. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

export interface TCheckItem {
  name: string;
  pass: boolean;
  detail: string;
}

export interface TCheckWeappResult {
  ok: boolean;
  items: TCheckItem[];
  /** Bytes per package as found in dist/weapp: `main` and each subpackage root. */
  sizes: { main: number; subpackages: Record<string, number> };
}

export interface TCheckWeappOptions {
  /** Run the production build first (default true). */
  build?: boolean;
  log?: (line: string) => void;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/**
 * A production weapp build refuses to run without TCB_ENV (config/build-env.ts). The check compiles offline and
 * never calls the cloud, so without a real id it builds with this one, which no environment can have.
 */
export const CHECK_ENV_ID = 'check-weapp-offline';

const buildEnvId = () => process.env.TCB_ENV?.trim() || CHECK_ENV_ID;

/**
 * app.js must still initialise CloudBase with the environment it was built for. A stale webpack cache once emitted
 * an empty App module (no init, no component) that compiled and passed every other check (config/index.ts).
 */
export function checkCloudInit(expectedEnv: string | undefined, appJs = path.join(WEAPP_DIR, 'app.js')): TCheckItem {
  const name = 'app.js initialises CloudBase';
  if (!existsSync(appJs)) return { name, pass: false, detail: 'dist/weapp/app.js is missing' };
  const found = /\.cloud\.init\(\{env:"([^"]*)"/.exec(readFileSync(appJs, 'utf8'))?.[1];
  if (found === undefined) return { name, pass: false, detail: 'no cloud.init({ env }) in app.js: the App module is empty or changed shape' };
  if (expectedEnv !== undefined && found !== expectedEnv) return { name, pass: false, detail: `env "${found}", built for "${expectedEnv}"` };
  return { name, pass: true, detail: `env "${found}"` };
}

async function buildWeapp(log: (line: string) => void): Promise<TCheckItem> {
  const tcbEnv = buildEnvId();
  log(`building weapp (production, TCB_ENV=${tcbEnv}), log: test-results/weapp-build.log`);
  const build = await runTaroBuild('weapp', { TCB_ENV: tcbEnv });
  return {
    name: 'taro build --type weapp',
    pass: build.ok,
    detail: build.ok ? `${build.seconds.toFixed(1)} s` : `failed (exit ${build.code}), see ${path.relative(ROOT, build.logFile)}\n${build.excerpt}`,
  };
}

function measure(files: string[], subRoots: string[]) {
  const subpackages: Record<string, number> = Object.fromEntries(subRoots.map((r) => [r, 0]));
  let main = 0;
  for (const file of files) {
    if (NOT_SHIPPED.has(file)) continue;
    const size = statSync(path.join(WEAPP_DIR, file)).size;
    const root = subRoots.find((r) => file.startsWith(`${r}/`));
    if (root) subpackages[root] = (subpackages[root] ?? 0) + size;
    else main += size;
  }
  return { main, subpackages };
}

function escapedForms(text: string): string[] {
  const escape = (upper: boolean) =>
    [...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`).join('');
  return [text, escape(false), escape(true)];
}

function findForbidden(files: string[]): string[] {
  const needles = escapedForms(FORBIDDEN_TEXT);
  return files.filter((file) => {
    const content = readFileSync(path.join(WEAPP_DIR, file), 'utf8');
    return needles.some((n) => content.includes(n));
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** WeChat's compiler and quality checks, offline: the project at the repo root points miniprogramRoot at dist/weapp. */
async function runMiniprogramCiHere(log: (line: string) => void): Promise<TCheckItem[]> {
  // Loaded here only: importing miniprogram-ci already starts services and logs.
  const ci = createRequire(__filename)('miniprogram-ci') as typeof TCi;
  const config = JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { appid?: string };
  // `attr` replaces the account look-up (it needs a real appid and key); the defaults are WeChat's own.
  const options = {
    appid: config.appid || 'touristappid',
    type: 'miniProgram' as const,
    projectPath: ROOT,
    privateKey: 'offline',
    ignores: ['node_modules/**/*'],
    attr: async () => ({ ...ci.DefaultProjectAttr }),
  };
  const project = new ci.Project(options);
  const items: TCheckItem[] = [];
  log('compiling with miniprogram-ci (es6, minify)');
  try {
    const compiled = await ci.getCompiledResult({ project, setting: { es6: true, minify: true } } as unknown as Parameters<typeof ci.getCompiledResult>[0]);
    items.push({ name: 'miniprogram-ci getCompiledResult', pass: true, detail: `${Object.keys(compiled).length} files` });
  } catch (err) {
    items.push({ name: 'miniprogram-ci getCompiledResult', pass: false, detail: String(err instanceof Error ? err.message : err).slice(0, 300) });
  }
  log('checking code quality with miniprogram-ci');
  try {
    const quality = await ci.checkCodeQuality(project);
    for (const q of quality) {
      const detail = q.name === 'PACKAGE_SIZE_LIMIT' && q.detail && typeof q.detail === 'object'
        ? Object.entries(q.detail as Record<string, number>).map(([k, v]) => `${k} ${kib(v)}`).join(', ')
        : q.success ? 'ok' : `${q.text ?? ''} ${q.detail ? JSON.stringify(q.detail).slice(0, 200) : ''}`.trim();
      items.push({ name: `quality: ${q.name ?? 'unnamed'}`, pass: !!q.success, detail });
    }
    if (quality.length === 0) items.push({ name: 'quality: items', pass: false, detail: 'checkCodeQuality returned no items' });
  } catch (err) {
    items.push({ name: 'quality: checkCodeQuality', pass: false, detail: String(err instanceof Error ? err.message : err).slice(0, 300) });
  }
  return items;
}

const CI_FLAG = '--ci-items-json';
const CI_MARK = '@@check-weapp-items@@';

/**
 * miniprogram-ci leaves a file watcher (its code analyser) and a global proxy agent behind, which would keep a
 * jest worker alive forever; so its part runs in a child process that prints the items and exits.
 */
async function runMiniprogramCi(log: (line: string) => void): Promise<TCheckItem[]> {
  const tsxCli = createRequire(__filename).resolve('tsx/cli');
  const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, __filename, CI_FLAG], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const line of d.toString().split('\n')) if (line.startsWith('[check:weapp]')) log(line.replace('[check:weapp] ', ''));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const line = output.stdout.split('\n').find((l) => l.startsWith(CI_MARK));
  if (!line) {
    const tail = (output.stderr || output.stdout).trim().split('\n').slice(-5).join(' | ');
    return [{ name: 'miniprogram-ci', pass: false, detail: `no result (exit ${output.code}): ${tail}`.slice(0, 400) }];
  }
  return JSON.parse(line.slice(CI_MARK.length)) as TCheckItem[];
}

export async function checkWeapp(options: TCheckWeappOptions = {}): Promise<TCheckWeappResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[check:weapp] ${line}\n`));
  const items: TCheckItem[] = [];
  const empty = { ok: false, items, sizes: { main: 0, subpackages: {} } };

  if (options.build !== false) {
    const built = await buildWeapp(log);
    items.push(built);
    if (!built.pass) return empty;
  }
  const appJsonPath = path.join(WEAPP_DIR, 'app.json');
  if (!existsSync(appJsonPath)) {
    items.push({ name: 'dist/weapp/app.json', pass: false, detail: 'missing: build the weapp first (drop --no-build)' });
    return empty;
  }

  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const files = listFiles(WEAPP_DIR);
  const sizes = measure(files, subRoots);

  items.push({ name: 'main package ≤ 400 KiB', pass: sizes.main <= MAIN_BUDGET, detail: kib(sizes.main) });
  for (const root of subRoots) {
    const size = sizes.subpackages[root] ?? 0;
    items.push({ name: `subpackage ${root} ≤ 1024 KiB`, pass: size <= SUBPACKAGE_BUDGET, detail: kib(size) });
  }
  items.push(checkCloudInit(options.build !== false ? buildEnvId() : undefined));
  const leaks = findForbidden(files);
  items.push({
    name: `no 「${FORBIDDEN_TEXT}」 in dist/weapp`,
    pass: leaks.length === 0,
    detail: leaks.length ? `found in ${leaks.join(', ')}` : `${files.length} files clean`,
  });

  items.push(...(await runMiniprogramCi(log)));
  return { ok: items.every((i) => i.pass), items, sizes };
}

export function formatTable(result: TCheckWeappResult): string {
  const width = Math.max(...result.items.map((i) => i.name.length), 4);
  const lines = result.items.map((i) => `${i.pass ? 'PASS' : 'FAIL'}  ${i.name.padEnd(width)}  ${i.detail}`);
  return [...lines, '', result.ok ? 'check:weapp passed' : 'check:weapp FAILED'].join('\n');
}

/** Run as a script (tsx scripts/check-weapp.ts), not when a test imports checkWeapp. */
const isCli = !!process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === __filename.replace(/\.ts$/, '');
if (isCli && process.argv.includes(CI_FLAG)) {
  const log = (line: string) => process.stderr.write(`[check:weapp] ${line}\n`);
  runMiniprogramCiHere(log)
    .then((items) => {
      process.stdout.write(`\n${CI_MARK}${JSON.stringify(items)}\n`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
} else if (isCli) {
  checkWeapp({ build: !process.argv.includes('--no-build') })
    .then((result) => {
      console.log(formatTable(result));
      // miniprogram-ci leaves watchers open; the verdict is in, so leave explicitly.
      process.exit(result.ok ? 0 : 1);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
