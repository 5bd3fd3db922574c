// askNoticeConsent: asks for the notices a tap leads to, in the same tap, and never stands in the action's way.
const mockRequestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (o: unknown) => mockRequestSubscribeMessage(o) } }));

import { requestNoticeConsent, type TConsentDeps } from '../../src/lib/notice-consent';

const templateIds = { filing_decided: 'tmpl-filing', join_decided: 'tmpl-join', join_requested: '' };
const deps = (request: TConsentDeps['request'], warn = jest.fn()): TConsentDeps => ({ templateIds, request, warn });

test('asks for the template ids of the kinds given, and reports which were accepted', async () => {
  const request = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-filing': 'accept', 'tmpl-join': 'reject' });
  await expect(requestNoticeConsent(['filing_decided', 'join_decided', 'filing_decided'], deps(request))).resolves.toEqual({
    outcome: 'asked',
    accepted: ['filing_decided'],
  });
  expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl-filing', 'tmpl-join'] });
});

test('calls the platform synchronously, inside the tap, before anything is awaited', () => {
  const request = jest.fn().mockReturnValue(new Promise(() => undefined)); // the dialog stays open
  void requestNoticeConsent(['filing_decided'], deps(request));
  expect(request).toHaveBeenCalledTimes(1);
});

test('refusal, a failing API, a throwing API, a missing API or no template id: resolves, never throws', async () => {
  const warn = jest.fn();
  const refused = jest.fn().mockResolvedValue({ 'tmpl-filing': 'reject' });
  await expect(requestNoticeConsent(['filing_decided'], deps(refused))).resolves.toEqual({ outcome: 'asked', accepted: [] });

  const failing = jest.fn().mockRejectedValue({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail:The main switch is switched off' });
  await expect(requestNoticeConsent(['filing_decided'], deps(failing, warn))).resolves.toEqual({ outcome: 'failed', accepted: [] });
  expect(warn).toHaveBeenCalledWith(expect.any(String), 20004, 'requestSubscribeMessage:fail:The main switch is switched off');

  const throwing = jest.fn(() => {
    throw new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
  });
  await expect(requestNoticeConsent(['filing_decided'], deps(throwing))).resolves.toEqual({ outcome: 'failed', accepted: [] });

  await expect(requestNoticeConsent(['filing_decided'], deps(undefined))).resolves.toEqual({ outcome: 'unavailable', accepted: [] });

  const unused = jest.fn();
  await expect(requestNoticeConsent(['join_requested'], deps(unused))).resolves.toEqual({ outcome: 'skipped', accepted: [] });
  expect(unused).not.toHaveBeenCalled();
});

test('asks for at most three templates at once (WeChat’s limit)', async () => {
  const request = jest.fn().mockResolvedValue({});
  const many = { filing_decided: 'a', join_decided: 'b', join_requested: 'c', event_x: 'd' } as TConsentDeps['templateIds'];
  await requestNoticeConsent(['filing_decided', 'join_decided', 'join_requested', 'event_x' as never], { templateIds: many, request });
  expect(request.mock.calls[0][0].tmplIds).toEqual(['a', 'b', 'c']);
});

describe('askNoticeConsent, as the pages call it', () => {
  const saved = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = saved;
    mockRequestSubscribeMessage.mockReset();
    jest.resetModules();
  });

  function load(ids: object): typeof import('../../src/lib/notice-consent') {
    (globalThis as { NOTICE_TEMPLATE_IDS?: object }).NOTICE_TEMPLATE_IDS = ids;
    let mod!: typeof import('../../src/lib/notice-consent');
    jest.isolateModules(() => {
      mod = jest.requireActual('../../src/lib/notice-consent');
    });
    return mod;
  }

  test('in the mini program: asks with the build’s template ids through Taro.requestSubscribeMessage', async () => {
    process.env.TARO_ENV = 'weapp';
    mockRequestSubscribeMessage.mockResolvedValue({ 'tmpl-filing': 'accept' });
    const { askNoticeConsent } = load({ filing_decided: 'tmpl-filing' });
    await expect(askNoticeConsent(['filing_decided'])).resolves.toEqual({ outcome: 'asked', accepted: ['filing_decided'] });
    expect(mockRequestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-filing'] });
  });

  test('in H5 (no subscribe messages): does nothing', async () => {
    process.env.TARO_ENV = 'h5';
    const { askNoticeConsent } = load({ filing_decided: 'tmpl-filing' });
    await expect(askNoticeConsent(['filing_decided'])).resolves.toEqual({ outcome: 'skipped', accepted: [] });
    expect(mockRequestSubscribeMessage).not.toHaveBeenCalled();
  });

  test('a build without template ids asks nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    const { askNoticeConsent } = load({});
    await expect(askNoticeConsent(['filing_decided'])).resolves.toMatchObject({ outcome: 'skipped' });
    expect(mockRequestSubscribeMessage).not.toHaveBeenCalled();
  });
});
