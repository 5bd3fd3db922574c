import type tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { REPORT_LIMITS } from '../../../types/report-vocab';
import type { TFileStore, TImageType } from '../context';
import { IMAGE_CONTENT_TYPES } from './image-type';

type TApp = ReturnType<typeof tcb.init>;

/** What the mini program's Taro.cloud.uploadFile answers: `cloud://<env>.<bucket>/<path>`. */
export const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]{1,200}$/;

/** Temporary URLs live this long; a record page is read well within it and asks again next time. */
const URL_MAX_AGE_S = 2 * 3600;

/**
 * CloudBase cloud storage through the node-sdk. The mini program uploads directly (Taro.cloud.uploadFile) and the
 * function only reads the file back to check it; `imageAllowed` is WeChat's image check (wechat-ports.ts).
 */
export function cloudFileStore(
  app: TApp,
  imageCheck: (bytes: Buffer, type: TImageType, openid: string) => Promise<boolean>,
): TFileStore {
  return {
    async put(bytes, type) {
      const { fileID } = await app.uploadFile({ cloudPath: `events/${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.${type}`, fileContent: bytes });
      return fileID;
    },
    async read(fileId) {
      if (!CLOUD_FILE_ID.test(fileId)) return null;
      try {
        const { fileContent } = await app.downloadFile({ fileID: fileId });
        if (fileContent === undefined) return null;
        return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent);
      } catch (error) {
        // A missing or foreign file: the SDK answers STORAGE_FILE_NONEXIST (or a 404 from COS).
        const code = String((error as { code?: unknown }).code ?? '');
        if (/NONEXIST|NOT_EXIST|404/i.test(code) || /not ?exist|404/i.test(String((error as Error).message))) return null;
        throw error;
      }
    },
    imageAllowed: imageCheck,
    async urlsFor(fileIds) {
      if (fileIds.length === 0) return [];
      const { fileList } = await app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: URL_MAX_AGE_S })) });
      const byId = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]));
      return fileIds.map((id) => byId.get(id) ?? '');
    },
    // Reports go to an unguessable path (128 random bits) and are reached through a temporary URL that lives
    // REPORT_LIMITS.linkMinutes; the mini program may also download by fileID (docs/reports.md).
    async putReport(bytes, _fileName, now) {
      const cloudPath = `reports/${randomBytes(16).toString('hex')}.xlsx`;
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
      const maxAge = REPORT_LIMITS.linkMinutes * 60;
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge }] });
      const url = fileList.find((f) => f.fileID === fileID)?.tempFileURL ?? '';
      if (!url) throw new Error('no temporary URL for a report just stored');
      return { fileId: fileID, url, expiresAt: now + maxAge * 1000 };
    },
    async remove(fileIds) {
      if (fileIds.length === 0) return;
      try {
        await app.deleteFile({ fileList: fileIds });
      } catch (error) {
        console.warn('[files] not removed', fileIds.length, error);
      }
    },
  };
}

