// The local media cache behind every thumbnail, preview and file the app shows or hands out.
// Objects are keyed by MediaId and file name (never by URL: signed URLs change with every
// listing and expire), stored under the app's data folder, and described by an index with size,
// content type, ETag/Last-Modified, fetch time and last use.
//
// - A fetch goes to a part file in tmp/ and is renamed into place only when complete, so a cut
//   or failed fetch never leaves a half file that could be served as whole.
// - Concurrent requests for one object share one fetch; each caller may cancel its own wait, and
//   the fetch stops only when nobody waits any more.
// - Signed URLs are learnt from the library's answers. One that has expired (by its own Expires,
//   or by the server's 403) is replaced by a fresh one from GetPublicMediaInfo, once per fetch.
// - Cuts are resumed with If-Range (see fetch-object.ts); a changed object starts from zero.
// - Least-recently-used objects are evicted beyond the size limit.
// - Hits never touch the network, so whatever is cached keeps working offline.
//
// Plain Node: the Electron shell and the browser preview serve it through media-response.ts.

import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import type { MediaItem } from '../../../shared/domain';
import type { MediaTarget } from '../../../shared/media-url';
import { numberedName } from '../ice/file-names';
import { contentTypeFor } from '../app/static-path';
import { CacheIndexDb } from './cache-index';
import type { CacheEntry } from './cache-index';
import {
  PartFolderMissing,
  TransientFailure,
  UrlRefused,
  defaultOpenWrite,
  fetchAttempt,
} from './fetch-object';
import type { OpenWrite, PartialObject } from './fetch-object';
import {
  COVERS_DIR,
  FILES_DIR,
  INDEX_FILE,
  LEGACY_INDEX_FILE,
  TEMP_DIR,
  absoluteInside,
  keyOf,
  preferredPath,
} from './object-paths';
import { urlHasExpired } from './signed-url';

export const DEFAULT_CACHE_LIMIT_BYTES = 2 * 1024 ** 3;

/** Where the cache gets fresh URLs and learns how far it may reach. */
export interface MediaLocator {
  /** The item with fresh signed URLs (GetPublicMediaInfo on the active library). */
  lookUp(mediaId: string, signal?: AbortSignal): Promise<MediaItem>;
  /** True only when the library itself is on a loopback/private host (the demo server). */
  allowInternalHosts(): Promise<boolean>;
  /** The library server's clock minus ours, in ms, for reading a URL's Expires. */
  clockOffsetMs?(): number;
}

export interface CachedObject {
  path: string;
  size: number;
  contentType: string;
}

export interface EnsureOptions {
  onProgress?: (received: number, total: number | null) => void;
  signal?: AbortSignal;
}

export interface MediaCacheStats {
  dir: string;
  usedBytes: number;
  limitBytes: number;
  entryCount: number;
  online: boolean;
}

export interface MediaCacheOptions {
  dir: string;
  limitBytes?: number;
  locator: MediaLocator;
  now?: () => number;
  /** Attempts after the first for cuts, 5xx and dropped connections. Default 3. */
  retryLimit?: number;
  retryBaseDelayMs?: number;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** How part files are written; tests inject a full disk. */
  openWrite?: OpenWrite;
  /** Called when fetches start failing for want of a network, and when one succeeds again. */
  onOnlineChange?: (online: boolean) => void;
  /** Delay before last-use times are saved (they change on every hit). Default 2 s. */
  saveDelayMs?: number;
}

interface SharedFetch {
  promise: Promise<CachedObject>;
  controller: AbortController;
  waiters: number;
  progress: Set<(received: number, total: number | null) => void>;
}

interface KnownUrls {
  cover: string | null;
  files: Map<string, string>;
}

const MAX_KNOWN_ITEMS = 100_000;

export class MediaCache {
  readonly dir: string;
  /** A sentence for the user when the index had to be rebuilt at start, else null. */
  readonly notice: string | null = null;
  private limitBytes: number;
  private readonly entries = new Map<string, CacheEntry>();
  private readonly pathOwners = new Map<string, string>();
  private usedBytes = 0;
  private readonly inflight = new Map<string, SharedFetch>();
  private readonly refreshes = new Map<string, Promise<MediaItem>>();
  private readonly known = new Map<string, KnownUrls>();
  private online = true;
  private saveTimer: NodeJS.Timeout | null = null;
  /** Keys whose records changed (added, used or dropped) since the index was last saved. */
  private readonly dirty = new Set<string>();
  private closed = false;
  private readonly now: () => number;
  private readonly openWrite: OpenWrite;

