import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';

/** What `wx.cloud.uploadFile` does in the cloud: keeps a file and answers a fileID plus a URL to show it. */
export class FileStorage {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir: string | null) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  save(name: string, content: Buffer): { fileID: string; url: string } {
    const safe = basename(name).replace(/[^\w.-]/g, '_').slice(-60) || 'file';
    const id = `${randomBytes(8).toString('hex')}-${safe}`;
    if (this.dir) writeFileSync(join(this.dir, id), content);
    else this.memory.set(id, content);
    return { fileID: `cloud://local/${id}`, url: `/files/${id}` };
  }

  read(id: string): Buffer | null {
    const safe = basename(id);
    if (this.dir) {
      const full = join(this.dir, safe);
      return existsSync(full) ? readFileSync(full) : null;
    }
    return this.memory.get(safe) ?? null;
  }
}
