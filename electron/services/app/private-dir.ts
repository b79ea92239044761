// Folders whose contents the app trusts (its settings, the demo library's media) must be the
// user's own: a folder another local user created first, or may write to, can hold a planted
// settings.json (sending the user's key to a foreign endpoint) or a symlink to a private file.
// ensurePrivateDir creates the folder with mode 0700 or accepts an existing one only when it is a
// real directory (not a symlink), owned by this user and writable by no one else.

import { lstat, mkdir } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';

/** A name for a folder in the shared temp folder that differs per user (its uid where there is one). */
export function perUserName(base: string): string {
  const uid = process.getuid?.();
  return uid === undefined ? base : `${base}-${uid}`;
}

export async function ensurePrivateDir(path: string): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  const info = await lstat(path);
  const refuse = (why: string): never => {
    throw new AppError(
      'INTERNAL',
      `The folder ${path} ${why}, so its contents cannot be trusted. Remove it (or choose another folder) and start again.`,
    );
  };
  if (info.isSymbolicLink()) refuse('is a symbolic link');
  if (!info.isDirectory()) refuse('is not a folder');
  // POSIX only: Windows has no uid or group/other write bits (ACLs guard per-user folders there).
  if (process.platform !== 'win32') {
    const uid = process.getuid?.();
    if (uid !== undefined && info.uid !== uid) refuse('belongs to another user');
    if ((info.mode & 0o022) !== 0) refuse('can be written by other users');
  }
  return path;
}