  private constructor(
    private readonly options: MediaCacheOptions,
    private readonly db: CacheIndexDb,
    notice: string | null,
  ) {
    this.dir = options.dir;
    this.limitBytes = options.limitBytes ?? DEFAULT_CACHE_LIMIT_BYTES;
    this.now = options.now ?? Date.now;
    this.openWrite = options.openWrite ?? defaultOpenWrite;
    this.notice = notice;
  }

  /** Opens (or creates) the cache in options.dir, recovering from a broken index. */
  static async open(options: MediaCacheOptions): Promise<MediaCache> {
    const dir = options.dir;
    await mkdir(dir, { recursive: true });
    // Part files of an earlier run are never resumed across runs: start clean.
    await rm(join(dir, TEMP_DIR), { recursive: true, force: true });
    await mkdir(join(dir, TEMP_DIR), { recursive: true });
    const { db, load: loaded } = await CacheIndexDb.open(
      join(dir, INDEX_FILE),
      join(dir, LEGACY_INDEX_FILE),
      (options.now ?? Date.now)(),
    );
    let notice: string | null = null;
    if (!loaded.ok && loaded.reason === 'corrupt') {
      // Nothing describes the stored objects any more: remove them rather than keep bytes that
      // would escape the size limit.
      await rm(join(dir, COVERS_DIR), { recursive: true, force: true });
      await rm(join(dir, FILES_DIR), { recursive: true, force: true });
      notice = 'The media cache index was damaged and has been reset; media will be fetched again.';
    }
    const cache = new MediaCache(options, db, notice);
    if (loaded.ok) {
      for (const entry of loaded.entries) {
        if (absoluteInside(dir, entry.path) === null || cache.pathOwners.has(entry.path)) continue;
        cache.add(entry);
      }
      cache.dirty.clear(); // what was just read is what the index holds
    }
    return cache;
  }

  // ---- what callers use ------------------------------------------------------------------------

  /** The absolute path of a complete cached file, or null. Synchronous (drag-out needs it). */
  completedPath(mediaId: string, fileName: string): string | null {
    return this.completedTarget({ kind: 'file', mediaId, fileName });
  }

  /** The absolute path of a cached cover, or null. Synchronous (a drag icon needs it). */
  completedCoverPath(mediaId: string): string | null {
    return this.completedTarget({ kind: 'cover', mediaId });
  }

  /** Fetches a file into the cache (or finds it there), refreshing an expired link. */
  ensure(mediaId: string, fileName: string, options: EnsureOptions = {}): Promise<CachedObject> {
    return this.ensureTarget({ kind: 'file', mediaId, fileName }, options);
  }

  ensureCover(mediaId: string, options: EnsureOptions = {}): Promise<CachedObject> {
    return this.ensureTarget({ kind: 'cover', mediaId }, options);
  }

  async ensureTarget(target: MediaTarget, options: EnsureOptions = {}): Promise<CachedObject> {
    if (this.closed) throw new AppError('CANCELLED', 'The media cache is closed.');
    if (options.signal?.aborted) throw cancelled();
    const key = keyOf(target);
    const entry = this.entries.get(key);
    if (entry) {
      const path = absoluteInside(this.dir, entry.path) as string;
      const found = await stat(path).then(
        (s) => s.isFile() && s.size === entry.size,
        () => false,
      );
      if (found) {
        this.touch(entry);
        return { path, size: entry.size, contentType: entry.contentType };
      }
      this.forget(key);
    }
    let shared = this.inflight.get(key);
    // A fetch every caller gave up on may still be winding down: a new request starts afresh
    // rather than joining it (a download cancelled and retried at once would be cancelled again).
    if (!shared || shared.controller.signal.aborted) shared = this.startFetch(target, key);
    return this.wait(shared, options);
  }

