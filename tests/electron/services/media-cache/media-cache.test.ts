// The media cache against the demo server and its faults: hits without upstream requests, one
// fetch for concurrent requests, expired links refreshed once, cuts resumed, changed files never
// spliced, a full disk, eviction order, a corrupt index, and offline serving.

import { existsSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../shared/domain';
import { defaultOpenWrite } from '../../../../electron/services/media-cache/fetch-object';
import { rejectionOf } from '../../../support/app-error';
import { startCacheWorld } from './cache-fixture';
import type { CacheWorld } from './cache-fixture';

let world: CacheWorld;

beforeAll(async () => {
  world = await startCacheWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

beforeEach(() => {
  world.server.setFaults({});
  world.lookUps.length = 0;
});

async function upstream(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function relPathOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\/media\//, ''));
}

/** A cache that stored one sticker's cover and was closed. */
async function closedCacheWithCover() {
  const cache = await world.openCache();
  const [item] = await world.items('sticker', 1);
  cache.remember([item!]);
  const cover = await cache.ensureCover(item!.mediaId);
  await cache.close();
  return { first: cache, item, cover };
}

/** Deletes the index database, as a cache of an earlier version never had one. */
async function removeDatabase(dir: string) {
  for (const name of ['index.sqlite', 'index.sqlite-wal', 'index.sqlite-shm']) {
    await rm(join(dir, name), { force: true });
  }
}

describe('hits and sharing', () => {
  it('fetches a cover and a file once, then serves them without any upstream request', async () => {
    const cache = await world.openCache();
    const [item] = await world.items('bgm', 1);
    cache.remember([item!]);
    const file = item!.files[0]!;
    const before = world.mediaRequests().length;

    const cover = await cache.ensureCover(item!.mediaId);
    const stored = await cache.ensure(item!.mediaId, file.fileName);
    expect(await readFile(cover.path)).toEqual(await upstream(item!.coverUrl!));
    expect(await readFile(stored.path)).toEqual(await upstream(file.url));
    expect(stored.contentType).toBe('audio/wav');
    const afterFirst = world.mediaRequests().length;
    expect(afterFirst - before).toBe(4); // two fetches + two comparisons above

    await cache.ensureCover(item!.mediaId);
    await cache.ensure(item!.mediaId, file.fileName);
    expect(world.mediaRequests().length).toBe(afterFirst);
    expect(cache.completedPath(item!.mediaId, file.fileName)).toBe(stored.path);
    expect(cache.completedCoverPath(item!.mediaId)).toBe(cover.path);
    expect(cache.completedPath(item!.mediaId, 'other.wav')).toBeNull();
    expect(world.lookUps).toEqual([]);
  });

  it('shares one upstream fetch among concurrent requests for one object', async () => {
    const cache = await world.openCache();
    const [, item] = await world.items('bgm', 2);
    cache.remember([item!]);
    const file = item!.files[0]!;
    world.server.setFaults({ latencyMs: 50 });
    const before = world.mediaRequests().length;
    const progress: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        cache.ensure(item!.mediaId, file.fileName, { onProgress: (n) => progress.push(n) }),
      ),
    );
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect(world.mediaRequests().length - before).toBe(1);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('lets one caller cancel its wait while the others still get the file', async () => {
    const cache = await world.openCache();
    const [, , item] = await world.items('bgm', 3);
    cache.remember([item!]);
    const file = item!.files[0]!;
    world.server.setFaults({ latencyMs: 100 });
    const controller = new AbortController();
    const cancelled = cache.ensure(item!.mediaId, file.fileName, { signal: controller.signal });
    const kept = cache.ensure(item!.mediaId, file.fileName);
    controller.abort();
    expect((await rejectionOf(cancelled)).code).toBe('CANCELLED');
    expect((await kept).size).toBeGreaterThan(0);
  });

  it('starts afresh for a request that follows a cancelled fetch at once', async () => {
    const cache = await world.openCache();
    const [, , , item] = await world.items('bgm', 4);
    cache.remember([item!]);
    const file = item!.files[0]!;
    world.server.setFaults({ latencyMs: 100 });
    const controller = new AbortController();
    const cancelled = cache.ensure(item!.mediaId, file.fileName, { signal: controller.signal });
    controller.abort();
    // Asked again before the cancelled transfer has wound down: a retry, not the old transfer.
    const retried = cache.ensure(item!.mediaId, file.fileName);
    expect((await rejectionOf(cancelled)).code).toBe('CANCELLED');
    expect((await retried).size).toBeGreaterThan(0);
    expect(cache.completedPath(item!.mediaId, file.fileName)).not.toBeNull();
  });

  it('keeps its index across restarts', async () => {
    const { first, item, cover } = await closedCacheWithCover();
    const second = await world.openCache({ dir: first.dir });
    expect(second.completedCoverPath(item!.mediaId)).toBe(cover.path);
    expect(second.stats().usedBytes).toBe(cover.size);
  });

  it('stores hostile file names inside its folder', async () => {
    const cache = await world.openCache();
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    const hostile: MediaItem = {
      ...item!,
      files: [{ ...file, fileName: '../../../outside.wav' }],
    };
    cache.remember([hostile]);
    const stored = await cache.ensure(item!.mediaId, '../../../outside.wav');
    expect(stored.path.startsWith(join(cache.dir, 'files'))).toBe(true);
    expect(existsSync(join(cache.dir, '..', 'outside.wav'))).toBe(false);
  });
});

describe('expired links', () => {
  it('refreshes a link whose Expires has passed before using it', async () => {
    const cache = await world.openCache();
    world.server.setFaults({ expireUrlsNow: true });
    const [item] = await world.items('bgi', 1);
    world.server.setFaults({});
    cache.remember([item!]);
    const before = world.mediaRequests().length;
    await cache.ensureCover(item!.mediaId);
    expect(world.lookUps).toEqual([item!.mediaId]);
    const requests = world.mediaRequests().slice(before);
    expect(requests.map((r) => r.status)).toEqual([200]);
  });

  it('refreshes once after a 403 for a link that looked valid, then succeeds', async () => {
    // The cache's clock runs two hours behind, so the expired link looks valid to it.
    const cache = await world.openCache({ now: () => Date.now() - 2 * 3600_000 });
    world.server.setFaults({ expireUrlsNow: true });
    const [item] = await world.items('bgm', 1);
    world.server.setFaults({});
    cache.remember([item!]);
    const before = world.mediaRequests().length;
    await cache.ensure(item!.mediaId, item!.files[0]!.fileName);
    expect(world.lookUps).toEqual([item!.mediaId]);
    expect(
      world
        .mediaRequests()
        .slice(before)
        .map((r) => r.status),
    ).toEqual([403, 200]);
  });

  it('gives up after exactly one refresh when the fresh link is refused too', async () => {
    const cache = await world.openCache({ now: () => Date.now() - 2 * 3600_000 });
    world.server.setFaults({ expireUrlsNow: true });
    const [item] = await world.items('bgm', 1);
    cache.remember([item!]);
    const before = world.mediaRequests().length;
    const error = await rejectionOf(cache.ensure(item!.mediaId, item!.files[0]!.fileName));
    expect(error.code).toBe('URL_EXPIRED');
    expect(world.lookUps).toEqual([item!.mediaId]);
    expect(
      world
        .mediaRequests()
        .slice(before)
        .map((r) => r.status),
    ).toEqual([403, 403]);
    expect(cache.completedPath(item!.mediaId, item!.files[0]!.fileName)).toBeNull();
  });

  it('looks up an item it has never seen listed', async () => {
    const cache = await world.openCache();
    const [item] = await world.items('sticker', 1);
    await cache.ensureCover(item!.mediaId);
    expect(world.lookUps).toEqual([item!.mediaId]);
    const error = await rejectionOf(cache.ensureCover('no-such-media-id'));
    expect(['NOT_FOUND', 'BAD_REQUEST']).toContain(error.code);
  });
});

describe('cuts and changes', () => {
  it('resumes a cut transfer with If-Range and stores the whole file', async () => {
    // Whether a later attempt appended to the part file. On a loaded machine the connection can
    // drop before any byte was read: then there is nothing to resume, and the whole file is
    // asked for again.
    let appended = false;
    const cache = await world.openCache({
      openWrite: (path, append) => {
        appended ||= append;
        return defaultOpenWrite(path, append);
      },
    });
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    cache.remember([item!]);
    world.server.setFaults({ cutBody: { count: 1, afterBytes: 40_000, target: 'file' } });
    const before = world.mediaRequests().length;
    const stored = await cache.ensure(item!.mediaId, file.fileName);
    expect(
      world
        .mediaRequests()
        .slice(before)
        .map((r) => r.status),
    ).toEqual(appended ? [200, 206] : [200, 200]);
    expect(await readFile(stored.path)).toEqual(await upstream(file.url));
    expect(await readdir(join(cache.dir, 'tmp'))).toEqual([]);
  });

  it('fetches the whole file again when the part folder went between attempts', async () => {
    let opens = 0;
    let appended = false;
    const cache = await world.openCache({
      openWrite: (path, append) => {
        opens += 1;
        // The cut attempt wrote to the part; now its folder, and the part with it, are gone.
        if (opens === 2) {
          appended = append;
          rmSync(dirname(path), { recursive: true, force: true });
        }
        return defaultOpenWrite(path, append);
      },
    });
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    cache.remember([item!]);
    world.server.setFaults({ cutBody: { count: 1, afterBytes: 40_000, target: 'file' } });
    const before = world.mediaRequests().length;
    const stored = await cache.ensure(item!.mediaId, file.fileName);
    // Resumed (206) into a part that no longer exists, then asked for whole (200), not resumed
    // again onto an empty file. (When the cut came before any byte, nothing was resumed.)
    expect(
      world
        .mediaRequests()
        .slice(before)
        .map((r) => r.status),
    ).toEqual(appended ? [200, 206, 200] : [200, 200, 200]);
    expect(await readFile(stored.path)).toEqual(await upstream(file.url));
    expect(await readdir(join(cache.dir, 'tmp'))).toEqual([]);
  });

  it('starts again from zero when the file changed between attempts, never splicing', async () => {
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    const onDisk = join(world.mediaDir, relPathOf(file.url));
    const original = await readFile(onDisk);
    const replacement = Buffer.alloc(original.length - 1000, 0x5a);
    let attempts = 0;
    const cache = await world.openCache({
      openWrite: (path, append) => {
        const sink = defaultOpenWrite(path, append);
        if (attempts++ === 0) {
          // When the first (cut) attempt ends, the object is replaced upstream.
          sink.once('close', () => {
            writeFileSync(onDisk, replacement);
            world.server.setFaults({ fileRevision: 1 });
          });
        }
        return sink;
      },
    });
    cache.remember([item!]);
    world.server.setFaults({ cutBody: { count: 1, afterBytes: 40_000, target: 'file' } });
    const before = world.mediaRequests().length;
    try {
      const stored = await cache.ensure(item!.mediaId, file.fileName);
      // The resume carried If-Range with the old ETag, so the server sent the new file whole.
      expect(
        world
          .mediaRequests()
          .slice(before)
          .map((r) => r.status),
      ).toEqual([200, 200]);
      const bytes = await readFile(stored.path);
      expect(bytes.length).toBe(replacement.length);
      expect(bytes.equals(replacement)).toBe(true);
    } finally {
      writeFileSync(onDisk, original);
    }
  });

  it('makes its folders again when they were deleted under it', async () => {
    const cache = await world.openCache();
    const [first, second] = await world.items('bgm', 2);
    cache.remember([first!, second!]);
    await cache.ensureCover(first!.mediaId);
    for (const folder of await readdir(cache.dir)) {
      if (!folder.startsWith('index.')) await rm(join(cache.dir, folder), { recursive: true });
    }
    const file = second!.files[0]!;
    const cover = await cache.ensureCover(second!.mediaId);
    const stored = await cache.ensure(second!.mediaId, file.fileName);
    expect(await readFile(cover.path)).toEqual(await upstream(second!.coverUrl!));
    expect(await readFile(stored.path)).toEqual(await upstream(file.url));
    expect(stored.path.startsWith(cache.dir)).toBe(true);
    expect(await readdir(join(cache.dir, 'tmp'))).toEqual([]);
  });

  it('reports a full disk, keeps no part file and records nothing', async () => {
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    const cache = await world.openCache({
      openWrite: () =>
        new Writable({
          write(_chunk, _encoding, callback) {
            callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
          },
        }),
    });
    cache.remember([item!]);
    const error = await rejectionOf(cache.ensure(item!.mediaId, file.fileName));
    expect(error.code).toBe('DISK_FULL');
    expect(cache.completedPath(item!.mediaId, file.fileName)).toBeNull();
    expect(cache.stats()).toMatchObject({ usedBytes: 0, entryCount: 0 });
    expect(await readdir(join(cache.dir, 'tmp'))).toEqual([]);
  });

  it('makes a missing part folder once, then says the folder is missing', async () => {
    const [item] = await world.items('bgm', 1);
    const file = item!.files[0]!;
    let opens = 0;
    const cache = await world.openCache({
      // The part file can never be created: its folder is gone again at every open.
      openWrite: () => {
        opens += 1;
        return new Writable({
          construct(callback) {
            callback(Object.assign(new Error('no such file or directory'), { code: 'ENOENT' }));
          },
        });
      },
    });
    cache.remember([item!]);
    const error = await rejectionOf(cache.ensure(item!.mediaId, file.fileName));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/folder is missing/);
    expect(opens).toBe(2);
    expect(cache.completedPath(item!.mediaId, file.fileName)).toBeNull();
    expect(cache.stats()).toMatchObject({ usedBytes: 0, entryCount: 0 });
  });
});

describe('eviction', () => {
  it('evicts the least recently used objects beyond the limit', async () => {
    const items = await world.items('sticker', 4);
    const [a, b, c] = items;
    const probe = await world.openCache();
    probe.remember(items);
    const size = (await probe.ensureCover(a!.mediaId)).size;
    let clock = 1_000;
    const cache = await world.openCache({ limitBytes: Math.floor(size * 2.5), now: () => clock });
    cache.remember(items);
    await cache.ensureCover(a!.mediaId);
    clock += 1;
    await cache.ensureCover(b!.mediaId);
    clock += 1;
    await cache.ensureCover(a!.mediaId); // a is now more recent than b
    clock += 1;
    await cache.ensureCover(c!.mediaId);
    expect(cache.completedCoverPath(b!.mediaId)).toBeNull();
    expect(cache.completedCoverPath(a!.mediaId)).not.toBeNull();
    expect(cache.completedCoverPath(c!.mediaId)).not.toBeNull();
    expect(cache.stats().usedBytes).toBeLessThanOrEqual(Math.floor(size * 2.5));

    await cache.setLimit(size);
    expect(cache.stats().entryCount).toBe(1);
    await cache.clear();
    expect(cache.stats()).toMatchObject({ usedBytes: 0, entryCount: 0 });
    expect(await readdir(join(cache.dir, 'covers'))).toEqual([]);
  });
});

describe('recovery and offline', () => {
  it('recovers from a corrupt index: moved aside, objects dropped, working again', async () => {
    const { first, item, cover } = await closedCacheWithCover();
    for (const name of ['index.sqlite-wal', 'index.sqlite-shm']) {
      await rm(join(first.dir, name), { force: true });
    }
    await writeFile(
      join(first.dir, 'index.sqlite'),
      'not a database, but a damaged file '.repeat(200),
    );
    const second = await world.openCache({ dir: first.dir });
    expect(second.notice).toMatch(/damaged/);
    expect(second.stats().entryCount).toBe(0);
    expect(existsSync(cover.path)).toBe(false);
    expect((await readdir(first.dir)).some((n) => /^index\.corrupt-\d+\.sqlite$/.test(n))).toBe(
      true,
    );
    second.remember([item!]);
    expect((await second.ensureCover(item!.mediaId)).size).toBe(cover.size);
    await second.close();
    const third = await world.openCache({ dir: first.dir });
    expect(third.notice).toBeNull();
    expect(third.completedCoverPath(item!.mediaId)).not.toBeNull();
  });

  it('resets an index whose records were edited out of shape', async () => {
    const { first, cover } = await closedCacheWithCover();
    const db = new DatabaseSync(join(first.dir, 'index.sqlite'));
    db.exec('UPDATE entries SET size = -5');
    db.close();
    const second = await world.openCache({ dir: first.dir });
    expect(second.notice).toMatch(/damaged/);
    expect(second.stats().entryCount).toBe(0);
    expect(existsSync(cover.path)).toBe(false);
  });

  it('resets a damaged index.json of the earlier format', async () => {
    const { first, cover } = await closedCacheWithCover();
    await removeDatabase(first.dir);
    await writeFile(join(first.dir, 'index.json'), '{"version":1,"entries":[{"key":');
    const second = await world.openCache({ dir: first.dir });
    expect(second.notice).toMatch(/damaged/);
    expect(existsSync(cover.path)).toBe(false);
    expect((await readdir(first.dir)).some((n) => /^index\.corrupt-\d+\.json$/.test(n))).toBe(true);
  });

  it('carries an index.json of the earlier format over once, then keeps it in the database', async () => {
    const { first, item, cover } = await closedCacheWithCover();
    await removeDatabase(first.dir);
    const entry = {
      key: `cover\u0000${item!.mediaId}`,
      mediaId: item!.mediaId,
      fileName: null,
      path: relative(first.dir, cover.path).split(sep).join('/'),
      size: cover.size,
      contentType: cover.contentType,
      etag: null,
      lastModified: null,
      fetchedAt: 1_000,
      lastUsedAt: 2_000,
    };
    await writeFile(
      join(first.dir, 'index.json'),
      JSON.stringify({ version: 1, entries: [entry] }),
    );
    const second = await world.openCache({ dir: first.dir });
    expect(second.notice).toBeNull();
    expect(second.completedCoverPath(item!.mediaId)).toBe(cover.path);
    expect(existsSync(join(first.dir, 'index.json'))).toBe(false);
    await second.close();
    const before = world.mediaRequests().length;
    const third = await world.openCache({ dir: first.dir });
    third.remember([item!]);
    expect((await third.ensureCover(item!.mediaId)).path).toBe(cover.path);
    expect(world.mediaRequests().length).toBe(before); // served from the cache, not fetched
  });

  it('removes files that the index does not know', async () => {
    const cache = await world.openCache();
    const [item] = await world.items('sticker', 1);
    cache.remember([item!]);
    const cover = await cache.ensureCover(item!.mediaId);
    const stray = join(cache.dir, 'files', 'someone', 'stray.bin');
    await mkdir(join(cache.dir, 'files', 'someone'), { recursive: true });
    await writeFile(stray, 'x');
    expect(await cache.sweep()).toBe(1);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(cover.path)).toBe(true);
  });
});

describe('without a network', () => {
  it('serves what it holds, reports the rest as a network failure, and says it is offline', async () => {
    const own = await startCacheWorld();
    try {
      const changes: boolean[] = [];
      const cache = await own.openCache({ onOnlineChange: (online) => changes.push(online) });
      const items = await own.items('bgm', 2);
      cache.remember(items);
      const cached = await cache.ensureCover(items[0]!.mediaId);
      await own.server.close();
      expect((await cache.ensureCover(items[0]!.mediaId)).path).toBe(cached.path);
      const error = await rejectionOf(cache.ensureCover(items[1]!.mediaId));
      expect(error.code).toBe('NETWORK');
      expect(cache.stats().online).toBe(false);
      expect(changes).toEqual([false]);
    } finally {
      await own.close();
    }
  });
});
