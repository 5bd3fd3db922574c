import Taro from '@tarojs/taro';
import { PHOTO_MAX_BYTES } from '../../../lib/upload';

/**
 * Up to `count` photos from the album or the camera, compressed on the phone. WeChat: chooseMedia's compressed
 * copies, compressed again when still over the limit. H5: Taro's chooseImage (an <input type=file>).
 * Answers local paths; an empty list when the person changed their mind.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const paths: string[] = [];
      for (const f of res.tempFiles) {
        if (f.size > PHOTO_MAX_BYTES) paths.push((await Taro.compressImage({ src: f.tempFilePath, quality: 60 })).tempFilePath);
        else paths.push(f.tempFilePath);
      }
      return paths;
    }
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album'] });
    return res.tempFilePaths.slice(0, count);
  } catch {
    return []; // Cancelled.
  }
}
