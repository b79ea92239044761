// The media cache as drag-out, downloads and the preview's media route see it: a file by its
// name, and the cover under the name drag-out gives it.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COVER_FILE_NAME } from '../../../../electron/services/media-out/drag-out';
import { startMediaFixture } from './media-fixture';
import type { MediaFixture } from './media-fixture';

let fixture: MediaFixture;
let dir: string;
beforeAll(async () => {
  fixture = await startMediaFixture();
});
afterAll(() => fixture.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-local-files-'));
  fixture.fault = null;
  fixture.hits.clear();
});
afterEach(async () => {
  await fixture.closeCaches();
  await rm(dir, { recursive: true, force: true });
});

describe('cachedMediaFiles', () => {
  it('fetches a file and the cover once each, then answers completedPath for both', async () => {
    const song = randomBytes(100_000);
    const cover = randomBytes(2_000);
    fixture.files.set('song.mp3', song);
    fixture.files.set('cover.jpg', cover);
    const item = fixture.item('m1', 'song.mp3', {
      coverUrl: `${fixture.base}/cover.jpg?Expires=9999999999`,
    });
    const local = await fixture.cachedFiles(dir, fixture.directory([item]));

    expect(local.completedPath('m1', 'song.mp3')).toBeNull();
    expect(local.completedPath('m1', COVER_FILE_NAME)).toBeNull();
    const [a, b] = await Promise.all([
      local.ensure('m1', 'song.mp3'),
      local.ensure('m1', 'song.mp3'),
    ]);
    expect(a).toEqual(b);
    expect(a.contentType).toBe('audio/mpeg');
    expect((await readFile(a.path)).equals(song)).toBe(true);
    const coverFile = await local.ensure('m1', COVER_FILE_NAME);
    expect((await readFile(coverFile.path)).equals(cover)).toBe(true);

    expect(local.completedPath('m1', 'song.mp3')).toBe(a.path);
    expect(local.completedPath('m1', COVER_FILE_NAME)).toBe(coverFile.path);
    await local.ensure('m1', 'song.mp3');
    await local.ensure('m1', COVER_FILE_NAME);
    expect(fixture.hits.get('song.mp3')).toBe(1);
    expect(fixture.hits.get('cover.jpg')).toBe(1);
  });
});
