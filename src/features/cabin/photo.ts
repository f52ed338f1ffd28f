import Taro from '@tarojs/taro';
import { ERRORS } from '@shared/errors';
import { CloudCallError } from '@/services/cloud';

/**
 * Photos of items and donations. weapp: chosen from the album or camera and put in cloud storage with
 * wx.cloud.uploadFile; H5 (local only): a file input and the dev server's POST /__dev/upload. Both answer a fileID.
 */

const networkError = () => new CloudCallError({ code: 'COMMON.NETWORK', message: ERRORS['COMMON.NETWORK'] });
const LOCAL_FILE_PREFIX = 'cloud://local/';

function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.className = 'photo-picker-input';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0] ?? null;
      input.remove();
      resolve(file);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the user choose one photo and uploads it; answers its fileID, or null if they cancel. */
export async function chooseAndUploadPhoto(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    let filePath: string | undefined;
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
      filePath = res.tempFiles[0]?.tempFilePath;
    } catch {
      return null;
    }
    if (!filePath) return null;
    try {
      const ext = /\.\w+$/.exec(filePath)?.[0] ?? '.jpg';
      const res = await Taro.cloud.uploadFile({ cloudPath: `cabin/${Date.now()}-${Math.random().toString(36).slice(2, 8)}${ext}`, filePath });
      return res.fileID;
    } catch {
      throw networkError();
    }
  }
  const file = await pickInBrowser();
  if (!file) return null;
  try {
    const res = await fetch(`/__dev/upload?name=${encodeURIComponent(file.name || 'photo.jpg')}`, { method: 'POST', body: file });
    if (!res.ok) throw networkError();
    return ((await res.json()) as { fileID: string }).fileID;
  } catch {
    throw networkError();
  }
}

/** What an Image shows for a stored photo: weapp reads cloud:// fileIDs itself; the local server serves /files/. */
export function photoSrc(photo: string): string {
  if (process.env.TARO_ENV !== 'weapp' && photo.startsWith(LOCAL_FILE_PREFIX)) return `/files/${photo.slice(LOCAL_FILE_PREFIX.length)}`;
  return photo;
}
