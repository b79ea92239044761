// Reading the preview's data folder from a test while the app may still be writing to it: files
// come and go under the services' feet (atomic-write temporaries, SQLite journals, the media
// cache's part files), so a file that vanished between listing and reading is skipped, and a
// settings file not written yet reads as null instead of failing the poll that waits for it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

function vanished(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Every file under dir, recursively, with its bytes. */
export async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const files = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    try {
      files.push({ path, bytes: await readFile(path) });
    } catch (error) {
      if (!vanished(error)) throw error;
    }
  }
  return files;
}

/** The saved settings.json, or null while the app has not written one. */
export async function savedSettings(dataDir: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch (error) {
    if (vanished(error)) return null;
    throw error;
  }
}
