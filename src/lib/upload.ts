import Taro from '@tarojs/taro';
import type { TEnvelope } from '../../types';
import { ApiError } from '../api/errors';

/**
 * One photo of an activity record, stored through the file storage port; answers the file id `events.record` takes.
 * WeChat: CloudBase cloud storage (`Taro.cloud.uploadFile`) → fileID. H5: the local gateway's `POST /files` with the
 * raw image bytes, `Content-Type: image/jpeg|png` and the dev identity → `{ ok: true, data: { fileId } }`, or an
 * error envelope (413 too large, 415 not an image). The branch is on the literal `process.env.TARO_ENV`, so each
 * build carries only its own way.
 */
export async function uploadPhoto(filePath: string, folder: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return uploadToCloud(filePath, folder);
  return uploadToGateway(filePath);
}

/** EVENT_LIMITS.photoBytes: a compressed phone photo is well under this. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const TOO_BIG = '这张照片太大了（超过2MB），请换一张，或截图后再上传';
const NOT_IMAGE = '只能上传照片（JPG或PNG格式）';

function randomPart(): string {
  return Math.random().toString(36).slice(2, 10);
}

async function uploadToCloud(filePath: string, folder: string): Promise<string> {
  const ext = /\.png$/i.test(filePath) ? 'png' : 'jpg';
  const cloudPath = `${folder}/${Date.now()}-${randomPart()}.${ext}`;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    if (!res.fileID) throw new Error(res.errMsg || 'no fileID');
    return res.fileID;
  } catch (err) {
    console.error('[upload] cloud.uploadFile failed', err);
    throw new ApiError('NETWORK', '照片没有上传成功，请检查网络后再试');
  }
}

function devUser(): string {
  const { readDevUser } = require('../api/dev-user') as typeof import('../api/dev-user');
  return readDevUser();
}

function imageType(blob: Blob): 'image/jpeg' | 'image/png' | null {
  const t = blob.type.toLowerCase();
  if (t === 'image/jpeg' || t === 'image/jpg') return 'image/jpeg';
  if (t === 'image/png') return 'image/png';
  return null;
}

async function uploadToGateway(filePath: string): Promise<string> {
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    throw new ApiError('VALIDATION_FAILED', '读不到这张照片，请重新选择');
  }
  const type = imageType(blob);
  if (!type) throw new ApiError('VALIDATION_FAILED', NOT_IMAGE);
  if (blob.size > PHOTO_MAX_BYTES) throw new ApiError('VALIDATION_FAILED', TOO_BIG);
  let res: Response;
  try {
    res = await fetch('/files', { method: 'POST', headers: { 'Content-Type': type, 'X-Dev-User': devUser() }, body: blob });
  } catch {
    throw new ApiError('NETWORK', '连不上本地服务：请确认 npm start 仍在运行，然后再试');
  }
  const body = (await res.json().catch(() => null)) as TEnvelope<{ fileId: string }> | null;
  if (body && body.ok && typeof body.data?.fileId === 'string') return body.data.fileId;
  if (body && !body.ok) throw ApiError.fromBody(body.error);
  if (res.status === 413) throw new ApiError('VALIDATION_FAILED', TOO_BIG);
  if (res.status === 415) throw new ApiError('VALIDATION_FAILED', NOT_IMAGE);
  throw new ApiError('CALL_FAILED', `照片没有上传成功（HTTP ${res.status}），请稍后再试`);
}
