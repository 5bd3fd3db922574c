/**
 * What went wrong when a function call never produced an envelope, told apart so the person reads what to do.
 * Pure: no Taro, no globals. The shapes are those wx.cloud.callFunction rejects with (an Error carrying `errCode`
 * and `errMsg`, the platform's own code often repeated inside errMsg as `errCode: -501000 | errMsg: …` or
 * `cloud function service error code -504002, error message …`), and the H5 gateway's fetch failures.
 */

export type TCallFailureKind = 'network' | 'timeout' | 'function' | 'env' | 'permission' | 'unknown';

/** The client's own codes, next to the server's (types/errors.ts). */
export const CALL_FAILURE_CODES = {
  network: 'NETWORK',
  timeout: 'TIMEOUT',
  function: 'FUNCTION_FAILED',
  env: 'NOT_CONFIGURED',
  permission: 'NO_PERMISSION',
  unknown: 'CALL_FAILED',
} as const satisfies Record<TCallFailureKind, string>;

export type TCallFailureCode = (typeof CALL_FAILURE_CODES)[TCallFailureKind];

export const CALL_FAILURE_MESSAGES: Record<TCallFailureKind, string> = {
  network: '网络连接不畅，请检查手机网络（Wi-Fi 或移动数据）后再试',
  timeout: '等了很久没有结果。操作可能已经完成，请刷新页面看一看，再决定是否重试',
  function: '服务出了点问题，请稍后再试；如果一直这样，请联系社区工作人员',
  env: '小程序的云服务还没有配置好，暂时不能使用，请联系社区工作人员',
  permission: '小程序暂时没有使用云服务的权限，请联系社区工作人员',
  unknown: '操作没有成功，请稍后再试；如果一直这样，请联系社区工作人员',
};

export interface TCallFailure {
  kind: TCallFailureKind;
  code: TCallFailureCode;
  message: string;
  /** The raw errCode (the platform's own number or string), for the log. */
  errCode: string | number | undefined;
  /** The raw errMsg (or the thrown value as text), for the log. */
  errMsg: string;
}

// Codes from WeChat's cloud error-code table and real errMsg strings (see call-errors.test.ts).
const ENV_CODES = new Set([-501005]);
const PERMISSION_CODES = new Set([-601034, -401001, -604101, -601002]);
const TIMEOUT_CODES = new Set([-504003, -404012, -404005]);
const FUNCTION_CODES = new Set([-404011, -504002, -504001, -404001, -404002, -404003, -404004, -404006]);

const ENV_TEXT =
  /env(ironment)?\s*(\S+\s+)?(not\s*found|not\s*exists?|invalid)|INVALID_ENV|env check invalid|ResourceNotFound\.(Env|Function)|FunctionName parameter could not be found|function (not found|not exist)|please init|wx\.cloud\.init|云环境不存在|环境不存在/i;
const PERMISSION_TEXT = /permission denied|PERMISSION_DENIED|no permission|not authorized|unauthorized|没有权限|无权限|未开通/i;
const TIMEOUT_TEXT = /timed?\s*out|timeout|超时/i;
const FUNCTION_TEXT = /cloud function execution error|functions? execute fail|user code exception|cloud function service error/i;
const NETWORK_TEXT = /request:fail|network|net::|ERR_INTERNET|ERR_NAME|ENOTFOUND|ECONNRESET|ECONNREFUSED|offline|Failed to fetch|网络/i;

function textOf(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object') {
    const { errMsg, message } = err as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string' && errMsg) return errMsg;
    if (typeof message === 'string' && message) return message;
  }
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/** Every platform code in the error: its `errCode` and those repeated inside the message. */
function codesOf(err: unknown, text: string): number[] {
  const codes: number[] = [];
  const own = err && typeof err === 'object' ? (err as { errCode?: unknown }).errCode : undefined;
  if (typeof own === 'number' || (typeof own === 'string' && /^-?\d+$/.test(own))) codes.push(Number(own));
  for (const m of text.matchAll(/(?:errCode:?|error code)\s*(-?\d{1,7})/gi)) codes.push(Number(m[1]));
  return codes;
}

function kindOf(codes: number[], text: string): TCallFailureKind {
  const has = (set: Set<number>) => codes.some((c) => set.has(c));
  // Most specific first: an environment or permission problem is often wrapped in a "function error" code.
  if (has(ENV_CODES) || ENV_TEXT.test(text)) return 'env';
  if (has(PERMISSION_CODES) || PERMISSION_TEXT.test(text)) return 'permission';
  if (has(TIMEOUT_CODES) || TIMEOUT_TEXT.test(text)) return 'timeout';
  if (has(FUNCTION_CODES) || FUNCTION_TEXT.test(text)) return 'function';
  if (NETWORK_TEXT.test(text)) return 'network';
  return 'unknown';
}

function failure(kind: TCallFailureKind, errCode: string | number | undefined, errMsg: string): TCallFailure {
  return { kind, code: CALL_FAILURE_CODES[kind], message: CALL_FAILURE_MESSAGES[kind], errCode, errMsg };
}

/** What `Taro.cloud.callFunction` rejected with, classified. */
export function classifyCloudFailure(err: unknown): TCallFailure {
  const text = textOf(err);
  const codes = codesOf(err, text);
  const own = err && typeof err === 'object' ? (err as { errCode?: unknown }).errCode : undefined;
  const errCode = typeof own === 'number' || typeof own === 'string' ? own : codes[0];
  return failure(kindOf(codes, text), errCode, text);
}

/** H5: `fetch` itself threw — the local gateway is not running (or the page lost its network). */
export function classifyFetchFailure(err: unknown): TCallFailure {
  const f = failure('network', undefined, textOf(err));
  return { ...f, message: '连不上本地服务：请确认 npm start 仍在运行，然后刷新页面' };
}

/** H5: the gateway answered, but not with an envelope (a proxy's 502, an HTML error page…). */
export function classifyHttpStatus(status: number, body: string): TCallFailure {
  const snippet = body.slice(0, 200);
  if (status === 408 || status === 504) return failure('timeout', status, snippet);
  if (status >= 500) return { ...failure('function', status, snippet), message: `本地服务出错（HTTP ${status}），请查看运行 npm start 的终端日志后再试` };
  if (status >= 400) return { ...failure('unknown', status, snippet), message: `请求被拒绝（HTTP ${status}），请刷新页面后再试` };
  return { ...failure('unknown', status, snippet), message: '服务的回答无法识别，请刷新页面后再试' };
}
