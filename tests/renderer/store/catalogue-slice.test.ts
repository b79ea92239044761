// The catalogue slice against a stub bridge: what the grid, the search box, the filter bar and the
// favourite stars rely on.

import { describe, expect, it } from 'vitest';
import { mediaItem } from '../media-item-fixture';
import type { CatalogueStatus, SearchQuery, SearchResult } from '../../../shared/catalogue';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { currentQuery, usesCatalogue } from '../../../renderer/src/store/catalogue-slice';
import { settle, stubBridge } from './stub-bridge';

function status(patch: Partial<CatalogueStatus> = {}): CatalogueStatus {
  return {
    sourceKey: 'demo',
    state: 'idle',
    itemCount: 100,
    lastSyncedAt: '2026-01-01T00:00:00.000Z',
    progress: null,
    error: null,
    ...patch,
  };
}

const item = (mediaId: string) => mediaItem(mediaId);

const found = (ids: string[]): { ok: true; value: SearchResult } => ({
  ok: true,
  value: { ids, tookMs: 1, formats: ['png'] },
});

function setup(initial = status()) {
  const bridge = stubBridge();
  bridge.answer('getCatalogueStatus', () => ({ ok: true, value: initial }));
  bridge.answer('listFavourites', () => ({ ok: true, value: ['fav-1'] }));
  bridge.answer('searchCatalogue', () => found(['a', 'b']));
  bridge.answer('getCatalogueItems', (payload) => ({
    ok: true,
    value: (payload as { mediaIds: string[] }).mediaIds.map(item),
  }));
  const store = createAppStore(bridge.api, 'en');
  return { store, bridge };
}

