import { EVENT_LIMITS } from '../../../types/events';
import { AppError } from '../app-error';
import { CLOUD_FILE_ID } from '../files/cloud-files';
import { sniffImageType } from '../files/image-type';
import { LOCAL_FILE_ID } from '../files/local-files';
import type { TAuthedContext } from '../guards';

const MB = (EVENT_LIMITS.photoBytes / 1024 / 1024).toFixed(0);

/**
 * Every photo of a record, checked before anything is written: an id of a kind this app issues, a file that
 * exists, at most EVENT_LIMITS.photoBytes, really an image by its first bytes (JPEG, PNG, WebP, GIF), and, for
 * photos not already in the record, passed by the platform's image check. All problems are named at once, by
 * position, so the form can mark each photo.
 */
export async function checkRecordPhotos(ctx: TAuthedContext, photos: string[], alreadyChecked: readonly string[]): Promise<void> {
  const fields: Record<string, string> = {};
  const rejected: Record<string, string> = {};
  const seen = new Set<string>();
  await Promise.all(
    photos.map(async (id, i) => {
      const key = `photos.${i}`;
      const nth = `第${i + 1}张照片`;
      if (!LOCAL_FILE_ID.test(id) && !CLOUD_FILE_ID.test(id)) return void (fields[key] = `${nth}无法识别，请重新上传`);
      if (seen.has(id)) return void (fields[key] = `${nth}和前面的照片重复了，请删掉一张`);
      seen.add(id);
      const bytes = await ctx.files.read(id);
      if (!bytes) return void (fields[key] = `${nth}没有找到，请重新上传`);
      if (bytes.length > EVENT_LIMITS.photoBytes) return void (fields[key] = `${nth}太大（超过${MB}MB），请压缩后再上传`);
      const type = sniffImageType(bytes);
      if (!type) return void (fields[key] = `${nth}不是图片（只支持 JPG、PNG、WebP、GIF），请重新选择`);
      if (alreadyChecked.includes(id)) return;
      if (!(await ctx.files.imageAllowed(bytes, type, ctx.caller.openid))) rejected[key] = `${nth}未通过内容安全检查，请更换一张（照片需小于1MB）`;
    }),
  );
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', fields);
  if (Object.keys(rejected).length > 0) throw new AppError('CONTENT_REJECTED', rejected);
}
