/**
 * The built game (dist/) served by the class server: files read once and kept in memory with an ETag, hashed
 * assets cached for a year, everything else revalidated on each visit so a new build is picked up at once.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, StaticFile | null>();

  constructor(folder: string) {
    this.root = resolve(folder);
  }

  /** The file for a URL path, or undefined when there is none (or the path tries to leave the folder). */
  async get(urlPath: string): Promise<StaticFile | undefined> {
    let path: string;
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (path.includes('\0')) return undefined;
    if (this.cache.has(path)) return this.cache.get(path) ?? undefined;
    let file = normalize(join(this.root, path));
    if (file !== this.root && !file.startsWith(this.root + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    const found = body ? this.describe(file, body) : null;
    // Misses are remembered too, but only a bounded number, so probing for files cannot grow the cache.
    if (found || this.cache.size < 5000) this.cache.set(path, found);
    return found ?? undefined;
  }

  private describe(file: string, body: Buffer): StaticFile {
    const hashed = file.startsWith(join(this.root, 'assets') + sep);
    return {
      body,
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
  }
}
