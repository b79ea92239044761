// The cache's index: one record per stored object (size, content type, validators, fetch time,
// last use), kept in memory by the cache and mirrored in SQLite (node:sqlite, as the catalogue),
// where a save writes only the records that changed. It was one JSON file rewritten whole every
// few seconds while covers arrived: at 10,000 objects that cost 32 ms of main-process CPU a save
// (13 ms of it one blocking JSON.stringify), at 40,000 about 140 ms, growing with the cache.
//
// A database that cannot be read, or whose rows do not match the schema, is moved aside and the
// cache starts empty (its objects are removed, since nothing would account for their size any
// more): a broken index never stops the app. An index.json of an earlier version is read once
// into the database and removed.

import { readFile, rename, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { AppError } from '../../../shared/errors';
import { z } from 'zod';

export const entrySchema = z.object({
  key: z.string().min(1).max(1024),
  mediaId: z.string().min(1).max(128),
  /** Null for a cover. */
  fileName: z.string().min(1).max(255).nullable(),
  /** Relative to the cache folder, with '/' separators. */
  path: z.string().min(1).max(1024),
  size: z.number().int().min(0),
  contentType: z.string().max(256),
  etag: z.string().max(1024).nullable(),
  lastModified: z.string().max(128).nullable(),
  fetchedAt: z.number(),
  lastUsedAt: z.number(),
});

const indexSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

export type CacheEntry = z.output<typeof entrySchema>;

const within = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/**
 * entrySchema's rules, checked by hand: opening a cache reads every record, and zod took about
 * as long as the read itself (some 100 ms at 40,000 records). A test keeps the two in step.
 */
export function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    within(e['key'], 1, 1024) &&
    within(e['mediaId'], 1, 128) &&
    (e['fileName'] === null || within(e['fileName'], 1, 255)) &&
    within(e['path'], 1, 1024) &&
    Number.isSafeInteger(e['size']) &&
    (e['size'] as number) >= 0 &&
    within(e['contentType'], 0, 256) &&
    (e['etag'] === null || within(e['etag'], 0, 1024)) &&
    (e['lastModified'] === null || within(e['lastModified'], 0, 128)) &&
    Number.isFinite(e['fetchedAt']) &&
    Number.isFinite(e['lastUsedAt'])
  );
}

export type IndexLoad =
  | { ok: true; entries: CacheEntry[] }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'corrupt'; movedTo: string | null };

export async function loadIndex(path: string, now: number): Promise<IndexLoad> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'corrupt', movedTo: await moveAside(path, now) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', movedTo: await moveAside(path, now) };
  }
  const checked = indexSchema.safeParse(parsed);
  if (!checked.success)
    return { ok: false, reason: 'corrupt', movedTo: await moveAside(path, now) };
  return { ok: true, entries: checked.data.entries };
}

async function moveAside(path: string, now: number): Promise<string | null> {
  const target = `${path.replace(/\.json$/, '')}.corrupt-${now}.json`;
  return rename(path, target).then(
    () => target,
    () => null,
  );
}

const SCHEMA_VERSION = 1;

/** The index's database. Its calls are synchronous and each touches only the rows named. */
export class CacheIndexDb {
  private readonly upsert: StatementSync;
  private readonly remove: StatementSync;

  private constructor(private readonly db: DatabaseSync) {
    this.upsert = db.prepare(
      `INSERT INTO entries (key, media_id, file_name, path, size, content_type, etag,
         last_modified, fetched_at, last_used_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET
         media_id = excluded.media_id, file_name = excluded.file_name, path = excluded.path,
         size = excluded.size, content_type = excluded.content_type, etag = excluded.etag,
         last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
         last_used_at = excluded.last_used_at`,
    );
    this.remove = db.prepare('DELETE FROM entries WHERE key = ?');
  }

