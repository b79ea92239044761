// What the page gets for a media address: the cached bytes, byte ranges for seeking, and short
// errors whose status says what went wrong.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondWithMedia } from '../../../../electron/services/media-cache/media-response';
import type { MediaCache } from '../../../../electron/services/media-cache/media-cache';
import { parseMediaSegments } from '../../../../shared/media-url';
import type { MediaItem } from '../../../../shared/domain';
import { startCacheWorld } from './cache-fixture';
import type { CacheWorld } from './cache-fixture';

let world: CacheWorld;
let cache: MediaCache;
let item: MediaItem;
let whole: Buffer;

beforeAll(async () => {
  world = await startCacheWorld();
  cache = await world.openCache();
  [item] = (await world.items('bgm', 1)) as [MediaItem];
  cache.remember([item]);
  whole = await readFile((await cache.ensure(item.mediaId, item.files[0]!.fileName)).path);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const fileTarget = () => ({
  kind: 'file' as const,
  mediaId: item.mediaId,
  fileName: item.files[0]!.fileName,
});

describe('respondWithMedia', () => {
  it('serves the whole object with its type and length', async () => {
    const response = await respondWithMedia(cache, fileTarget(), { method: 'GET', range: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(response.headers.get('content-length'))).toBe(whole.length);
    expect(Buffer.from(await response.arrayBuffer()).equals(whole)).toBe(true);
  });

  it('answers a Range with 206 and exactly those bytes', async () => {
    const response = await respondWithMedia(cache, fileTarget(), {
      method: 'GET',
      range: 'bytes=100-1099',
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-1099/${whole.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(100, 1100))).toBe(true);
    const tail = await respondWithMedia(cache, fileTarget(), { method: 'GET', range: 'bytes=-10' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 10))).toBe(
      true,
    );
  });

  it('answers a range past the end with 416, and HEAD without a body', async () => {
    const past = await respondWithMedia(cache, fileTarget(), {
      method: 'GET',
      range: `bytes=${whole.length}-`,
    });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    const head = await respondWithMedia(cache, fileTarget(), { method: 'HEAD', range: null });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('refuses other methods, malformed addresses and unknown media', async () => {
    expect(
      (await respondWithMedia(cache, fileTarget(), { method: 'POST', range: null })).status,
    ).toBe(405);
    const traversal = parseMediaSegments(['file', item.mediaId, '..%2F..%2Findex.json']);
    expect(traversal).toBeNull();
    expect((await respondWithMedia(cache, traversal, { method: 'GET', range: null })).status).toBe(
      400,
    );
    const unknown = await respondWithMedia(
      cache,
      { kind: 'file', mediaId: item.mediaId, fileName: 'not-listed.wav' },
      { method: 'GET', range: null },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-media-error')).toBe('NOT_FOUND');
  });
});

describe('parseMediaSegments', () => {
  it('reads covers and files and refuses everything else', () => {
    expect(parseMediaSegments(['cover', 'abc'])).toEqual({ kind: 'cover', mediaId: 'abc' });
    expect(parseMediaSegments(['file', 'abc', 'a%20b.wav'])).toEqual({
      kind: 'file',
      mediaId: 'abc',
      fileName: 'a b.wav',
    });
    for (const segments of [
      ['cover'],
      ['cover', 'abc', 'x'],
      ['file', 'abc'],
      ['file', 'abc', '..'],
      ['file', 'abc', 'a%2Fb'],
      ['file', 'abc', 'a%5Cb'],
      ['file', '', 'x'],
      ['file', 'abc', '%E0%A4%A'],
      ['file', 'abc', 'a%00b'],
      ['other', 'abc'],
    ]) {
      expect(parseMediaSegments(segments), segments.join('/')).toBeNull();
    }
  });
});
