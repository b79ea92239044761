// What favourites sync keeps in the source's catalogue database, beside the favourites: the
// changes not yet sent to the service (the outbox), the favourites the service would not take
// (local only), and the sync's own facts (on/off, joined, last synced). Own tables, created if
// missing and never dropped by the catalogue's schema rebuild: pending changes are the user's.

import type { DatabaseSync } from 'node:sqlite';

export interface PendingFavouriteChange {
  mediaId: string;
  favourite: boolean;
  /** Bumped by every change of the same id: a send settles only the change it sent. */
  seq: number;
}

export type FavouriteSyncKey = 'enabled' | 'joined' | 'lastSyncedAt';

export class FavouriteSyncStore {
  constructor(private readonly db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS favourite_outbox (
        media_id TEXT PRIMARY KEY,
        favourite INTEGER NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS favourite_local_only (media_id TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS favourite_sync (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  value(key: FavouriteSyncKey): string | null {
    const row = this.db.prepare('SELECT value FROM favourite_sync WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setValue(key: FavouriteSyncKey, value: string | null): void {
    if (value === null) {
      this.db.prepare('DELETE FROM favourite_sync WHERE key = ?').run(key);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO favourite_sync (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  /** Records the latest intent for an id; it replaces an earlier unsent one. */
  queue(mediaId: string, favourite: boolean): void {
    this.db
      .prepare(
        `INSERT INTO favourite_outbox (media_id, favourite, seq)
         VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM favourite_outbox))
         ON CONFLICT(media_id) DO UPDATE SET favourite = excluded.favourite, seq = excluded.seq`,
      )
      .run(mediaId, favourite ? 1 : 0);
  }

  pending(): PendingFavouriteChange[] {
    const rows = this.db
      .prepare('SELECT media_id, favourite, seq FROM favourite_outbox ORDER BY seq')
      .all() as { media_id: string; favourite: number; seq: number }[];
    return rows.map((r) => ({ mediaId: r.media_id, favourite: r.favourite === 1, seq: r.seq }));
  }

  /** Removes the sent changes, unless the same id changed again meanwhile. */
  settle(sent: readonly PendingFavouriteChange[]): void {
    const remove = this.db.prepare('DELETE FROM favourite_outbox WHERE media_id = ? AND seq = ?');
    for (const change of sent) remove.run(change.mediaId, change.seq);
  }

  localOnly(): Set<string> {
    const rows = this.db.prepare('SELECT media_id FROM favourite_local_only').all() as {
      media_id: string;
    }[];
    return new Set(rows.map((r) => r.media_id));
  }

  setLocalOnly(mediaId: string, localOnly: boolean): void {
    this.db
      .prepare(
        localOnly
          ? 'INSERT OR IGNORE INTO favourite_local_only (media_id) VALUES (?)'
          : 'DELETE FROM favourite_local_only WHERE media_id = ?',
      )
      .run(mediaId);
  }

  /** Sync turned off: nothing is sent any more, and a later turn-on starts with a union again. */
  reset(): void {
    this.db.exec(
      "DELETE FROM favourite_outbox; DELETE FROM favourite_local_only; DELETE FROM favourite_sync WHERE key IN ('enabled', 'joined');",
    );
  }
}
