import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchedMediaFiles } from '../../../../electron/services/media-out/local-media-files';
import { rejectionOf } from '../../../support/app-error';
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
afterEach(() => rm(dir, { recursive: true, force: true }));

function files(resolveFresh?: () => void) {
  const body = randomBytes(100_000);
  fixture.files.set('song.mp3', body);
  const item = fixture.item('m1', 'song.mp3');
  const directory = fixture.directory([item]);
  const local = new FetchedMediaFiles({
    dir,
    allowInternalHosts: () => true,
    resolveFile: (mediaId, fileName, fresh) => {
      if (fresh) resolveFresh?.();
      return directory.file(mediaId, fileName, false);
    },
  });
  return { local, body };
}

describe('FetchedMediaFiles', () => {
  it('fetches a file once, shares a transfer between callers, then answers completedPath', async () => {
    const { local, body } = files();
    expect(local.completedPath('m1', 'song.mp3')).toBeNull();
    const [a, b] = await Promise.all([
      local.ensure('m1', 'song.mp3'),
      local.ensure('m1', 'song.mp3'),
    ]);
    expect(a).toEqual(b);
    expect(a.contentType).toBe('audio/mpeg');
    expect((await readFile(a.path)).equals(body)).toBe(true);
    expect(local.completedPath('m1', 'song.mp3')).toBe(a.path);
    await local.ensure('m1', 'song.mp3');
    expect(fixture.hits.get('song.mp3')).toBe(1);
  });

  it('refreshes an expired link once through the service', async () => {
    let refreshed = 0;
    const { local, body } = files(() => refreshed++);
    let first = true;
    fixture.fault = (_name, res) => {
      if (!first) return false;
      first = false;
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>');
      return true;
    };
    const file = await local.ensure('m1', 'song.mp3');
    expect((await readFile(file.path)).equals(body)).toBe(true);
    expect(refreshed).toBe(1);
  });

  it('a cancelled caller leaves a shared transfer running; the last one stops it, leaving nothing', async () => {
    const { local } = files();
    fixture.fault = (_name, res) => {
      res.writeHead(200, { 'content-length': 100_000 });
      res.write(Buffer.alloc(1000)); // then stall
      return true;
    };
    const one = new AbortController();
    const two = new AbortController();
    const first = local.ensure('m1', 'song.mp3', { signal: one.signal });
    const second = local.ensure('m1', 'song.mp3', { signal: two.signal });
    one.abort();
    expect((await rejectionOf(first)).code).toBe('CANCELLED');
    two.abort();
    expect((await rejectionOf(second)).code).toBe('CANCELLED');
    await expect
      .poll(async () =>
        (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.part')),
      )
      .toEqual([]);
    expect(local.completedPath('m1', 'song.mp3')).toBeNull();
  });
});
