// Puts a copy of a local file into the download folder without ever losing or overwriting
// anything: the identical file already there is reported, not copied again; a different file of
// the same name makes this one "name (1).ext"; the copy is written into an exclusive .part and
// linked into place only when complete, so no partial file ever has the final name.

import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { placeWithoutOverwriting } from '../ice/download-file';
import { numberedName, pathInside } from '../ice/file-names';

export interface PlacedFile {
  path: string;
  /** The identical file was already there; nothing was written. */
  alreadyThere: boolean;
}

const MAX_NUMBERED = 1000;

export async function placeCopy(
  source: string,
  dir: string,
  name: string,
  signal?: AbortSignal,
): Promise<PlacedFile> {
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw folderError(error, dir);
  });
  const size = (await lstat(source)).size;
  for (let n = 0; n < MAX_NUMBERED; n++) {
    const candidate = pathInside(dir, n === 0 ? name : numberedName(name, n));
    const there = await lstat(candidate).catch(() => null);
    if (there === null) break;
    if (there.isFile() && there.size === size && (await sameBytes(source, candidate))) {
      return { path: candidate, alreadyThere: true };
    }
  }
  const part = pathInside(dir, `${name}.${randomBytes(3).toString('hex')}.part`);
  const handle = await open(part, 'wx').catch((error: unknown) => {
    throw folderError(error, dir);
  });
  try {
    // Written through the descriptor of the exclusive create, never by path.
    for await (const chunk of createReadStream(source, {
      highWaterMark: 1024 * 1024,
      ...(signal ? { signal } : {}),
    })) {
      await handle.write(chunk as Buffer);
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(part, { force: true });
    if (signal?.aborted) throw new AppError('CANCELLED', 'The download was cancelled.');
    throw folderError(error, dir);
  }
  try {
    return {
      path: await placeWithoutOverwriting(part, pathInside(dir, name), 'rename'),
      alreadyThere: false,
    };
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/** Compares two files of equal size, a megabyte at a time. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [fa, fb] = await Promise.all([open(a, 'r'), open(b, 'r')]);
  try {
    const size = 1024 * 1024;
    const ba = Buffer.allocUnsafe(size);
    const bb = Buffer.allocUnsafe(size);
    for (let position = 0; ; position += size) {
      const [ra, rb] = await Promise.all([
        fa.read(ba, 0, size, position),
        fb.read(bb, 0, size, position),
      ]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (ra.bytesRead === 0) return true;
      if (!ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
    }
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

/** Plain-language errors for the folder: full disk, no permission. */
export function folderError(error: unknown, dir: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('DISK_FULL', `The disk holding ${dir} is full.`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('PERMISSION_DENIED', `The app may not write to ${dir}.`, { cause: error });
  }
  return new AppError('INTERNAL', `Could not write to ${dir}${code ? ` (${code})` : ''}.`, {
    cause: error,
  });
}
