// Paging a long list through the service: pages append to the list and the page's items without
// copying everything held per page (that made a long scroll's loading quadratic).

import { describe, expect, it } from 'vitest';
import { mediaItem } from '../media-item-fixture';
import type { MediaPage } from '../../../shared/domain';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { PAGE_SIZE } from '../../../renderer/src/store/library-slice';
import { selectCurrentList } from '../../../renderer/src/store/selectors';
import { settle, stubBridge } from './stub-bridge';

const item = (mediaId: string) => mediaItem(mediaId);

/** A service of `total` stickers; `overlap` items of each page repeat the previous page's. */
function setup(total: number, overlap = 0) {
  const bridge = stubBridge();
  bridge.answer('getLibrarySource', () => ({
    ok: true,
    value: { kind: 'demo', endpoint: '127.0.0.1:1' },
  }));
  bridge.answer('listTags', () => ({ ok: true, value: [] }));
  bridge.answer('listMedia', (payload) => {
    const { pageNo, pageSize } = payload as { pageNo: number; pageSize: number };
    const start = Math.max(0, (pageNo - 1) * pageSize - (pageNo > 1 ? overlap : 0));
    const end = Math.min(total, pageNo * pageSize);
    const page: MediaPage = {
      items: Array.from({ length: Math.max(0, end - start) }, (_, i) => item(`m-${start + i}`)),
      totalCount: total,
      nextToken: null,
      pageNo,
      pageSize,
      requestId: 'r',
    };
    return { ok: true, value: page };
  });
  const store = createAppStore(bridge.api, 'en');
  return { store, bridge };
}

async function loadAll(store: ReturnType<typeof setup>['store']): Promise<void> {
  for (let guard = 0; guard < 1_000; guard += 1) {
    const list = selectCurrentList(store.getState());
    if (list?.status === 'ready' && !list.hasMore) return;
    store.getState().loadMore();
    await settle();
  }
  throw new Error('the list never finished loading');
}

describe('library slice: appending pages', () => {
  it('appends every page in order, each id once, with its item', async () => {
    const total = PAGE_SIZE * 40 + 7;
    const { store, bridge } = setup(total, 5);
    store.getState().startLibrary();
    await settle();
    await loadAll(store);
    const list = selectCurrentList(store.getState());
    expect(list?.ids).toEqual(Array.from({ length: total }, (_, i) => `m-${i}`));
    expect(list?.pagesLoaded).toBe(41);
    expect(bridge.callsTo('listMedia')).toHaveLength(41);
    const { mediaById } = store.getState();
    expect(mediaById.get('m-0')?.mediaId).toBe('m-0');
    expect(mediaById.get(`m-${total - 1}`)?.mediaId).toBe(`m-${total - 1}`);
    // The items sit in a few shared chunks, not one copy per page.
    expect(mediaById.chunkCount).toBeLessThanOrEqual(7);
  });

  it('never changes a list or item map a component already holds', async () => {
    const { store } = setup(PAGE_SIZE * 3);
    store.getState().startLibrary();
    await settle();
    const before = store.getState();
    const idsBefore = selectCurrentList(before)?.ids;
    store.getState().loadMore();
    await settle();
    const after = store.getState();
    expect(idsBefore).toHaveLength(PAGE_SIZE);
    expect(selectCurrentList(after)?.ids).toHaveLength(PAGE_SIZE * 2);
    expect(after.mediaById).not.toBe(before.mediaById);
    expect(before.mediaById.has(`m-${PAGE_SIZE}`)).toBe(false);
    expect(after.mediaById.has(`m-${PAGE_SIZE}`)).toBe(true);
  });

  it('starts the list afresh when it is reloaded from its first page', async () => {
    const { store } = setup(PAGE_SIZE * 2);
    store.getState().startLibrary();
    await settle();
    await loadAll(store);
    // A retry of the first page (e.g. after the list went stale) lists the same ids again.
    store.setState((s) => ({
      lists: Object.fromEntries(
        Object.entries(s.lists).map(([key, list]) => [key, { ...list, status: 'error' as const }]),
      ),
    }));
    store.getState().retryList();
    await settle();
    const list = selectCurrentList(store.getState());
    expect(list?.status).toBe('ready');
    expect(list?.ids).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `m-${i}`));
    await loadAll(store);
    expect(selectCurrentList(store.getState())?.ids).toHaveLength(PAGE_SIZE * 2);
  });
});
