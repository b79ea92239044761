// The folders whose contents are trusted must be the user's own: a folder another local user
// created first (or may write to) is refused, not used.

import { chmod, chown, mkdir, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, perUserName } from '../../../../electron/services/app/private-dir';
import { rejectionOf } from '../../../support/app-error';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ice-private-dir-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const posix = process.platform !== 'win32';

describe('ensurePrivateDir', () => {
  it.runIf(posix)('creates a missing folder readable by this user only', async () => {
    const dir = join(root, 'fresh', 'data');
    await ensurePrivateDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('refuses a folder that other users may write to', async () => {
    const dir = join(root, 'open');
    await mkdir(dir);
    await chmod(dir, 0o777);
    expect((await rejectionOf(ensurePrivateDir(dir))).message).toMatch(/written by other users/);
  });

  it.runIf(posix)('refuses a symlink, even to a private folder', async () => {
    const target = join(root, 'target');
    await mkdir(target, { mode: 0o700 });
    await symlink(target, join(root, 'link'));
    expect((await rejectionOf(ensurePrivateDir(join(root, 'link')))).message).toMatch(
      /symbolic link/,
    );
  });

  // Changing a folder's owner needs root, which is how CI runs; elsewhere this case cannot be set up.
  it.runIf(posix && process.getuid?.() === 0)(
    'refuses a folder owned by another user',
    async () => {
      const dir = join(root, 'theirs');
      await mkdir(dir, { mode: 0o700 });
      await chown(dir, 4242, 4242);
      expect((await rejectionOf(ensurePrivateDir(dir))).message).toMatch(/another user/);
    },
  );

  it('names per-user temp folders differently for different users', () => {
    const uid = process.getuid?.();
    expect(perUserName('ice-x')).toBe(uid === undefined ? 'ice-x' : `ice-x-${uid}`);
  });
});