  /**
   * Opens the database at `path` (an index.json of the earlier format at `legacyJson` is carried
   * over once). One that cannot be opened or read is moved aside and an empty one started; where
   * even that fails, the index lives in memory for this run: the app never stops for its cache.
   */
  static async open(
    path: string,
    legacyJson: string,
    now: number,
  ): Promise<{ db: CacheIndexDb; load: IndexLoad }> {
    try {
      const db = CacheIndexDb.connect(path);
      try {
        const entries = db.readAll();
        const legacy = await loadIndex(legacyJson, now);
        if (legacy.ok && entries.length === 0) db.write(legacy.entries, []);
        if (legacy.ok) await rm(legacyJson, { force: true });
        if (entries.length > 0) return { db, load: { ok: true, entries } };
        return {
          db,
          load: legacy.ok || legacy.reason === 'corrupt' ? legacy : { ok: true, entries },
        };
      } catch (error) {
        db.close();
        throw error;
      }
    } catch {
      const movedTo = await moveAsideDb(path, now);
      const load: IndexLoad = { ok: false, reason: 'corrupt', movedTo };
      try {
        return { db: CacheIndexDb.connect(path), load };
      } catch {
        return { db: CacheIndexDb.connect(':memory:'), load };
      }
    }
  }

  private static connect(path: string): CacheIndexDb {
    const db = new DatabaseSync(path);
    try {
      // Another process (a second app instance, the CLI) may be writing: wait a little for it.
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 200;');
      const version = (db.prepare('PRAGMA user_version').get() as { user_version: number })
        .user_version;
      if (version === 0) {
        db.exec(`
          CREATE TABLE entries (
            key TEXT PRIMARY KEY,
            media_id TEXT NOT NULL,
            file_name TEXT,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            fetched_at REAL NOT NULL,
            last_used_at REAL NOT NULL
          ) WITHOUT ROWID;
          PRAGMA user_version = ${SCHEMA_VERSION};
        `);
      } else if (version !== SCHEMA_VERSION) {
        throw new Error(`unknown cache index version ${version}`);
      }
      return new CacheIndexDb(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Every record; throws when one does not match the schema (the caller resets the index). */
  private readAll(): CacheEntry[] {
    const rows = this.db
      .prepare(
        `SELECT key, media_id AS mediaId, file_name AS fileName, path, size,
           content_type AS contentType, etag, last_modified AS lastModified,
           fetched_at AS fetchedAt, last_used_at AS lastUsedAt
         FROM entries`,
      )
      .all();
    for (const row of rows) {
      if (!isCacheEntry(row)) throw new Error('a cache index record does not match the schema');
    }
    return rows as unknown as CacheEntry[];
  }

  /** Stores `put` and deletes `removed` (keys), all or nothing. */
  write(put: Iterable<CacheEntry>, removed: Iterable<string>): void {
    try {
      this.db.exec('BEGIN');
      try {
        for (const key of removed) this.remove.run(key);
        for (const e of put) {
          this.upsert.run(
            e.key,
            e.mediaId,
            e.fileName,
            e.path,
            e.size,
            e.contentType,
            e.etag,
            e.lastModified,
            e.fetchedAt,
            e.lastUsedAt,
          );
        }
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      if (isDiskFull(error)) throw diskFull(error);
      throw new AppError('INTERNAL', 'The media cache could not save its index.', { cause: error });
    }
  }

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

function isDiskFull(error: unknown): boolean {
  const e = error as { code?: string; errcode?: number; message?: string };
  // SQLITE_FULL is 13; the write of the database file itself may also fail with ENOSPC.
  return (
    e.errcode === 13 || e.code === 'ENOSPC' || /database or disk is full/.test(e.message ?? '')
  );
}

function diskFull(error: unknown): AppError {
  return new AppError('DISK_FULL', 'The disk is full, so the media cache index was not saved.', {
    cause: error,
  });
}

async function moveAsideDb(path: string, now: number): Promise<string | null> {
  const target = `${path.replace(/\.sqlite$/, '')}.corrupt-${now}.sqlite`;
  await rm(`${path}-wal`, { force: true });
  await rm(`${path}-shm`, { force: true });
  return rename(path, target).then(
    () => target,
    () => rm(path, { force: true }).then(() => null),
  );
}