  /** Records the signed URLs of listed items, for fetching their objects later. */
  remember(items: readonly MediaItem[]): void {
    for (const item of items) {
      this.known.delete(item.mediaId); // re-insert: the Map's order is the age of the knowledge
      this.known.set(item.mediaId, {
        cover: item.coverUrl,
        files: new Map(item.files.filter((f) => f.url !== '').map((f) => [f.fileName, f.url])),
      });
    }
    while (this.known.size > MAX_KNOWN_ITEMS) {
      const oldest = this.known.keys().next().value as string;
      this.known.delete(oldest);
    }
  }

  /** Drops an object whose file vanished or could not be read. */
  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.pathOwners.delete(entry.path);
    this.usedBytes -= entry.size;
    this.dirty.add(key);
    this.scheduleSave();
  }

  stats(): MediaCacheStats {
    return {
      dir: this.dir,
      usedBytes: this.usedBytes,
      limitBytes: this.limitBytes,
      entryCount: this.entries.size,
      online: this.online,
    };
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** Fetches under way; each read its URL's lifetime when it started. */
  get fetchesInFlight(): number {
    return this.inflight.size;
  }

  async setLimit(bytes: number): Promise<void> {
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
      throw new AppError('INVALID_INPUT', 'The cache limit must be a whole number of bytes.');
    }
    this.limitBytes = bytes;
    await this.evict(null);
    await this.saveNow();
  }

  /** Removes every cached object (fetches under way still complete and are kept). */
  async clear(): Promise<void> {
    const paths = [...this.entries.values()].map((e) => absoluteInside(this.dir, e.path));
    for (const key of this.entries.keys()) this.dirty.add(key);
    this.entries.clear();
    this.pathOwners.clear();
    this.usedBytes = 0;
    await this.saveNow();
    await Promise.all(paths.map((p) => (p === null ? null : rm(p, { force: true }))));
    await this.removeEmptyFolders();
  }

  /** Removes files on disk that the index does not know (a crash between rename and save). */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const top of [COVERS_DIR, FILES_DIR]) {
      const folders = await readdir(join(this.dir, top)).catch(() => [] as string[]);
      for (const folder of folders) {
        const names = await readdir(join(this.dir, top, folder)).catch(() => [] as string[]);
        for (const name of names) {
          const rel = `${top}/${folder}/${name}`;
          if (this.pathOwners.has(rel)) continue;
          const abs = absoluteInside(this.dir, rel);
          if (abs === null) continue;
          await rm(abs, { force: true, recursive: true });
          removed += 1;
        }
      }
    }
    await this.removeEmptyFolders();
    return removed;
  }

  /** Saves the index and stops every fetch under way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const shared of this.inflight.values()) shared.controller.abort();
    try {
      await this.saveNow();
    } finally {
      this.db.close();
    }
  }

  // ---- fetching --------------------------------------------------------------------------------

  private startFetch(target: MediaTarget, key: string): SharedFetch {
    const controller = new AbortController();
    const shared: SharedFetch = {
      controller,
      waiters: 0,
      progress: new Set(),
      promise: Promise.resolve(null as unknown as CachedObject),
    };
    const report = (received: number, total: number | null): void => {
      for (const listener of shared.progress) listener(received, total);
    };
    shared.promise = this.fetchTarget(target, key, controller.signal, report).finally(() => {
      if (this.inflight.get(key) === shared) this.inflight.delete(key);
    });
    shared.promise.catch(() => undefined);
    this.inflight.set(key, shared);
    return shared;
  }

  private wait(shared: SharedFetch, options: EnsureOptions): Promise<CachedObject> {
    shared.waiters += 1;
    const progress = options.onProgress;
    if (progress) shared.progress.add(progress);
    return new Promise<CachedObject>((resolve, reject) => {
      let settled = false;
      const leave = (): void => {
        if (settled) return;
        settled = true;
        if (progress) shared.progress.delete(progress);
        options.signal?.removeEventListener('abort', onAbort);
        shared.waiters -= 1;
      };
      const onAbort = (): void => {
        if (settled) return;
        leave();
        if (shared.waiters === 0) shared.controller.abort();
        reject(cancelled());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error);
        },
      );
    });
  }

  private async fetchTarget(
    target: MediaTarget,
    key: string,
    signal: AbortSignal,
    onProgress: (received: number, total: number | null) => void,
  ): Promise<CachedObject> {
    const allowInternalHosts = await this.options.locator.allowInternalHosts();
    let refreshed = false;
    let url = this.knownUrl(target);
    if (url === undefined || urlHasExpired(url, this.serverNow())) {
      url = await this.freshUrl(target, signal);
      refreshed = true;
    }
    const part: PartialObject = {
      path: join(this.dir, TEMP_DIR, `${randomBytes(8).toString('hex')}.part`),
      received: 0,
      validator: null,
      total: null,
      contentType: null,
    };
    /** Whether the part became the cached file (then there is nothing left to remove). */
    let moved = false;
    try {
      let failures = 0;
      let madeFolder = false;
      for (;;) {
        if (signal.aborted) throw cancelled();
        try {
          await fetchAttempt(url, part, {
            allowInternalHosts,
            signal,
            onProgress,
            openWrite: this.openWrite,
            connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
            idleTimeoutMs: this.options.idleTimeoutMs ?? 30_000,
          });
          break;
        } catch (error) {
          if (signal.aborted) throw cancelled();
          if (error instanceof PartFolderMissing) {
            if (madeFolder) throw error.appError;
            madeFolder = true;
            await mkdir(dirname(part.path), { recursive: true }).catch((e: unknown) => {
              throw fileSystemError(e);
            });
            continue;
          }
          if (error instanceof UrlRefused) {
            // Exactly one fresh link per fetch: a second refusal is the answer.
            if (refreshed) throw error.appError;
            url = await this.freshUrl(target, signal);
            refreshed = true;
            continue;
          }
          if (!(error instanceof TransientFailure)) throw error;
          if (error.unreachable) this.setOnline(false);
          failures += 1;
          if (failures > (this.options.retryLimit ?? 3)) throw error.appError;
          const base = this.options.retryBaseDelayMs ?? 250;
          await sleep(Math.min(4_000, base * 2 ** (failures - 1)), undefined, { signal }).catch(
            () => {
              throw cancelled();
            },
          );
        }
      }
      this.setOnline(true);
      const stored = await this.store(target, key, part);
      moved = true;
      return stored;
    } finally {
      if (!moved) await rm(part.path, { force: true });
    }
  }

  private knownUrl(target: MediaTarget): string | undefined {
    const known = this.known.get(target.mediaId);
    if (!known) return undefined;
    if (target.kind === 'cover') return known.cover ?? undefined;
    return known.files.get(target.fileName);
  }

  /** Asks the library for the item again (once at a time per MediaId) and returns the URL. */
  private async freshUrl(target: MediaTarget, signal: AbortSignal): Promise<string> {
    let pending = this.refreshes.get(target.mediaId);
    if (!pending) {
      pending = this.options.locator.lookUp(target.mediaId, signal).finally(() => {
        this.refreshes.delete(target.mediaId);
      });
      this.refreshes.set(target.mediaId, pending);
    }
    let item: MediaItem;
    try {
      item = await pending;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'NETWORK' || error.code === 'TIMEOUT')) {
        this.setOnline(false);
      }
      throw error;
    }
    this.remember([item]);
    const url = this.knownUrl(target);
    if (url === undefined) {
      throw new AppError(
        'NOT_FOUND',
        target.kind === 'cover'
          ? `The library has no cover for ${target.mediaId}.`
          : `The library has no file named "${target.fileName}" for ${target.mediaId}.`,
      );
    }
    return url;
  }

  private serverNow(): number {
    return this.now() + (this.options.locator.clockOffsetMs?.() ?? 0);
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.options.onOnlineChange?.(online);
  }

  // ---- storing and evicting --------------------------------------------------------------------

  private async store(
    target: MediaTarget,
    key: string,
    part: PartialObject,
  ): Promise<CachedObject> {
    const contentType =
      part.contentType ?? contentTypeFor(target.kind === 'file' ? target.fileName : 'cover.bin');
    const relPath = this.placeFor(key, preferredPath(target, contentType));
    const path = absoluteInside(this.dir, relPath);
    if (path === null) throw new AppError('UNSAFE_PATH', 'A cache path would leave its folder.');
    this.forget(key);
    this.pathOwners.set(relPath, key); // reserved while the rename runs
    try {
      await inFolder(path, () => rename(part.path, path));
    } catch (error) {
      this.pathOwners.delete(relPath);
      throw fileSystemError(error);
    }
    const now = this.now();
    this.add({
      key,
      mediaId: target.mediaId,
      fileName: target.kind === 'file' ? target.fileName : null,
      path: relPath,
      size: part.received,
      contentType,
      etag: part.validator?.etag ?? null,
      lastModified: part.validator?.lastModified ?? null,
      fetchedAt: now,
      lastUsedAt: now,
    });
    await this.evict(key);
    this.scheduleSave();
    return { path, size: part.received, contentType };
  }

  /** The preferred path, or "name (n).ext" when another object (a name clash) holds it. */
  private placeFor(key: string, preferred: string): string {
    const owner = this.pathOwners.get(preferred);
    if (owner === undefined || owner === key) return preferred;
    const slash = preferred.lastIndexOf('/');
    const folder = preferred.slice(0, slash);
    const name = preferred.slice(slash + 1);
    for (let n = 1; ; n++) {
      const candidate = `${folder}/${numberedName(name, n)}`;
      const taken = this.pathOwners.get(candidate);
      if (taken === undefined || taken === key) return candidate;
    }
  }

  private add(entry: CacheEntry): void {
    this.entries.set(entry.key, entry);
    this.dirty.add(entry.key);
    this.pathOwners.set(entry.path, entry.key);
    this.usedBytes += entry.size;
  }

  private touch(entry: CacheEntry): void {
    entry.lastUsedAt = Math.max(this.now(), entry.lastUsedAt);
    this.dirty.add(entry.key);
    this.scheduleSave();
  }

  /** Least recently used first, until within the limit; `keep` (just stored) stays. */
  private async evict(keep: string | null): Promise<void> {
    if (this.usedBytes <= this.limitBytes) return;
    const candidates = [...this.entries.values()]
      .filter((e) => e.key !== keep)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    const doomed: string[] = [];
    for (const entry of candidates) {
      if (this.usedBytes <= this.limitBytes) break;
      const abs = absoluteInside(this.dir, entry.path);
      this.forget(entry.key);
      if (abs !== null) doomed.push(abs);
    }
    await Promise.all(doomed.map((p) => rm(p, { force: true })));
  }

  private completedTarget(target: MediaTarget): string | null {
    const key = keyOf(target);
    const entry = this.entries.get(key);
    if (!entry) return null;
    const path = absoluteInside(this.dir, entry.path);
    if (path === null || !existsSync(path)) {
      this.forget(key);
      return null;
    }
    this.touch(entry);
    return path;
  }

  private async removeEmptyFolders(): Promise<void> {
    for (const top of [COVERS_DIR, FILES_DIR]) {
      const folders = await readdir(join(this.dir, top)).catch(() => [] as string[]);
      for (const folder of folders) {
        // rmdir refuses a folder that is not empty, which is exactly the rule.
        await rmdir(join(this.dir, top, folder)).catch(() => {
          /* still in use */
        });
      }
    }
  }

  // ---- the index file --------------------------------------------------------------------------

  private scheduleSave(): void {
    if (this.saveTimer !== null || this.closed) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.saveNow().catch(() => undefined);
    }, this.options.saveDelayMs ?? 2_000);
    this.saveTimer.unref();
  }

  /** Writes the records that changed since the last save (a failed save is tried again later). */
  async saveNow(): Promise<void> {
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.dirty.size === 0 || !this.db.isOpen) return;
    const put: CacheEntry[] = [];
    const removed: string[] = [];
    for (const key of this.dirty) {
      const entry = this.entries.get(key);
      if (entry) put.push(entry);
      else removed.push(key);
    }
    this.db.write(put, removed);
    this.dirty.clear();
  }
}

/**
 * Runs a write of `path` and, when its folder is missing, makes the folder and runs it again.
 * The folders almost always exist already: making them before every write (a recursive mkdir
 * per cover) was a tenth of the cache's CPU while a grid scrolled.
 */
async function inFolder(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    await write();
  }
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The fetch was cancelled.');
}

function fileSystemError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('DISK_FULL', 'The disk is full: the media cache cannot store this file.');
  }
  return new AppError(
    'INTERNAL',
    `The media cache could not write its folder (${code ?? 'error'}).`,
  );
}
