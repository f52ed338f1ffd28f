import { existsSync, readFileSync, statSync } from 'fs';
import { extname, join, normalize, sep } from 'path';
import type { ServerResponse } from 'http';
import { sendText } from './http-util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Serves a file under `root`, refusing paths that climb out of it. Answers false when there is no such file. */
export function serveFile(root: string, urlPath: string, res: ServerResponse): boolean {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const full = join(root, rel);
  if (!full.startsWith(normalize(root + sep)) && full !== normalize(root)) return false;
  if (!existsSync(full) || !statSync(full).isFile()) return false;
  sendText(res, 200, contentType(full), readFileSync(full));
  return true;
}
