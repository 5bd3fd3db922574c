// The build-time constants: a production weapp build without a CloudBase environment id must stop, not ship an
// app whose every call fails; everything else may build with a clearly marked placeholder.
import { BuildEnvError, buildConstants, DEV_PLACEHOLDER_ENV, MISSING_ENV_MESSAGE } from '../../config/build-env';
import { CHECK_ENV_ID } from '../../scripts/check-weapp';
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
