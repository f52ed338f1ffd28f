import Taro from '@tarojs/taro';
import { ERRORS } from '@shared/errors';
import { CloudCallError } from './cloud';

/**
 * Files to cloud storage, next to callCloud and with the same switch: `process.env.TARO_ENV` is replaced at
 * build time, so each bundle keeps only its own branch. weapp: wx.cloud.uploadFile; H5 (local only): the dev
 * server's POST /__dev/upload, which answers a fileID the functions read through the SDK's storage.
 */

const networkError = () => new CloudCallError({ code: 'COMMON.NETWORK', message: ERRORS['COMMON.NETWORK'] });

/** Uploads `text` (UTF-8) as a file named `name`; answers its fileID. */
export async function uploadText(name: string, text: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
      Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
      const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${Date.now()}-${name}`, filePath });
      return res.fileID;
    }
    const res = await fetch(`/__dev/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text,
    });
    if (!res.ok) throw networkError();
    return ((await res.json()) as { fileID: string }).fileID;
  } catch {
    throw networkError();
  }
}

/** Lets the user choose a text file (a CSV from a chat in WeChat, from disk in a browser); null if they cancel. */
export async function pickTextFile(extensions: string[]): Promise<{ name: string; text: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
      const file = tempFiles[0];
      if (!file) return null;
      const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
      return { name: file.name, text };
    } catch {
      return null;
    }
  }
  const [file] = await chooseLocalFiles(extensions.map((e) => `.${e}`).join(','), false);
  if (!file) return null;
  return file.text().then(
    (text) => ({ name: file.name, text }),
    () => null,
  );
}

/** H5: the browser's file dialog; answers the chosen files (none if they cancel). */
function chooseLocalFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.className = 'file-picker-input';
    input.style.display = 'none';
    input.onchange = () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      resolve(files);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Lets the user choose up to `max` photos (album or camera in WeChat, disk in a browser) and uploads each; answers
 * their fileIDs in the order chosen, none if they cancel.
 */
export async function pickImages(max: number): Promise<string[]> {
  if (max < 1) return [];
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { tempFilePaths } = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => ({ tempFilePaths: [] as string[] }));
      const uploads = tempFilePaths.slice(0, max).map((filePath, i) => Taro.cloud.uploadFile({ cloudPath: `uploads/${Date.now()}-${i}.jpg`, filePath }));
      return (await Promise.all(uploads)).map((res) => res.fileID);
    }
    const files = (await chooseLocalFiles('image/*', true)).slice(0, max);
    const uploads = files.map(async (file) => {
      const res = await fetch(`/__dev/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
      if (!res.ok) throw networkError();
      return ((await res.json()) as { fileID: string }).fileID;
    });
    return await Promise.all(uploads);
  } catch {
    throw networkError();
  }
}

/** Where a stored image can be shown: weapp shows cloud fileIDs itself; the local H5 build reads them from the dev server. */
export function imageSrc(fileID: string): string {
  if (process.env.TARO_ENV === 'weapp') return fileID;
  return fileID.startsWith('cloud://local/') ? `/files/${fileID.slice('cloud://local/'.length)}` : fileID;
}
