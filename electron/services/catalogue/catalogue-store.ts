// The local catalogue of one library source, in SQLite through Node's built-in node:sqlite (no
// native module to rebuild for Electron; see the README for the choice). One file per source,
// holding the items (the full MediaItem as JSON, its search-index entry as JSON, and its title's
// pinyin), the tags, favourites and a few facts about the last sync. The stored entry is what
// opening a catalogue reads: indexing 20,000 items afresh (folding every text) was most of the
// open, which blocks the main process when the app starts.
//
// Sync writes are generation-stamped: a complete sync deletes what it did not see, an
// interrupted one only adds and updates, so a cut never loses items already synced.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import type { MediaItem, MediaTag } from '../../../shared/domain';
import { isBusinessType } from '../../../shared/domain';
import { FavouriteSyncStore } from './favourite-sync-store';
import { INDEX_ENTRY_VERSION, storedEntryJson } from './search-index';
import type { IndexedItem } from './search-index';

const SCHEMA_VERSION = 2;

export interface StoredRow {
  mediaId: string;
  /** The item's JSON: read only for a row without an entry (see rows()). */
  json: string | null;
  pinyinFull: string | null;
  pinyinInitials: string | null;
  /** The item's search-index entry as JSON; null in rows stored before entries were. */
  entry: string | null;
}

export interface StoredItem {
  item: MediaItem;
  /** Its search-index entry (it carries the title's pinyin too). */
  entry: IndexedItem;
}

