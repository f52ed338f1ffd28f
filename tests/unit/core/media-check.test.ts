import { imageFields, imageReviewOf, parseMediaCheckPush, storedImages } from '../../../cloudfunctions/_core/media-check';
import { OPENAPI_OF_METHOD } from '../../../cloudfunctions/_core/ports/wechat';
import { FileStorage } from '../../../emulator/dev-server/file-storage';
import { storageAction } from '../../../emulator/gateway/storage';
import { IMAGE_CHECK_TEST_MARKERS, LocalWeChatPlatform } from '../../../emulator/platform/wechat.local';
import { refusedImagesNote } from '../../../src/shared/domain/media';

describe('what a save stores for the images the owner wants', () => {
  it('keeps approved ones shown in the owner’s order and puts every other one under check', () => {
    const current = { images: ['a', 'b'], pendingImages: ['c'] };
    expect(imageFields('notice', current, ['c', 'b', 'd', 'b'])).toEqual({ images: ['b'], pendingImages: ['c', 'd'], refusedImages: 0 });
    expect(imageFields('notice', null, [])).toEqual({ images: [], pendingImages: [], refusedImages: 0 });
  });

  it('a single image: the approved one stays, a new one leaves the field empty until it passes', () => {
    expect(imageFields('eventCover', { cover: 'x' }, ['x'])).toEqual({ cover: 'x', pendingImages: [], refusedImages: 0 });
    expect(imageFields('eventCover', { cover: 'x' }, ['y'])).toEqual({ cover: '', pendingImages: ['y'], refusedImages: 0 });
    expect(imageFields('cabinItemPhoto', { photo: 'x' }, [''])).toEqual({ photo: null, pendingImages: [], refusedImages: 0 });
  });

  it('documents from before the check count as approved; only the owner sees what is pending', () => {
    expect(storedImages('donationPhoto', { photo: 'p' })).toEqual({ approved: ['p'], pending: [] });
    expect(imageReviewOf({ pendingImages: ['p'], refusedImages: 2 }, false)).toEqual({ pendingImages: [], refusedImages: 0 });
    expect(imageReviewOf({}, true)).toEqual({ pendingImages: [], refusedImages: 0 });
    expect(refusedImagesNote(1)).toBe('有 1 张图片未通过审核，已移除');
    expect(refusedImagesNote(0)).toBe('');
  });
});

describe('the wxa_media_check push', () => {
  it('reads the trace id and verdict; any other shape is refused', () => {
    expect(parseMediaCheckPush({ trace_id: 't1', result: { suggest: 'risky', label: 20002 } })).toEqual({ traceId: 't1', suggest: 'risky', label: 20002 });
    for (const bad of [{}, { trace_id: '' }, { trace_id: 't', result: {} }, { trace_id: 7, result: { suggest: 'pass' } }, { trace_id: 'x'.repeat(129), result: { suggest: 'pass' } }]) {
      expect(parseMediaCheckPush(bad)).toBeNull();
    }
  });

  it('the port method is declared with its open API, so deploy grants it', () => {
    expect(OPENAPI_OF_METHOD.checkImage).toEqual(['security.mediaCheckAsync']);
  });

  it('the local platform refuses a marked file name, passes others, and pushes each verdict once', async () => {
    const platform = new LocalWeChatPlatform(() => new Date('2026-03-01T00:00:00Z'));
    const pushed: unknown[] = [];
    platform.mediaCheckDelivery = async (event) => pushed.push(event);
    const clean = await platform.checkImage({ openid: 'o1', fileId: 'cloud://local/ab-clean.png' });
    const risky = await platform.checkImage({ openid: 'o1', fileId: `cloud://local/ab-${IMAGE_CHECK_TEST_MARKERS[1]}.png` });
    expect(clean.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await platform.flushMediaChecks()).toBe(2);
    expect(await platform.flushMediaChecks()).toBe(0);
    expect(pushed).toEqual([
      expect.objectContaining({ MsgType: 'event', Event: 'wxa_media_check', trace_id: clean.traceId, version: 2, result: { suggest: 'pass', label: 100 } }),
      expect.objectContaining({ trace_id: risky.traceId, result: { suggest: 'risky', label: 20002 } }),
    ]);
    await expect(platform.checkImage({ openid: 'o1', fileId: 'wxfile://tmp.png' })).rejects.toThrow('URL WeChat can download');
  });
});

describe('a refused image’s file is deleted (the SDK’s deleteFile as the emulator answers it)', () => {
  it('storage.batchDeleteFile removes each file once and answers a per-file code', () => {
    const files = new FileStorage(null);
    const { fileID } = files.save('risky-test.png', Buffer.from('x'));
    const options = { files, baseUrl: 'http://127.0.0.1:1' };
    expect(storageAction('storage.batchDeleteFile', { fileid_list: [fileID, 'cloud://local/nope.png'] }, options)).toEqual({
      data: {
        delete_list: [
          { fileID, code: 'SUCCESS' },
          { fileID: 'cloud://local/nope.png', code: 'STORAGE_FILE_NONEXIST', message: 'file cloud://local/nope.png does not exist' },
        ],
      },
    });
    expect(files.read(files.idOf(fileID)!)).toBeNull();
    expect(storageAction('storage.batchDeleteFile', { fileid_list: [fileID] }, options)).toMatchObject({ data: { delete_list: [{ code: 'STORAGE_FILE_NONEXIST' }] } });
    expect(() => storageAction('storage.batchDeleteFile', { fileid_list: [] }, options)).toThrow('fileid_list');
  });
});
