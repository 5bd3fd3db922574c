const mockImgSecCheck = jest.fn();
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: 'current',
  init: jest.fn(),
  openapi: { security: { imgSecCheck: mockImgSecCheck, msgSecCheck: jest.fn() }, subscribeMessage: { send: jest.fn() } },
}));

import { IMAGE_CHECK_MAX_BYTES, wechatImageAllowed } from '../platform/wechat-ports';
import { cloudFileStore } from './cloud-files';

/** Production files through the node-sdk's storage calls, and WeChat's image check, against stand-ins shaped like them. */

const ID = 'cloud://env-1a2b.656e-env-1a2b-1300000000/events/1700000000-abc.jpg';

function fakeApp(files: Record<string, Buffer>) {
  const app = {
    uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env/${cloudPath}` })),
    downloadFile: jest.fn(async ({ fileID }: { fileID: string }) => {
      if (!files[fileID]) throw Object.assign(new Error('storage file not exist'), { code: 'STORAGE_FILE_NONEXIST' });
      return { fileContent: files[fileID], message: '' };
    }),
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: Array<{ fileID: string }> }) => ({
      // The service answers in its own order: the store puts them back in the order asked.
      fileList: [...fileList].reverse().map(({ fileID }) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.slice(-10)}`, code: 'SUCCESS' })),
    })),
    deleteFile: jest.fn(async () => ({ fileList: [] })),
  };
  return app;
}

beforeEach(() => mockImgSecCheck.mockReset());

test('reads a stored file; a missing file and an id that is not a cloud:// id read as null without a request for the latter', async () => {
  const app = fakeApp({ [ID]: Buffer.from('jpeg') });
  const store = cloudFileStore(app as never, async () => true);
  expect(await store.read(ID)).toEqual(Buffer.from('jpeg'));
  expect(await store.read(ID.replace('abc', 'xyz'))).toBeNull();
  expect(await store.read('local/' + '0'.repeat(32) + '.png')).toBeNull();
  expect(app.downloadFile).toHaveBeenCalledTimes(2);
});

test('temporary URLs come back in the order asked; none are asked for no photos', async () => {
  const app = fakeApp({});
  const store = cloudFileStore(app as never, async () => true);
  const ids = [ID, ID.replace('abc', 'def')];
  expect(await store.urlsFor(ids)).toEqual(ids.map((id) => `https://tmp.example/${id.slice(-10)}`));
  expect(await store.urlsFor([])).toEqual([]);
  expect(app.getTempFileURL).toHaveBeenCalledTimes(1);
});

describe('imgSecCheck', () => {
  test('passes a clean image with its content type, refuses 87014, refuses what it cannot check (over 1 MB)', async () => {
    mockImgSecCheck.mockResolvedValueOnce({ errCode: 0 });
    await expect(wechatImageAllowed(Buffer.from('png'), 'image/png')).resolves.toBe(true);
    expect(mockImgSecCheck).toHaveBeenCalledWith({ media: { contentType: 'image/png', value: Buffer.from('png') } });
    mockImgSecCheck.mockRejectedValueOnce(Object.assign(new Error('risky'), { errCode: 87014 }));
    await expect(wechatImageAllowed(Buffer.from('png'), 'image/png')).resolves.toBe(false);
    await expect(wechatImageAllowed(Buffer.alloc(IMAGE_CHECK_MAX_BYTES + 1), 'image/jpeg')).resolves.toBe(false);
    expect(mockImgSecCheck).toHaveBeenCalledTimes(2);
  });

  test('any other failure is not a pass: it reaches the dispatcher as INTERNAL', async () => {
    mockImgSecCheck.mockRejectedValueOnce(Object.assign(new Error('api unauthorized'), { errCode: -604101 }));
    await expect(wechatImageAllowed(Buffer.from('png'), 'image/png')).rejects.toThrow('api unauthorized');
  });
});

test('a report goes to an unguessable cloud path and comes back with a ten-minute temporary URL', async () => {
  const app = fakeApp({});
  const store = cloudFileStore(app as never, async () => true);
  const first = await store.putReport(Buffer.from('xlsx'), '塔谈社区_2026年第4季度统计报表.xlsx', 1_000);
  const second = await store.putReport(Buffer.from('xlsx'), '塔谈社区_2026年第4季度统计报表.xlsx', 1_000);
  const paths = app.uploadFile.mock.calls.map(([{ cloudPath }]) => cloudPath);
  expect(paths[0]).toMatch(/^reports\/[a-f0-9]{32}\.xlsx$/);
  expect(paths[1]).not.toBe(paths[0]);
  expect(app.uploadFile.mock.calls[0]![0]).toMatchObject({ fileContent: Buffer.from('xlsx') });
  expect(app.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: `cloud://env/${paths[0]}`, maxAge: 600 }] });
  expect(first).toEqual({ fileId: `cloud://env/${paths[0]}`, url: `https://tmp.example/${`cloud://env/${paths[0]}`.slice(-10)}`, expiresAt: 1_000 + 600_000 });
  expect(second.fileId).not.toBe(first.fileId);
});
