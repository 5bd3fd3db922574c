import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../../types';
import { buildFunctions, FUNCTIONS_OUT } from '../../scripts/build-functions';

/** The deployable bundles: what `tcb fn deploy` uploads, built and loaded as CloudBase would load them. */
let built: Array<{ name: string; bytes: number }>;
beforeAll(async () => {
  built = await buildFunctions();
}, 120_000);

test('every function in the contract has a bundle, and cloudbaserc.json deploys exactly those', () => {
  const names = Object.keys(FUNCTIONS).sort();
  expect(built.map((b) => b.name).sort()).toEqual(names);
  const rc = JSON.parse(readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8'));
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual(names);
  for (const fn of rc.functions) {
    expect(fn).toMatchObject({ runtime: 'Nodejs20.19', handler: 'index.main', installDependency: false });
    expect(fn.timeout).toBeGreaterThan(3);
    expect(fn.memorySize).toBeGreaterThanOrEqual(128);
  }
});

describe.each(Object.keys(FUNCTIONS))('%s bundle', (name) => {
  const load = () => require(path.join(FUNCTIONS_OUT, name, 'index.js')) as { main: (e: unknown, c: unknown) => Promise<any> };

  test('needs no node_modules and no native module', () => {
    const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS_OUT, name, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({});
    const code = readFileSync(path.join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
    expect(code).not.toMatch(/better[-_]sqlite3|\.node["']\)/);
  });

  test('answers UNAUTHENTICATED without a platform identity, whatever the event claims', async () => {
    delete process.env.WX_OPENID;
    const { main } = load();
    for (const action of Object.keys(FUNCTIONS[name as keyof typeof FUNCTIONS].actions)) {
      const forged = { action, userInfo: { openId: 'demo-admin', appId: 'wx' }, openid: 'demo-admin' };
      expect(await main(forged, {})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    }
  });
});