describe('catalogue slice', () => {
  it('starts with the status, the favourites and the answer for the sidebar’s type', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const state = store.getState();
    expect(state.catalogue?.itemCount).toBe(100);
    expect(state.favouriteIds).toEqual(['fav-1']);
    expect(bridge.callsTo('searchCatalogue')).toEqual([{ text: '', businessType: 'sticker' }]);
    expect(state.results).toMatchObject({ status: 'ready', ids: ['a', 'b'], formats: ['png'] });
    // The first screen's items are fetched with the answer.
    expect(bridge.callsTo('getCatalogueItems')).toEqual([{ mediaIds: ['a', 'b'] }]);
    expect(state.mediaById.get('a')?.title).toBe('a');
  });

  it('pages through the service (no results) until the catalogue holds items', async () => {
    const { store, bridge } = setup(status({ itemCount: 0, lastSyncedAt: null }));
    store.getState().startCatalogue();
    await settle();
    expect(usesCatalogue(store.getState())).toBe(false);
    expect(store.getState().results).toBeNull();
    expect(bridge.callsTo('searchCatalogue')).toEqual([]);
    // A search uses the catalogue even before a sync (it answers what it holds).
    store.getState().setSearchText('star');
    await settle();
    expect(bridge.callsTo('searchCatalogue')).toEqual([{ text: 'star' }]);
  });

  it('search as you type: a slower answer to an older text never replaces a newer one', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const held = bridge.hold('searchCatalogue');
    store.getState().setSearchText('x');
    store.getState().setSearchText('xg');
    await settle();
    expect(held.count()).toBe(2);
    held.release(1, found(['xg-1']));
    await settle();
    held.release(0, found(['x-1', 'x-2', 'x-3']));
    await settle();
    expect(store.getState().results).toMatchObject({ status: 'ready', ids: ['xg-1'] });
    expect(JSON.parse(store.getState().results?.key ?? '{}')).toEqual({ text: 'xg' });
  });

  it('keeps the previous ids on screen while a new query is answered, then shows an error as data', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const held = bridge.hold('searchCatalogue');
    store.getState().setSearchText('moon');
    expect(store.getState().results).toMatchObject({ status: 'loading', ids: ['a', 'b'] });
    held.release(0, { ok: false, error: { code: 'INTERNAL', message: 'index broke' } });
    await settle();
    expect(store.getState().results).toMatchObject({
      status: 'error',
      ids: [],
      error: { code: 'INTERNAL' },
    });
    bridge.answer('searchCatalogue', () => found(['moon-1']));
    store.getState().refreshResults();
    await settle();
    expect(store.getState().results).toMatchObject({ status: 'ready', ids: ['moon-1'] });
  });

  it('maps filters and sort to the query; browsing uses the sidebar’s type and tag instead', () => {
    const { store } = setup();
    const s = store.getState();
    s.setFilters({
      businessType: 'bgm',
      tagIds: ['bgm-calm'],
      formats: ['mp3'],
      minDuration: 10,
      maxDuration: 60,
      orientations: ['portrait'],
      imageSizes: ['large'],
      animatedOnly: true,
    });
    s.setSort('duration');
    // Browsing (no text): the sidebar's sticker type wins over the filter's type; the filter's
    // tags apply until a tag is chosen in the sidebar.
    expect(currentQuery(store.getState())).toMatchObject({
      text: '',
      businessType: 'sticker',
      tagIds: ['bgm-calm'],
    });
    store.setState({ selectedTagId: 'sticker-cute' });
    expect(currentQuery(store.getState())).toEqual<SearchQuery>({
      text: '',
      businessType: 'sticker',
      tagIds: ['sticker-cute'],
      formats: ['mp3'],
      minDuration: 10,
      maxDuration: 60,
      orientations: ['portrait'],
      imageSizes: ['large'],
      animatedOnly: true,
      sort: 'duration',
    });
    s.setSearchText('  piano ');
    expect(currentQuery(store.getState())).toEqual<SearchQuery>({
      text: 'piano',
      businessType: 'bgm',
      tagIds: ['bgm-calm'],
      formats: ['mp3'],
      minDuration: 10,
      maxDuration: 60,
      orientations: ['portrait'],
      imageSizes: ['large'],
      animatedOnly: true,
      sort: 'duration',
    });
    s.clearFilters();
    s.setSort(null);
    s.showView('favourites');
    expect(currentQuery(store.getState())).toEqual<SearchQuery>({
      text: 'piano',
      favouritesOnly: true,
    });
    s.browse();
    expect(store.getState()).toMatchObject({ view: 'browse', searchText: '' });
  });

  it('asks again when the sidebar’s type or tag changes', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    store.setState({ businessType: 'bgm', selectedTagId: 'bgm-calm' });
    await settle();
    expect(bridge.callsTo('searchCatalogue').at(-1)).toEqual({
      text: '',
      businessType: 'bgm',
      tagIds: ['bgm-calm'],
    });
  });

  it('follows sync progress and asks again when a sync finishes', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const searches = bridge.callsTo('searchCatalogue').length;
    const syncing = status({ state: 'syncing', progress: { done: 40, total: 200 } });
    bridge.emit('onCatalogueStatus', syncing);
    expect(store.getState().catalogue?.progress).toEqual({ done: 40, total: 200 });
    await settle();
    bridge.emit(
      'onCatalogueStatus',
      status({ state: 'syncing', progress: { done: 120, total: 200 } }),
    );
    await settle();
    expect(store.getState().catalogue?.progress).toEqual({ done: 120, total: 200 });
    // Progress alone does not change the answer.
    const duringSync = bridge.callsTo('searchCatalogue').length;
    expect(duringSync).toBe(searches);
    bridge.emit(
      'onCatalogueStatus',
      status({ itemCount: 200, lastSyncedAt: '2026-01-02T00:00:00.000Z' }),
    );
    await settle();
    expect(store.getState().catalogue).toMatchObject({ state: 'idle', itemCount: 200 });
    expect(bridge.callsTo('searchCatalogue').length).toBe(duringSync + 1);
  });

  it('keeps the same answer as the same array after a sync, and takes a changed one', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const first = store.getState().results!.ids;
    bridge.emit('onCatalogueStatus', status({ lastSyncedAt: '2026-01-02T00:00:00.000Z' }));
    await settle();
    expect(bridge.callsTo('searchCatalogue')).toHaveLength(2);
    expect(store.getState().results!.ids).toBe(first);

    bridge.answer('searchCatalogue', () => found(['a', 'c']));
    bridge.emit('onCatalogueStatus', status({ lastSyncedAt: '2026-01-03T00:00:00.000Z' }));
    await settle();
    expect(store.getState().results!.ids).toEqual(['a', 'c']);
  });

  it('reports a failed sync request and clears it on the next try', async () => {
    const { store, bridge } = setup();
    bridge.answer('syncCatalogue', () => ({
      ok: false,
      error: { code: 'NETWORK', message: 'offline' },
    }));
    await store.getState().syncCatalogue();
    expect(store.getState().catalogueSyncError?.code).toBe('NETWORK');
    bridge.answer('syncCatalogue', () => ({ ok: true, value: status({ state: 'syncing' }) }));
    await store.getState().syncCatalogue();
    expect(store.getState().catalogueSyncError).toBeNull();
    expect(store.getState().catalogue?.state).toBe('syncing');
  });

  it('stars at once and keeps the main process’s list as the truth', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const held = bridge.hold('setFavourite');
    const done = store.getState().toggleFavourite('m-2');
    expect(store.getState().favouriteIds).toEqual(['m-2', 'fav-1']);
    held.release(0, { ok: true, value: ['fav-1', 'm-2', 'elsewhere'] });
    await done;
    expect(store.getState().favouriteIds).toEqual(['fav-1', 'm-2', 'elsewhere']);
    expect(bridge.callsTo('setFavourite')).toEqual([{ mediaId: 'm-2', favourite: true }]);
  });

  it('rolls a failed star or unstar back, leaving other changes alone', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    bridge.answer('setFavourite', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'database is locked' },
    }));
    await store.getState().toggleFavourite('m-2');
    expect(store.getState().favouriteIds).toEqual(['fav-1']);
    await store.getState().toggleFavourite('fav-1');
    expect(store.getState().favouriteIds).toEqual(['fav-1']);
    expect(bridge.callsTo('setFavourite')).toEqual([
      { mediaId: 'm-2', favourite: true },
      { mediaId: 'fav-1', favourite: false },
    ]);
  });

  it('refreshes the favourites view after a change', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    store.getState().showView('favourites');
    await settle();
    bridge.answer('setFavourite', () => ({ ok: true, value: [] }));
    bridge.answer('searchCatalogue', () => found([]));
    await store.getState().toggleFavourite('fav-1');
    await settle();
    expect(bridge.callsTo('searchCatalogue').at(-1)).toEqual({ text: '', favouritesOnly: true });
    expect(store.getState().results?.ids).toEqual([]);
  });

  it('shows a new answer with its first screen’s items: none of its tiles waits as a placeholder', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const answer = Array.from({ length: 100 }, (_, i) => `new-${i}`);
    bridge.answer('searchCatalogue', () => found(answer));
    // Every state in which the new answer is on screen: its first 60 items must be there.
    const shownWithout: string[][] = [];
    const stop = store.subscribe((state) => {
      if (state.results?.status === 'ready' && state.results.ids === answer) {
        shownWithout.push(answer.slice(0, 60).filter((id) => !state.mediaById.has(id)));
      }
    });
    store.getState().setSearchText('new');
    await settle();
    stop();
    expect(shownWithout.length).toBeGreaterThan(0);
    expect(shownWithout.every((missing) => missing.length === 0)).toBe(true);
    // Fetched once, with the answer; the rest of the answer is left for the grid to ask.
    const asked = bridge.callsTo('getCatalogueItems') as Array<{ mediaIds: string[] }>;
    expect(asked.at(-1)).toEqual({ mediaIds: answer.slice(0, 60) });
    expect(store.getState().mediaById.has('new-60')).toBe(false);

    // If those items cannot be fetched, the answer still shows and the grid asks again.
    bridge.answer('searchCatalogue', () => found(['later-1']));
    bridge.answer('getCatalogueItems', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'busy' },
    }));
    store.getState().setSearchText('later');
    await settle();
    expect(store.getState().results).toMatchObject({ status: 'ready', ids: ['later-1'] });
    expect(bridge.callsTo('getCatalogueItems').slice(-2)).toEqual([
      { mediaIds: ['later-1'] },
      { mediaIds: ['later-1'] },
    ]);
  });

  it('shows a new answer once the first-screen items another request is fetching have arrived', async () => {
    const { store, bridge } = setup();
    store.getState().startCatalogue();
    await settle();
    const answer = Array.from({ length: 10 }, (_, i) => `busy-${i}`);
    const held = bridge.hold('getCatalogueItems');
    // The grid asked for the first five (say, scrolled to them); that request is still out.
    void store.getState().ensureItems(answer.slice(0, 5));
    bridge.answer('searchCatalogue', () => found(answer));
    const missingWhenShown: number[] = [];
    const stop = store.subscribe((state) => {
      if (state.results?.ids === answer) {
        missingWhenShown.push(answer.filter((id) => !state.mediaById.has(id)).length);
      }
    });
    store.getState().setSearchText('busy');
    await settle();
    // The answer asks only for what is not already on its way.
    expect(bridge.callsTo('getCatalogueItems').at(-1)).toEqual({ mediaIds: answer.slice(5) });
    held.release(1, { ok: true, value: answer.slice(5).map(item) });
    await settle();
    expect(store.getState().results?.ids).not.toBe(answer);
    held.release(0, { ok: true, value: answer.slice(0, 5).map(item) });
    await settle();
    stop();
    expect(store.getState().results?.ids).toBe(answer);
    expect(missingWhenShown.length).toBeGreaterThan(0);
    expect(missingWhenShown.every((missing) => missing === 0)).toBe(true);
  });

  it('fetches each missing item once, in batches the contract allows, and retries failures', async () => {
    const { store, bridge } = setup();
    const ids = Array.from({ length: 1_200 }, (_, i) => `m-${i}`);
    store.getState().ensureItems(ids);
    store.getState().ensureItems(ids.slice(0, 600)); // asked already: no second request
    await settle();
    const batches = bridge.callsTo('getCatalogueItems') as Array<{ mediaIds: string[] }>;
    expect(batches.map((b) => b.mediaIds.length)).toEqual([500, 500, 200]);
    expect(store.getState().mediaById.get('m-1199')?.mediaId).toBe('m-1199');
    bridge.answer('getCatalogueItems', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'busy' },
    }));
    store.getState().ensureItems(['n-1']);
    await settle();
    bridge.answer('getCatalogueItems', () => ({ ok: true, value: [item('n-1')] }));
    store.getState().ensureItems(['n-1']);
    await settle();
    expect(store.getState().mediaById.get('n-1')).toBeDefined();
    expect(bridge.callsTo('getCatalogueItems')).toHaveLength(5);
  });

  it('asks for a waveform once and remembers a track without one', async () => {
    const { store, bridge } = setup();
    bridge.answer('getWaveform', () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no file' },
    }));
    store.getState().loadWaveform('t-1');
    store.getState().loadWaveform('t-1');
    await settle();
    expect(store.getState().waveforms['t-1']).toBe('failed');
    bridge.answer('getWaveform', () => ({ ok: true, value: { peaks: [0.5, 1], duration: 2 } }));
    store.getState().loadWaveform('t-2');
    await settle();
    expect(store.getState().waveforms['t-2']).toEqual([0.5, 1]);
    expect(bridge.callsTo('getWaveform')).toEqual([{ mediaId: 't-1' }, { mediaId: 't-2' }]);
  });
});
