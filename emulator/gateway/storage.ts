// Cloud storage as the real @cloudbase/node-sdk reaches it (node_modules/@cloudbase/node-sdk/src/storage):
// - `storage.batchGetDownloadUrl` {file_list: [{fileid, max_age?, url_type?}]} answers
//   {data: {download_list: [{fileID, tempFileURL, code}]}}; a missing file has code STORAGE_FILE_NONEXIST
//   (downloadFile then throws it), and downloadFile GETs the tempFileURL.
// - `storage.getUploadMetadata` {path} answers {data: {url, token, authorization, fileId, cosFileId}};
//   uploadFile then PUTs the content to `url` and reads an empty body as success.
// - `storage.batchDeleteFile` {fileid_list: [fileID]} answers {data: {delete_list: [{fileID, code}]}} (deleteFile
//   answers it as fileList); a file that is not there has code STORAGE_FILE_NONEXIST, the others SUCCESS.
// Files live in the dev server's FileStorage (fileIDs `cloud://local/<id>`, served at /files/<id>).
import type http from 'http';
import type { FileStorage } from '../dev-server/file-storage';
import { invalid } from './errors';

export interface StorageOptions {
  files: FileStorage;
  /** Where this server is reached, e.g. http://127.0.0.1:8787: temp URLs and upload URLs start here. */
  baseUrl: string;
}

type Params = Record<string, unknown>;

const UPLOAD_PATH = /^\/__storage\/([\w.-]+)$/;
const FILE_PATH = /^\/files\/([\w.-]+)$/;

function downloadUrls(p: Params, options: StorageOptions): Record<string, unknown> {
  if (!Array.isArray(p.file_list) || p.file_list.length === 0) throw invalid('file_list must be a non-empty array');
  const download_list = p.file_list.map((item: unknown) => {
    const fileID = typeof item === 'object' && item !== null ? (item as Params).fileid : undefined;
    if (typeof fileID !== 'string' || !fileID) throw invalid('each file_list item needs a fileid');
    const id = options.files.idOf(fileID);
    if (!id || !options.files.read(id)) {
      return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: `file ${fileID} does not exist` };
    }
    return { fileID, tempFileURL: `${options.baseUrl}/files/${id}`, code: 'SUCCESS' };
  });
  return { data: { download_list } };
}

function uploadMetadata(p: Params, options: StorageOptions): Record<string, unknown> {
  const path = p.path;
  if (typeof path !== 'string' || !path) throw invalid('path is required');
  const id = options.files.newId(path);
  return {
    data: {
      url: `${options.baseUrl}/__storage/${id}`,
      token: 'local',
      authorization: 'local',
      fileId: options.files.fileIdOf(id),
      cosFileId: id,
    },
  };
}

function deleteFiles(p: Params, options: StorageOptions): Record<string, unknown> {
  if (!Array.isArray(p.fileid_list) || p.fileid_list.length === 0) throw invalid('fileid_list must be a non-empty array');
  const delete_list = p.fileid_list.map((fileID: unknown) => {
    if (typeof fileID !== 'string' || !fileID) throw invalid('each fileid_list item must be a fileID');
    const id = options.files.idOf(fileID);
    return id && options.files.remove(id) ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: `file ${fileID} does not exist` };
  });
  return { data: { delete_list } };
}

/** Answers a `storage.*` action of POST /admin; undefined for an action this emulator does not know. */
export function storageAction(action: string, p: Params, options: StorageOptions): Record<string, unknown> | undefined {
  if (action === 'storage.batchGetDownloadUrl') return downloadUrls(p, options);
  if (action === 'storage.getUploadMetadata') return uploadMetadata(p, options);
  if (action === 'storage.batchDeleteFile') return deleteFiles(p, options);
  return undefined;
}

/** The HTTP side: PUT /__storage/<id> (the SDK's upload) and GET /files/<id> (a temp URL). False if not ours. */
export function serveStorage(files: FileStorage, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const upload = UPLOAD_PATH.exec(path);
  if (req.method === 'PUT' && upload) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      files.put(upload[1]!, Buffer.concat(chunks));
      // COS answers a successful PUT with an empty body.
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    });
    return true;
  }
  const file = FILE_PATH.exec(path);
  if (req.method === 'GET' && file) {
    const content = files.read(file[1]!);
    res.writeHead(content ? 200 : 404, { 'content-type': 'application/octet-stream', 'content-length': content?.length ?? 0 });
    res.end(content ?? undefined);
    return true;
  }
  return false;
}
