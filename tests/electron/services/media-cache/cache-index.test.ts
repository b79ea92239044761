// The hand-written check that opening a cache runs on every stored record must accept exactly
// what the index's zod schema accepts.

import { describe, expect, it } from 'vitest';
import { entrySchema, isCacheEntry } from '../../../../electron/services/media-cache/cache-index';

const valid = {
  key: 'cover\u0000abc',
  mediaId: 'abc',
  fileName: null,
  path: 'covers/abc/cover.png',
  size: 1234,
  contentType: 'image/png',
  etag: '"e"',
  lastModified: null,
  fetchedAt: 1_764_633_600_000,
  lastUsedAt: 1_764_633_600_001.5,
};

const variants: Array<[string, Record<string, unknown>]> = [
  ['as stored', {}],
  ['a file', { fileName: 'track.mp3', key: 'file\u0000abc\u0000track.mp3' }],
  ['empty content type and etag', { contentType: '', etag: '' }],
  ['a last-modified date', { lastModified: 'Wed, 02 Dec 2026 00:15:13 GMT' }],
  ['size zero', { size: 0 }],
  ['empty key', { key: '' }],
  ['key too long', { key: 'k'.repeat(1025) }],
  ['media id too long', { mediaId: 'm'.repeat(129) }],
  ['empty file name', { fileName: '' }],
  ['file name too long', { fileName: 'f'.repeat(256) }],
  ['path missing', { path: undefined }],
  ['negative size', { size: -1 }],
  ['fractional size', { size: 1.5 }],
  ['size as text', { size: '1234' }],
  ['content type too long', { contentType: 'c'.repeat(257) }],
  ['content type null', { contentType: null }],
  ['etag too long', { etag: 'e'.repeat(1025) }],
  ['last-modified too long', { lastModified: 'l'.repeat(129) }],
  ['fetch time not a number', { fetchedAt: NaN }],
  ['last use infinite', { lastUsedAt: Infinity }],
  ['last use missing', { lastUsedAt: undefined }],
];

describe('isCacheEntry', () => {
  it.each(variants)('agrees with the schema: %s', (_name, change) => {
    const candidate = { ...valid, ...change };
    expect(isCacheEntry(candidate)).toBe(entrySchema.safeParse(candidate).success);
  });

  it('accepts the stored shapes and refuses broken ones', () => {
    const verdicts = variants.map(([name, change]) => [
      name,
      isCacheEntry({ ...valid, ...change }),
    ]);
    expect(verdicts.filter(([, ok]) => ok).map(([name]) => name)).toEqual([
      'as stored',
      'a file',
      'empty content type and etag',
      'a last-modified date',
      'size zero',
    ]);
    expect(isCacheEntry(null)).toBe(false);
    expect(isCacheEntry('cover')).toBe(false);
  });
});
