import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../../types';
import { buildFunctions, FUNCTIONS_OUT, TIMER_FUNCTIONS } from '../../scripts/build-functions';

/** The deployable bundles: what `tcb fn deploy` uploads, built and loaded as CloudBase would load them. */
let built: Array<{ name: string; bytes: number }>;
beforeAll(async () => {
  built = await buildFunctions();
}, 120_000);

test('every function in the contract and every timer-only function has a bundle, and cloudbaserc.json deploys exactly those', () => {
  const names = [...Object.keys(FUNCTIONS), ...Object.keys(TIMER_FUNCTIONS)].sort();
  expect(Object.keys(FUNCTIONS).filter((name) => name in TIMER_FUNCTIONS)).toEqual([]); // no client can call a timer function
  expect(built.map((b) => b.name).sort()).toEqual(names);
  const rc = JSON.parse(readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8'));
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual(names);
  for (const fn of rc.functions) {
    expect(fn).toMatchObject({ runtime: 'Nodejs20.19', handler: 'index.main', installDependency: false });
    expect(fn.timeout).toBeGreaterThan(3);
    expect(fn.memorySize).toBeGreaterThanOrEqual(128);
  }
});

/** What SCF passes for a timer or HTTP trigger: a well-formed context with no WeChat user in it. */
const SCF_CONTEXT_WITHOUT_USER = {
  request_id: 'test',
  function_name: 'test',
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', SCF_NAMESPACE: 'test' }),
};

/** A mini program user's call: the platform put their OPENID in the invocation context. */
const SCF_CONTEXT_WITH_USER = {
  ...SCF_CONTEXT_WITHOUT_USER,
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'oRealUser', WX_APPID: 'wx1', SCF_NAMESPACE: 'test' }),
};

/**
 * Invokes a bundle's `main` in a plain Node process, as CloudBase does: no jest module system, no transforms,
 * only what the folder ships. Returns what main answered for each event.
 */
function invokeBundle(name: string, events: unknown[], context: object = SCF_CONTEXT_WITHOUT_USER, prelude = ''): unknown[] {
  const script = `${prelude}
    const { main } = require(${JSON.stringify(path.join(FUNCTIONS_OUT, name, 'index.js'))});
    Promise.all(${JSON.stringify(events)}.map((e) => main(e, ${JSON.stringify(context)})))
      .then((r) => process.stdout.write(JSON.stringify(r)))
      .catch((e) => { console.error(e); process.exit(1); });`;
  const env = { ...process.env };
  delete env.WX_OPENID;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, cwd: '/', encoding: 'utf8' }));
}

describe.each(Object.keys(FUNCTIONS))('%s bundle', (name) => {
  test('needs no node_modules and no native module', () => {
    const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS_OUT, name, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({});
    const code = readFileSync(path.join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
    expect(code).not.toMatch(/better[-_]sqlite3|\.node["']\)/);
  });

  test('loads outside the repo and answers UNAUTHENTICATED without a platform identity, whatever the event claims', () => {
    const actions = Object.keys(FUNCTIONS[name as keyof typeof FUNCTIONS].actions);
    const forged = actions.map((action) => ({ action, userInfo: { openId: 'demo-admin', appId: 'wx' }, openid: 'demo-admin' }));
    const answers = invokeBundle(name, forged);
    expect(answers).toHaveLength(actions.length);
    for (const answer of answers) {
      expect(answer).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    }
  });

  test('a real-shaped event (the platform adds userInfo and tcbContext) reaches the schema without the platform keys', () => {
    // Validation stops before any database call, so this needs no network: the answer names only what the
    // client really sent. Unstripped platform keys would make every production call answer VALIDATION_FAILED.
    const actions = Object.keys(FUNCTIONS[name as keyof typeof FUNCTIONS].actions);
    const events = actions.map((action) => ({ action, userInfo: { appId: 'wx1', openId: 'oRealUser' }, tcbContext: {}, zzClientTypo: 1 }));
    const answers = invokeBundle(name, events, SCF_CONTEXT_WITH_USER) as Array<{ ok: boolean; error?: { code: string; fields?: object } }>;
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: expect.objectContaining({ zzClientTypo: expect.any(String) }) } });
      expect(Object.keys(answer.error!.fields!)).not.toEqual(expect.arrayContaining(['tcbContext']));
      expect(Object.keys(answer.error!.fields!)).not.toEqual(expect.arrayContaining(['userInfo']));
    }
  });
});

/** What SCF passes a function for its timer trigger (no WeChat user; see ../shared/cloudbase-facts.md). */
const TIMER_EVENT = { Type: 'Timer', TriggerName: 'reminders', Time: '2026-11-29T12:00:00Z', Message: '' };

describe.each(Object.keys(TIMER_FUNCTIONS))('%s bundle (timer only)', (name) => {
  test('cloudbaserc.json and the folder\'s config.json declare its timer trigger, a seven-field cron', () => {
    const rc = JSON.parse(readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8'));
    const fn = rc.functions.find((f: { name: string }) => f.name === name);
    expect(fn.triggers).toEqual([TIMER_FUNCTIONS[name]]);
    expect(TIMER_FUNCTIONS[name]!.config.split(' ')).toHaveLength(7);
    const config = JSON.parse(readFileSync(path.join(FUNCTIONS_OUT, name, 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([TIMER_FUNCTIONS[name]]);
  });

  test('refuses a mini program user, a forged user in the event and a client-shaped event, before any database call', () => {
    const forged = [
      { ...TIMER_EVENT, userInfo: { openId: 'demo-admin', appId: 'wx' } },
      { action: 'run', userInfo: { openId: 'demo-admin', appId: 'wx' }, openid: 'demo-admin' },
      { action: 'list', communityId: 'c-tatan' },
      { Type: 'Timer' },
      null,
    ];
    const withUser = invokeBundle(name, [TIMER_EVENT, ...forged], SCF_CONTEXT_WITH_USER);
    const withoutUser = invokeBundle(name, forged.slice(1));
    for (const answer of [...withUser, ...withoutUser]) {
      expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('定时触发器') } });
    }
  });

  test('a timer event passes the gate and reaches the database (here without credentials: INTERNAL, in the envelope)', () => {
    // Without cloud credentials the node-sdk also leaves one rejection of its own unhandled; the platform has them.
    const [answer] = invokeBundle(name, [TIMER_EVENT], SCF_CONTEXT_WITHOUT_USER, "process.on('unhandledRejection', () => {});");
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
  });
});
