// The cache's index: one record per stored object (size, content type, validators, fetch time,
// last use), kept in memory and saved as JSON with an atomic write. A file that cannot be read or
// does not match the schema is moved aside and the cache starts empty (its objects are removed,
// since nothing would account for their size any more): a broken index never stops the app.

import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomic-write';

const entrySchema = z.object({
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

export async function saveIndex(path: string, entries: Iterable<CacheEntry>): Promise<void> {
  await writeFileAtomic(path, JSON.stringify({ version: 1, entries: [...entries] }));
}
