// What wx.cloud.callFunction rejects with, told apart. The strings are real shapes: WeChat's
// `cloud.callFunction:fail Error: errCode: … | errMsg: …` and the older `errCode: -404011 cloud function
// execution error | errMsg: … cloud function service error code …, error message …` wrapper, as people have
// reported them from DevTools and phones.
import {
  CALL_FAILURE_MESSAGES,
  classifyCloudFailure,
  classifyFetchFailure,
  classifyHttpStatus,
  type TCallFailureKind,
} from '../../src/api/call-errors';

/** An Error as the base library builds it: errCode and errMsg on the object, errMsg also its message. */
function wxError(errCode: number | undefined, errMsg: string) {
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}

const CASES: [TCallFailureKind, ReturnType<typeof wxError> | string][] = [
  ['env', wxError(-501000, 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment not found (callId: 1640257458052-0.89) (trace: 19:4:18 start->19:4:18 system error (Error: errCode: -501000  | errMsg: Environment not found), abort)')],
  ['env', wxError(-501000, 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: [100003] Param Invalid: env check invalid be filterd (cd25bc8d) 请前往云开发AI小助手查看问题：https://tcb.cloud.tencent.com/dev#/helper/copilot?q=INVALID_ENV (callId: 1744687015552-0.70)')],
  ['env', wxError(-501000, 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment invalid and please check your parameters (callId: 1710423084188-0.96)')],
  ['env', wxError(-404011, 'errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID , cloud function service error code -501000, error message Environment not found; at cloud.callFunction api; ')],
  ['env', wxError(-404011, 'errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID , cloud function service error code -501005, error message Environment not found; at cloud.callFunction api; ')],
  ['env', wxError(-501000, 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: [ResourceNotFound.Env] env not exists')],
  ['env', wxError(-501000, 'cloud.callFunction:fail Error: errCode: -501000  | errMsg: [ResourceNotFound.FunctionName] FunctionName parameter could not be found.')],
  ['permission', wxError(-601034, 'cloud.callFunction:fail Error: errCode: -601034  | errMsg: 没有权限，请先开通云开发或者云托管')],
  ['permission', wxError(-401001, 'cloud.callFunction:fail errCode: -401001 | errMsg: no permission to use the api')],
  ['timeout', wxError(-504003, 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds')],
  ['timeout', wxError(-404011, 'errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 1c, cloud function service error code -504003, error message Invoking task timed out after 10 seconds; at cloud.callFunction api; ')],
  ['timeout', wxError(undefined, 'cloud.callFunction:fail request:fail timeout')],
  ['function', wxError(-404011, "errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 1cb63f35-794c-11e9, cloud function service error code -504002, error message wx is not defined; at cloud.callFunction api; ")],
  ['function', wxError(-504002, "cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Cannot find module 'wx-server-sdk'")],
  ['network', wxError(-1, 'cloud.callFunction:fail Error: request:fail')],
  ['network', wxError(undefined, 'cloud.callFunction:fail request:fail -2:net::ERR_INTERNET_DISCONNECTED')],
  ['unknown', wxError(-1, 'cloud.callFunction:fail Error: something new')],
  ['unknown', 'just a string'],
];

const labelled = CASES.map(([kind, err]) => [kind, (typeof err === 'string' ? err : err.errMsg).slice(0, 90), err] as const);

test.each(labelled)('%s ← %s', (kind, _label, err) => {
  const failure = classifyCloudFailure(err);
  expect(failure.kind).toBe(kind);
  expect(failure.message).toBe(CALL_FAILURE_MESSAGES[kind]);
});

test('keeps the raw errCode and errMsg for the log, reading the code from the text when the object has none', () => {
  const raw = 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds';
  expect(classifyCloudFailure(wxError(-504003, raw))).toMatchObject({ kind: 'timeout', code: 'TIMEOUT', errCode: -504003, errMsg: raw });
  expect(classifyCloudFailure({ errMsg: raw })).toMatchObject({ errCode: -504003, errMsg: raw });
  expect(classifyCloudFailure(undefined)).toMatchObject({ kind: 'unknown', code: 'CALL_FAILED' });
});

test('every message is Chinese and says what to do next', () => {
  for (const message of Object.values(CALL_FAILURE_MESSAGES)) {
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toMatch(/请/);
  }
  // The person must be able to tell a setup problem from their own connection.
  expect(new Set(Object.values(CALL_FAILURE_MESSAGES)).size).toBe(Object.keys(CALL_FAILURE_MESSAGES).length);
});

describe('H5 (local gateway)', () => {
  test('fetch throwing means the gateway is down: say how to start it', () => {
    const failure = classifyFetchFailure(new TypeError('Failed to fetch'));
    expect(failure).toMatchObject({ kind: 'network', code: 'NETWORK', errMsg: 'Failed to fetch' });
    expect(failure.message).toContain('npm start');
  });

  test('an answer that is not an envelope: 5xx is the server, 408/504 a timeout, other 4xx a refusal', () => {
    expect(classifyHttpStatus(502, '<html>Bad Gateway</html>')).toMatchObject({ kind: 'function', errCode: 502, errMsg: '<html>Bad Gateway</html>' });
    expect(classifyHttpStatus(502, '').message).toContain('502');
    expect(classifyHttpStatus(504, '').kind).toBe('timeout');
    expect(classifyHttpStatus(404, 'Not Found')).toMatchObject({ kind: 'unknown', code: 'CALL_FAILED' });
    expect(classifyHttpStatus(200, 'not json').kind).toBe('unknown');
    expect(classifyHttpStatus(500, 'x'.repeat(5000)).errMsg).toHaveLength(200);
  });
});
