// The build-time constants: a production weapp build without a CloudBase environment id must stop, not ship an
// app whose every call fails; everything else may build with a clearly marked placeholder.
import { BuildEnvError, buildConstants, DEV_PLACEHOLDER_ENV, MISSING_ENV_MESSAGE } from '../../config/build-env';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECK_ENV_ID, checkCloudInit } from '../../scripts/check-weapp';
import { NOTICE_KIND_LIST, NOTICE_KINDS } from '../../types/notices';

const prodWeapp = (env: Record<string, string | undefined>) => buildConstants({ taroEnv: 'weapp', nodeEnv: 'production', env });

test('a production weapp build refuses to run without TCB_ENV, saying what to set', () => {
  for (const TCB_ENV of [undefined, '', '   ', 'your-cloudbase-env-id', DEV_PLACEHOLDER_ENV]) {
    expect(() => prodWeapp({ TCB_ENV })).toThrow(BuildEnvError);
  }
  expect(() => prodWeapp({})).toThrow(MISSING_ENV_MESSAGE);
  expect(MISSING_ENV_MESSAGE).toContain('TCB_ENV');
});

test('a production weapp build takes the id it is given', () => {
  expect(prodWeapp({ TCB_ENV: ' cloud1-8guz7s6h4d657bbb ' }).CLOUD_ENV).toBe(JSON.stringify('cloud1-8guz7s6h4d657bbb'));
  expect(prodWeapp({ TCB_ENV: CHECK_ENV_ID }).CLOUD_ENV).toBe(JSON.stringify('check-weapp-offline'));
});

test('development builds and H5 keep a placeholder that says it is one', () => {
  expect(buildConstants({ taroEnv: 'weapp', nodeEnv: 'development', env: {} }).CLOUD_ENV).toBe(JSON.stringify(DEV_PLACEHOLDER_ENV));
  expect(buildConstants({ taroEnv: 'h5', nodeEnv: 'production', env: {} }).CLOUD_ENV).toBe(JSON.stringify(DEV_PLACEHOLDER_ENV));
  expect(DEV_PLACEHOLDER_ENV).toMatch(/placeholder/);
});

test('template ids for consent come from NOTICE_TMPL_<KIND>, one per notice kind, blanks left out', () => {
  const env: Record<string, string> = { TCB_ENV: 'cloud1-x', NOTICE_TMPL_UNRELATED_BLANK: ' ', PATH: '/bin' };
  NOTICE_KIND_LIST.forEach((kind, i) => (env[NOTICE_KINDS[kind].clientEnv] = `tmpl-${i}`));
  const ids = JSON.parse(prodWeapp(env).NOTICE_TEMPLATE_IDS!) as Record<string, string>;
  expect(Object.keys(ids).sort()).toEqual([...NOTICE_KIND_LIST].sort());
  expect(ids.filing_decided).toBe(`tmpl-${NOTICE_KIND_LIST.indexOf('filing_decided')}`);
  expect(JSON.parse(prodWeapp({ TCB_ENV: 'cloud1-x' }).NOTICE_TEMPLATE_IDS!)).toEqual({});
});

test('check:weapp verifies app.js still initialises CloudBase with the id it was built for', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'appjs-'));
  const appJs = path.join(dir, 'app.js');
  try {
    writeFileSync(appJs, 'var u=t.n(a);function i(e){return e.children}u().cloud.init({env:"check-weapp-offline",traceUser:!0});');
    expect(checkCloudInit(CHECK_ENV_ID, appJs)).toMatchObject({ pass: true });
    expect(checkCloudInit(undefined, appJs)).toMatchObject({ pass: true });
    expect(checkCloudInit('cloud1-real', appJs)).toMatchObject({ pass: false, detail: expect.stringContaining('cloud1-real') });
    // What the stale cache produced: the App module emptied out.
    writeFileSync(appJs, 'push([[3524],{2721:function(){},9762:function(e,n,t){var i=t(2721),o=t.n(i);App(o())}}])');
    expect(checkCloudInit(CHECK_ENV_ID, appJs)).toMatchObject({ pass: false });
    expect(checkCloudInit(CHECK_ENV_ID, path.join(dir, 'missing.js'))).toMatchObject({ pass: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
