import tcb from '@cloudbase/node-sdk';
import { startGateway, type RunningGateway } from '../../../emulator/gateway';
import { sdkEnv } from '../../../emulator/sdk-env';

// The emulator answers the SDK's storage actions the way CloudBase does, so functions read files unchanged.
let gw: RunningGateway;
let app: ReturnType<typeof tcb.init>;
beforeAll(async () => {
  gw = await startGateway();
  Object.assign(process.env, sdkEnv(gw.url));
  app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
});
afterAll(() => gw.close());

describe('emulator storage through the real SDK', () => {
  it('uploadFile then downloadFile gives the same bytes back', async () => {
    const content = Buffer.from('姓名,楼栋,门牌\n王秀兰,3号楼,201\n', 'utf8');
    const { fileID } = await app.uploadFile({ cloudPath: 'roster/test.csv', fileContent: content });
    expect(fileID).toMatch(/^cloud:\/\/local\/[\w.-]+test\.csv$/);
    const res = await app.downloadFile({ fileID });
    expect(Buffer.from(res.fileContent as Buffer).equals(content)).toBe(true);
  });

  it('downloads a file saved straight into the gateway’s storage', async () => {
    const { fileID } = gw.files.save('direct.csv', Buffer.from('hello'));
    const res = await app.downloadFile({ fileID });
    expect(String(res.fileContent)).toBe('hello');
  });

  it('getTempFileURL answers a URL that serves the file, and a missing file with STORAGE_FILE_NONEXIST', async () => {
    const { fileID } = gw.files.save('a.txt', Buffer.from('abc'));
    const { fileList } = await app.getTempFileURL({ fileList: [fileID, 'cloud://local/nope-missing.csv'] });
    expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    expect(await (await fetch(fileList[0]!.tempFileURL)).text()).toBe('abc');
    expect(fileList[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
  });

  it('downloadFile of a missing file throws STORAGE_FILE_NONEXIST', async () => {
    await expect(app.downloadFile({ fileID: 'cloud://local/nope.csv' })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    await expect(app.downloadFile({ fileID: 'cloud://other-env.1234/roster.csv' })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });
});
