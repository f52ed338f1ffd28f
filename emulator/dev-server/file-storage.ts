import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import { basename, join } from 'path';

const FILE_ID_PREFIX = 'cloud://local/';

/** What `wx.cloud.uploadFile` does in the cloud: keeps a file and answers a fileID plus a URL to show it. */
export class FileStorage {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir: string | null) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  save(name: string, content: Buffer): { fileID: string; url: string } {
    const id = this.newId(name);
    this.put(id, content);
    return { fileID: this.fileIdOf(id), url: `/files/${id}` };
  }

  /** A fresh id for a file named `name` (the SDK's upload asks for one before it sends the content). */
  newId(name: string): string {
    const safe = basename(name).replace(/[^\w.-]/g, '_').slice(-60) || 'file';
    return `${randomBytes(8).toString('hex')}-${safe}`;
  }

  put(id: string, content: Buffer): void {
    const safe = basename(id);
    if (this.dir) writeFileSync(join(this.dir, safe), content);
    else this.memory.set(safe, content);
  }

  fileIdOf(id: string): string {
    return `${FILE_ID_PREFIX}${id}`;
  }

  /** The id inside a fileID this storage issued; null for any other fileID. */
  idOf(fileID: string): string | null {
    const id = fileID.startsWith(FILE_ID_PREFIX) ? fileID.slice(FILE_ID_PREFIX.length) : '';
    return /^[\w.-]+$/.test(id) ? id : null;
  }

  /** Deletes a file (the SDK's deleteFile); false when there was none. */
  remove(id: string): boolean {
    const safe = basename(id);
    if (this.dir) {
      const full = join(this.dir, safe);
      if (!existsSync(full)) return false;
      unlinkSync(full);
      return true;
    }
    return this.memory.delete(safe);
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
