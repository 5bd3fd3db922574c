// 长辈模式 on the phone (src/lib/elder-mode.ts): a local copy for the first frame, corrected by whatever `me` any
// account answer carries; the first-visit offer only when neither the server nor this phone holds a choice.
const mockStorage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (mockStorage.has(k) ? mockStorage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => mockStorage.set(k, v),
    removeStorageSync: (k: string) => mockStorage.delete(k),
  },
}));
const mockSetPrefs = jest.fn();
jest.mock('../../src/api', () => ({ api: { account: { setPrefs: (input: unknown) => mockSetPrefs(input) } } }));
let mockListener: (fn: string, action: string, data: unknown) => void = () => undefined;
jest.mock('../../src/api/transport', () => ({ onActionResult: (l: typeof mockListener) => (mockListener = l) }));

type TModule = typeof import('../../src/lib/elder-mode');
/** A fresh app start with this phone's storage. */
function start(stored?: boolean): TModule {
  mockStorage.clear();
  if (stored !== undefined) mockStorage.set('elder-mode', stored);
  let mod: TModule | undefined;
  jest.isolateModules(() => {
    mod = require('../../src/lib/elder-mode') as TModule;
  });
  return mod!;
}
const me = (elderMode: boolean | null) => ({ me: { displayName: '李秀英', prefs: { elderMode } } });

beforeEach(() => mockSetPrefs.mockReset().mockResolvedValue(me(true)));

test('the first frame uses this phone’s copy; no offer before the server has answered', () => {
  expect(start(true).elderState()).toEqual({ choice: true, offer: false });
  expect(start().elderState()).toEqual({ choice: null, offer: false });
});

test('a first visit: the server says never chosen and the phone has nothing, so the offer shows', () => {
  const m = start();
  mockListener('account', 'me', me(null));
  expect(m.elderState()).toEqual({ choice: null, offer: true });
});

test('the server’s choice wins over the copy, on any account answer carrying me, and is copied for next time', () => {
  const m = start(false);
  mockListener('account', 'setCommunity', me(true));
  expect(m.elderState()).toEqual({ choice: true, offer: false });
  expect(mockStorage.get('elder-mode')).toBe(true);
  mockListener('groups', 'detail', me(false)); // not the account function: ignored
  expect(m.elderState().choice).toBe(true);
});

test('a choice this phone made whose save failed stands, and is not offered again', () => {
  const m = start(true);
  mockListener('account', 'me', me(null));
  expect(m.elderState()).toEqual({ choice: true, offer: false });
});

test('choosing applies at once, saves to the account, and rethrows a failed save with the local choice kept', async () => {
  const m = start();
  mockListener('account', 'me', me(null));
  await m.chooseElderMode(true);
  expect(mockSetPrefs).toHaveBeenCalledWith({ elderMode: true });
  expect(m.elderState()).toEqual({ choice: true, offer: false });

  mockSetPrefs.mockRejectedValueOnce(new Error('offline'));
  await expect(m.chooseElderMode(false)).rejects.toThrow('offline');
  expect(m.elderState().choice).toBe(false);
  expect(mockStorage.get('elder-mode')).toBe(false);
});
