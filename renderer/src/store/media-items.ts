// The items the page holds, by MediaId. A long scroll adds them a batch at a time (a page of the
// service, a chunk of the catalogue's answer); copying one object of every item held for each
// batch made loading quadratic (57 ms a batch at 12,000 items, measured in Node, each one a
// long task in the page). This value is immutable like the rest of the store, but a new batch
// shares what is already held: items sit in a few chunks that merge like a binary counter, so
// each item is copied O(log n) times over a whole scroll and a lookup reads O(log n) maps.

import type { MediaItem } from '../../../shared/domain';

export class MediaItems {
  static readonly EMPTY = new MediaItems([]);

  /** Oldest first; a newer chunk's item replaces an older one of the same id. */
  private readonly chunks: readonly ReadonlyMap<string, MediaItem>[];

  private constructor(chunks: readonly ReadonlyMap<string, MediaItem>[]) {
    this.chunks = chunks;
  }

  /** This one's items plus (replacing any of the same id) the given ones. */
  with(items: readonly MediaItem[]): MediaItems {
    if (items.length === 0) return this;
    const chunks = [...this.chunks];
    let chunk: ReadonlyMap<string, MediaItem> = new Map(items.map((item) => [item.mediaId, item]));
    // Merge while the last chunk is no bigger than the new one: chunk sizes stay roughly
    // doubling, so there are O(log n) of them.
    for (
      let last = chunks.at(-1);
      last !== undefined && last.size <= chunk.size;
      last = chunks.at(-1)
    ) {
      chunks.pop();
      const merged = new Map(last);
      for (const [id, item] of chunk) merged.set(id, item);
      chunk = merged;
    }
    chunks.push(chunk);
    return new MediaItems(chunks);
  }

  get(mediaId: string): MediaItem | undefined {
    for (let i = this.chunks.length - 1; i >= 0; i -= 1) {
      const item = this.chunks[i]!.get(mediaId);
      if (item !== undefined) return item;
    }
    return undefined;
  }

  has(mediaId: string): boolean {
    return this.get(mediaId) !== undefined;
  }

  /** How many chunks hold the items (for tests of the growth bound). */
  get chunkCount(): number {
    return this.chunks.length;
  }
}
