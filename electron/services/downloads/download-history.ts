// The downloads list on disk: one JSON file written atomically (a crash leaves the old or the
// new list, never half of one). Read leniently: an unreadable or foreign file starts an empty
// history instead of stopping the app, and entries that fail the schema are dropped one by one.

import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/errors';
import type { DownloadEntry } from '../../../shared/media-out';
import { writeFileAtomic } from '../settings/atomic-write';

/** Entries kept: the newest; older finished ones fall off. */
export const MAX_HISTORY = 500;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const entrySchema = z.object({
  id: z.string().min(1).max(64),
  batchId: z.string().min(1).max(64),
  mediaId: z.string().min(1).max(128),
  title: z.string().max(1000),
  fileName: z.string().min(1).max(1000),
  folder: z.string().min(1).max(4096),
  state: z.enum(['queued', 'downloading', 'done', 'failed', 'cancelled']),
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nullable(),
  path: z.string().max(4096).nullable(),
  alreadyThere: z.boolean(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) }).nullable(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
});

export class DownloadHistory {
  private writing: Promise<void> = Promise.resolve();
  private pending: DownloadEntry[] | null = null;

  constructor(private readonly path: string) {}

  async load(): Promise<DownloadEntry[]> {
    let text: string;
    try {
      const buffer = await readFile(this.path);
      if (buffer.length > MAX_FILE_BYTES) throw new Error('too large');
      text = buffer.toString('utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      await this.setAside();
      return [];
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      await this.setAside();
      return [];
    }
    const list = (raw as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(list)) return [];
    const entries: DownloadEntry[] = [];
    for (const value of list.slice(0, MAX_HISTORY)) {
      const parsed = entrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
    }
    return entries;
  }

  /** Saves the list; calls made while a write runs coalesce into one more write. */
  save(entries: readonly DownloadEntry[]): Promise<void> {
    this.pending = entries.slice(0, MAX_HISTORY).map((e) => ({ ...e, bytesPerSecond: null }));
    this.writing = this.writing.then(async () => {
      const next = this.pending;
      this.pending = null;
      if (next === null) return;
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, entries: next })}\n`);
    });
    return this.writing;
  }

  private async setAside(): Promise<void> {
    await rename(this.path, `${this.path}.unreadable`).catch(() => undefined);
  }
}
