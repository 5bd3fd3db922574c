import { callerFromContext } from './cloud-caller';

/** SCF invocation contexts as CloudBase builds them for a mini program call (new `environment` and old `environ`). */
function context(env: Record<string, string>) {
  return { request_id: 'r1', function_name: 'filings', environment: JSON.stringify(env) };
}

beforeEach(() => {
  delete process.env.WX_OPENID;
  delete process.env.WX_CONTEXT_KEYS;
});

test('reads the openid the platform put in the invocation context', () => {
  expect(callerFromContext(context({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'oAbc123', WX_APPID: 'wx1' }))).toEqual({
    openid: 'oAbc123',
  });
});

test('reads the older `environ` form too', () => {
  expect(callerFromContext({ environ: 'WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=oOld456' })).toEqual({ openid: 'oOld456' });
});

test('no WeChat user (timer or HTTP trigger) means no caller', () => {
  expect(callerFromContext(context({ WX_CONTEXT_KEYS: 'WX_OPENID' }))).toBeNull();
});

test('a context the SDK cannot parse means no caller, not a crash', () => {
  expect(callerFromContext({})).toBeNull();
  expect(callerFromContext('nonsense')).toBeNull();
});
