import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './lib/h5-build';

/**
 * `npm run build:functions`: bundles each folder of cloudfunctions/ that has an index.ts (all but core/) into
 * dist/cloudfunctions/<name>/index.js — one self-contained CommonJS file with the SDKs inside, so CloudBase
 * installs nothing (`installDependency: false`) and no native module (better-sqlite3) can sneak in.
 */
const SOURCE = path.join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = path.join(ROOT, 'dist/cloudfunctions');

/** Open APIs each function may call (DevTools applies this on upload; the CloudBase CLI does not read it). */
const OPENAPI_PERMISSIONS = { permissions: { openapi: ['security.msgSecCheck', 'security.imgSecCheck', 'subscribeMessage.send', 'phonenumber.getPhoneNumber'] } };

/**
 * Functions only the platform's timer runs: deployed, but outside the client contract (types/ FUNCTIONS) and the
 * gateway's `/fn`. Their trigger is declared in cloudbaserc.json for the CLI and in the folder's config.json for
 * DevTools (the same seven-field cron: second minute hour day month weekday year).
 */
export const TIMER_FUNCTIONS: Record<string, { name: string; type: 'timer'; config: string }> = {
  jobs: { name: 'reminders', type: 'timer', config: '0 */10 * * * * *' },
};

/**
 * The distinct @cloudbase/node-sdk folders a bundle took files from. wx-server-sdk 4.0.2 pins node-sdk 3.17.2
 * while we use 3.18.3; package.json `overrides` points wx-server-sdk at ours (same dependencies, and 3.18.3
 * refreshes SCF temporary keys), which saves ~70 KiB a bundle. If a reinstall ever brings the nested copy back,
 * the build says so instead of quietly shipping both.
 */
export function nodeSdkCopies(inputs: string[]): string[] {
  const roots = inputs
    .map((file) => /^(.*node_modules\/@cloudbase\/node-sdk)\//.exec(file)?.[1])
    .filter((root): root is string => root !== undefined);
  return [...new Set(roots)].sort();
}

export function listFunctionNames(): string[] {
  return readdirSync(SOURCE).filter(
    (name) => statSync(path.join(SOURCE, name)).isDirectory() && existsSync(path.join(SOURCE, name, 'index.ts')),
  );
}

export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  const built = [];
  for (const name of listFunctionNames()) {
    const outDir = path.join(FUNCTIONS_OUT, name);
    mkdirSync(outDir, { recursive: true });
    const result = await build({
      entryPoints: [path.join(SOURCE, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      // The SQLite adapter is local-only; the cloud entry never imports it. Fail loudly if that ever changes.
      external: [],
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const native = inputs.filter((file) => file.includes('better-sqlite3') || file.endsWith('.node'));
    if (native.length > 0) throw new Error(`${name} would ship a native module: ${native.join(', ')}`);
    const sdkCopies = nodeSdkCopies(inputs);
    if (sdkCopies.length > 1) {
      throw new Error(`${name} would ship ${sdkCopies.length} copies of @cloudbase/node-sdk (${sdkCopies.join(', ')}): check package.json overrides`);
    }
    writeFileSync(
      path.join(outDir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    const trigger = TIMER_FUNCTIONS[name];
    const config = trigger ? { ...OPENAPI_PERMISSIONS, triggers: [trigger] } : OPENAPI_PERMISSIONS;
    writeFileSync(path.join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    built.push({ name, bytes: statSync(path.join(outDir, 'index.js')).size });
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions()
    .then((built) => {
      for (const { name, bytes } of built) console.log(`  ${name.padEnd(10)} ${(bytes / 1024).toFixed(0)} KiB`);
      console.log(`云函数已打包到 ${path.relative(ROOT, FUNCTIONS_OUT)}/`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
