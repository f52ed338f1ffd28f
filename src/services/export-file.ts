import Taro from '@tarojs/taro';

export type ExportResult = 'downloaded' | 'shared' | 'copied';

/**
 * Hands a text file to the user. H5: a download. weapp: written to the user data folder and offered to send to a chat
 * (文件传输助手 keeps it); where sharing files is not available, the text is copied. Call it straight from a tap:
 * WeChat shares files only in answer to one. `process.env.TARO_ENV` is replaced at build time.
 */
export async function exportText(fileName: string, text: string, mime: string): Promise<ExportResult> {
  if (process.env.TARO_ENV === 'weapp') {
    if (Taro.canIUse('shareFileMessage')) {
      const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
      Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
      // Closing the chat picker is the user's choice, not a failure.
      await Taro.shareFileMessage({ filePath, fileName }).catch(() => undefined);
      return 'shared';
    }
    await Taro.setClipboardData({ data: text });
    return 'copied';
  }
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return 'downloaded';
}

/** A JSON file of `data` (the resident's own data export). */
export function exportJson(fileName: string, data: unknown): Promise<ExportResult> {
  return exportText(fileName, JSON.stringify(data, null, 2), 'application/json');
}
