import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface TTaroBuildResult {
  ok: boolean;
  code: number | null;
  seconds: number;
  logFile: string;
  /** The compiler's error section (or the log's tail) when the build failed. */
  excerpt: string;
}

function readLog(file: string): string[] {
  // eslint-disable-next-line no-control-regex
  const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n');
  return text.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(l));
}

/**
 * A production `taro build --type <type>`, its output in test-results/<type>-build.log. Taro exits 0 even when
 * webpack reports errors, so the verdict reads the log as well as the exit code.
 */
export async function runTaroBuild(type: 'h5' | 'weapp', extraEnv: Record<string, string> = {}): Promise<TTaroBuildResult> {
  const logFile = path.join(ROOT, 'test-results', `${type}-build.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const started = Date.now();
  const out = createWriteStream(logFile);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], {
      cwd: ROOT,
      env: { ...process.env, ...extraEnv, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const lines = readLog(logFile);
  const ok = code === 0 && !lines.some((l) => /Compiled with some errors|✖ Errors|ERROR in /.test(l));
  const errorsAt = lines.findIndex((l) => /Errors:|ERROR in|Error:/.test(l));
  const excerpt = ok ? '' : (errorsAt >= 0 ? lines.slice(errorsAt, errorsAt + 40) : lines.slice(-40)).join('\n');
  return { ok, code, seconds: (Date.now() - started) / 1000, logFile, excerpt };
}