export class CatalogueStore {
  private readonly db: DatabaseSync;
  private readonly upsert: StatementSync;
  private readonly getJson: StatementSync;
  private readonly putEntry: StatementSync;
  /** Favourites sync's outbox and facts, in this database. */
  readonly favouriteSync: FavouriteSyncStore;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    this.migrate();
    this.dropStaleEntries();
    this.upsert = this.db.prepare(
      `INSERT INTO media (media_id, json, title, generation, pinyin_full, pinyin_initials, entry)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(media_id) DO UPDATE SET
         json = excluded.json,
         title = excluded.title,
         generation = excluded.generation,
         pinyin_full = excluded.pinyin_full,
         pinyin_initials = excluded.pinyin_initials,
         entry = excluded.entry`,
    );
    this.putEntry = this.db.prepare('UPDATE media SET entry = ? WHERE media_id = ?');
    this.getJson = this.db.prepare('SELECT json FROM media WHERE media_id = ?');
    this.favouriteSync = new FavouriteSyncStore(this.db);
  }

  private migrate(): void {
    const version = (this.db.prepare('PRAGMA user_version').get() as { user_version: number })
      .user_version;
    if (version === SCHEMA_VERSION) return;
    if (version === 1) {
      // Version 1 had no stored entries: its items stay (a user offline keeps the catalogue) and
      // opening it indexes them afresh once and stores their entries (see putEntries).
      this.db.exec(`
        ALTER TABLE media ADD COLUMN entry TEXT;
        PRAGMA user_version = ${SCHEMA_VERSION};
      `);
      return;
    }
    // The catalogue is a cache of the service: an unknown schema is rebuilt by the next sync,
    // but favourites are the user's own and survive.
    this.db.exec(`
      DROP TABLE IF EXISTS media;
      DROP TABLE IF EXISTS tags;
      DROP TABLE IF EXISTS meta;
      CREATE TABLE media (
        media_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        title TEXT NOT NULL,
        generation INTEGER NOT NULL,
        pinyin_full TEXT,
        pinyin_initials TEXT,
        entry TEXT
      );
      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        business_type TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL
      );
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS favourites (media_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  /** Entries written by a version of the index that built them differently are indexed afresh. */
  private dropStaleEntries(): void {
    const version = String(INDEX_ENTRY_VERSION);
    if (this.meta('indexEntryVersion') === version) return;
    this.transaction(() => {
      this.db.exec('UPDATE media SET entry = NULL');
      this.setMeta('indexEntryVersion', version);
    });
  }

  meta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  /** The next sync's generation stamp. */
  nextGeneration(): number {
    const next = Number(this.meta('generation') ?? '0') + 1;
    this.setMeta('generation', String(next));
    return next;
  }

  /** Stores a batch in one transaction (one per batch keeps the writes cheap). */
  putItems(entries: readonly StoredItem[], generation: number): void {
    if (entries.length === 0) return;
    this.transaction(() => {
      for (const { item, entry } of entries) {
        this.upsert.run(
          item.mediaId,
          JSON.stringify(item),
          item.title,
          generation,
          entry.pinyinFull,
          entry.pinyinInitials,
          storedEntryJson(entry),
        );
      }
    });
  }

  /** Stores the entries of rows that had none (or an unreadable one). */
  putEntries(entries: readonly IndexedItem[]): void {
    if (entries.length === 0) return;
    this.transaction(() => {
      for (const entry of entries) this.putEntry.run(storedEntryJson(entry), entry.mediaId);
    });
  }

  /**
   * After a complete sync: removes the items it did not list. (Unchanged items are not written
   * by a re-sync, so their generation stamp is older: what was listed is the test.)
   */
  removeExcept(listed: ReadonlySet<string>): number {
    // Every listed id is stored (written now, or unchanged since it was), so when the counts
    // agree there is nothing else: the common re-sync skips reading every id back.
    if (this.count() === listed.size) return 0;
    const stored = this.db.prepare('SELECT media_id FROM media').all() as { media_id: string }[];
    const gone = stored.filter((r) => !listed.has(r.media_id));
    if (gone.length === 0) return 0;
    const remove = this.db.prepare('DELETE FROM media WHERE media_id = ?');
    this.transaction(() => {
      for (const { media_id } of gone) remove.run(media_id);
    });
    return gone.length;
  }

  putTags(tags: readonly MediaTag[]): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM tags');
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO tags (id, business_type, name_zh, name_en) VALUES (?, ?, ?, ?)',
      );
      for (const tag of tags) insert.run(tag.id, tag.businessType, tag.nameZh, tag.nameEn);
    });
  }

  tags(): MediaTag[] {
    const rows = this.db
      .prepare('SELECT id, business_type, name_zh, name_en FROM tags ORDER BY rowid')
      .all() as { id: string; business_type: string; name_zh: string; name_en: string }[];
    const tags: MediaTag[] = [];
    for (const row of rows) {
      if (!isBusinessType(row.business_type)) continue;
      tags.push({
        id: row.id,
        businessType: row.business_type,
        nameZh: row.name_zh,
        nameEn: row.name_en,
      });
    }
    return tags;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n;
  }

  /**
   * Every stored item's entry, for building the search index, read one row at a time: each
   * row's text is dropped as soon as it is parsed, instead of all of them (tens of MB at 20,000
   * items) living until the last is read and being copied by every young-generation GC meanwhile.
   */
  *rows(): Generator<StoredRow> {
    const rows = this.db
      // A row with an entry does not need its item's JSON (most of the bytes: the signed links).
      .prepare(
        `SELECT media_id, entry, pinyin_full, pinyin_initials,
           CASE WHEN entry IS NULL THEN json END AS json FROM media`,
      )
      .iterate() as Iterable<{
      media_id: string;
      json: string | null;
      pinyin_full: string | null;
      pinyin_initials: string | null;
      entry: string | null;
    }>;
    for (const r of rows) {
      yield {
        mediaId: r.media_id,
        json: r.json,
        pinyinFull: r.pinyin_full,
        pinyinInitials: r.pinyin_initials,
        entry: r.entry,
      };
    }
  }

  items(mediaIds: readonly string[]): MediaItem[] {
    const found: MediaItem[] = [];
    for (const id of mediaIds) {
      const item = this.item(id);
      if (item) found.push(item);
    }
    return found;
  }

  /** The stored JSON of an item, as written. */
  itemJson(mediaId: string): string | null {
    const row = this.getJson.get(mediaId) as { json: string } | undefined;
    return row?.json ?? null;
  }

  item(mediaId: string): MediaItem | null {
    const json = this.itemJson(mediaId);
    return json === null ? null : (JSON.parse(json) as MediaItem);
  }

  setFavourite(mediaId: string, favourite: boolean, now: Date): void {
    if (favourite) {
      this.db
        .prepare('INSERT OR IGNORE INTO favourites (media_id, added_at) VALUES (?, ?)')
        .run(mediaId, now.toISOString());
    } else {
      this.db.prepare('DELETE FROM favourites WHERE media_id = ?').run(mediaId);
    }
  }

  /**
   * Makes the favourites exactly these ids (newest first, as the service lists them): ids kept
   * keep their time added, new ones are added now in that order.
   */
  replaceFavourites(mediaIds: readonly string[], now: Date): void {
    const wanted = new Set(mediaIds);
    this.transaction(() => {
      for (const id of this.favourites()) {
        if (!wanted.has(id)) this.db.prepare('DELETE FROM favourites WHERE media_id = ?').run(id);
      }
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO favourites (media_id, added_at) VALUES (?, ?)',
      );
      // Inserted oldest first: among equal times, the later row sorts first.
      for (const id of [...wanted].reverse()) insert.run(id, now.toISOString());
    });
  }

  /** Favourite ids, most recently added first. */
  favourites(): string[] {
    const rows = this.db
      .prepare('SELECT media_id FROM favourites ORDER BY added_at DESC, rowid DESC')
      .all() as { media_id: string }[];
    return rows.map((r) => r.media_id);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private transaction(run: () => void): void {
    this.db.exec('BEGIN');
    try {
      run();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
