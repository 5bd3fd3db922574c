const mockMsgSecCheck = jest.fn();
const mockSend = jest.fn();
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: 'current',
  init: jest.fn(),
  openapi: { security: { msgSecCheck: mockMsgSecCheck }, subscribeMessage: { send: mockSend } },
}));

import type { TNotice } from '../context';
import { templateIdsFromEnv, wechatContentCheck, wechatNotifier } from './wechat-ports';

beforeEach(() => {
  mockMsgSecCheck.mockReset();
  mockSend.mockReset();
});

describe('content check through msgSecCheck', () => {
  test('passes text WeChat calls "pass", with the caller and the scene number', async () => {
    mockMsgSecCheck.mockResolvedValue({ result: { suggest: 'pass' } });
    await expect(wechatContentCheck.isAllowed('周三下午读诗', 'comment', 'oUser')).resolves.toBe(true);
    expect(mockMsgSecCheck).toHaveBeenCalledWith({ openid: 'oUser', scene: 2, version: 2, content: '周三下午读诗' });
  });

  test('refuses text WeChat calls risky or wants reviewed', async () => {
    mockMsgSecCheck.mockResolvedValueOnce({ result: { suggest: 'risky' } });
    await expect(wechatContentCheck.isAllowed('x', 'profile', 'o')).resolves.toBe(false);
    mockMsgSecCheck.mockResolvedValueOnce({ result: { suggest: 'review' } });
    await expect(wechatContentCheck.isAllowed('x', 'profile', 'o')).resolves.toBe(false);
  });

  test('checks a long charter in 2500-character slices and stops at the first refusal', async () => {
    mockMsgSecCheck.mockResolvedValueOnce({ result: { suggest: 'pass' } }).mockResolvedValueOnce({ result: { suggest: 'risky' } });
    const charter = '章'.repeat(2500) + '程'.repeat(2500) + '附'.repeat(10);
    await expect(wechatContentCheck.isAllowed(charter, 'profile', 'o')).resolves.toBe(false);
    expect(mockMsgSecCheck).toHaveBeenCalledTimes(2);
    expect(mockMsgSecCheck.mock.calls[1][0].content).toBe('程'.repeat(2500));
  });

  test('an API failure is not a pass: the error reaches the dispatcher, which answers INTERNAL', async () => {
    mockMsgSecCheck.mockRejectedValue(new Error('api unauthorized'));
    await expect(wechatContentCheck.isAllowed('x', 'profile', 'o')).rejects.toThrow('api unauthorized');
  });
});

describe('notices through subscribe messages', () => {
  const at = Date.UTC(2026, 10, 29, 8, 42); // 16:42 in China
  const notice: TNotice = {
    to: 'oLeader',
    kind: 'filing_decided',
    title: '报备通过',
    body: '您的报备已通过审核',
    page: '/p',
    data: { groupName: '塔谈社区老年协会书法与国画爱好者联谊会第一分会', result: '退回修改', comment: '', at },
  };

  test('without a template id for the kind nothing is sent, and the missing variable is named in the log', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    await wechatNotifier({ join_decided: 'tpl-join' }).send(notice);
    expect(mockSend).not.toHaveBeenCalled();
    expect(info.mock.calls[0]?.[0]).toContain('NOTICE_TEMPLATE_FILING_DECIDED');
    info.mockRestore();
  });

  test("each kind fills its own template's keys from the notice's fields, within WeChat's limits", async () => {
    mockSend.mockResolvedValue({ errCode: 0 });
    await wechatNotifier({ filing_decided: 'tpl-filing' }).send(notice);
    expect(mockSend).toHaveBeenCalledWith({
      touser: 'oLeader',
      templateId: 'tpl-filing',
      page: '/p',
      miniprogramState: 'formal',
      data: {
        thing1: { value: '塔谈社区老年协会书法与国画爱好者联谊会…' }, // thing: 20 characters at most
        phrase2: { value: '退回修改' },
        thing3: { value: '无' }, // WeChat refuses empty values
        time4: { value: '2026年11月29日 16:42' },
      },
    });
    expect([...mockSend.mock.calls[0][0].data.thing1.value]).toHaveLength(20);
  });

  test('a refused send (no consent: 43101) never fails the action', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    mockSend.mockRejectedValue(Object.assign(new Error('openapi.subscribeMessage.send:fail'), { errCode: 43101, errMsg: 'user refuse to accept the msg' }));
    await expect(wechatNotifier({ filing_decided: 'tpl' }).send(notice)).resolves.toBeUndefined();
    expect(warn.mock.calls[0]).toEqual(expect.arrayContaining([43101, 'user refuse to accept the msg']));
    warn.mockRestore();
  });
});

describe('template ids from the function environment', () => {
  test('reads NOTICE_TEMPLATE_<KIND>, ignoring blanks and unrelated variables', () => {
    expect(
      templateIdsFromEnv({
        NOTICE_TEMPLATE_FILING_DECIDED: ' tplA ',
        NOTICE_TEMPLATE_JOIN_DECIDED: '',
        SUBSCRIBE_TEMPLATE_ID: 'old',
      }),
    ).toEqual({ filing_decided: 'tplA' });
  });
});
