// MediaItems: the page's items by id, grown a batch at a time without copying what it holds.

import { describe, expect, it } from 'vitest';
import { mediaItem } from '../media-item-fixture';
import { MediaItems } from '../../../renderer/src/store/media-items';

const item = (mediaId: string, title = mediaId) => mediaItem(mediaId, { title });

const batch = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => item(`m-${from + i}`));

describe('MediaItems', () => {
  it('finds every item added, and nothing else', () => {
    let items = MediaItems.EMPTY;
    for (let i = 0; i < 50; i += 1) items = items.with(batch(i * 240, 240));
    for (const id of ['m-0', 'm-239', 'm-240', 'm-6000', 'm-11999']) {
      expect(items.get(id)?.mediaId).toBe(id);
    }
    expect(items.get('m-12000')).toBeUndefined();
    expect(items.has('m-12000')).toBe(false);
    expect(items.has('m-5')).toBe(true);
  });

  it('is immutable: an earlier value does not see later batches', () => {
    const first = MediaItems.EMPTY.with(batch(0, 10));
    const second = first.with(batch(10, 10));
    expect(first.has('m-15')).toBe(false);
    expect(second.has('m-15')).toBe(true);
    expect(MediaItems.EMPTY.has('m-0')).toBe(false);
    expect(first.with([])).toBe(first);
  });

  it('a newer batch replaces an item of the same id, whichever chunk held it', () => {
    let items = MediaItems.EMPTY.with([item('a', 'old a')]);
    items = items.with(batch(0, 500)); // merges with the chunk holding the old 'a'
    items = items.with([item('a', 'new a')]);
    expect(items.get('a')?.title).toBe('new a');
    items = items.with(batch(500, 4)).with(batch(504, 1000));
    expect(items.get('a')?.title).toBe('new a');
  });

  it('keeps a logarithmic number of chunks however many batches are added', () => {
    let items = MediaItems.EMPTY;
    let most = 0;
    for (let i = 0; i < 300; i += 1) {
      items = items.with(batch(i * 48, 48));
      most = Math.max(most, items.chunkCount);
    }
    // 14,400 items in pages of 48: at most log2(300) + 1 chunks.
    expect(most).toBeLessThanOrEqual(10);
    expect(items.get('m-14399')?.mediaId).toBe('m-14399');
  });
});
