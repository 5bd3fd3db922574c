const mockMsgSecCheck = jest.fn();
const mockSend = jest.fn();
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: 'current',
  init: jest.fn(),
  openapi: { security: { msgSecCheck: mockMsgSecCheck }, subscribeMessage: { send: mockSend } },
}));

import { wechatContentCheck, wechatNotifier } from './wechat-ports';

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
  const notice = { to: 'oLeader', kind: 'filing_decided', title: '报备通过', body: '您的报备已通过审核', page: '/p' };

  test('without a template id nothing is sent', async () => {
    await wechatNotifier(undefined).send(notice);
    expect(mockSend).not.toHaveBeenCalled();
  });

  test('a refused send never fails the action', async () => {
    mockSend.mockRejectedValue(new Error('user not subscribed'));
    await expect(wechatNotifier('tpl').send(notice)).resolves.toBeUndefined();
    expect(mockSend).toHaveBeenCalledWith(expect.objectContaining({ touser: 'oLeader', templateId: 'tpl', page: '/p' }));
  });
});
