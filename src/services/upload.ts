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
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.className = 'file-picker-input';
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) resolve(null);
      else void file.text().then((text) => resolve({ name: file.name, text }), () => resolve(null));
    };
    document.body.appendChild(input);
    input.click();
  });
}
