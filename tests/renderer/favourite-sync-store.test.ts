// The page's view of favourites sync: the status for Settings, the stars after the main process
// merged the service's favourites in, and a failed turn-on that leaves the switch as it was.

import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import { EVENT_CHANNELS, REQUEST_NAMES } from '../../shared/ipc-contract';
import { AppError } from '../../shared/errors';
import type { FavouriteSyncStatus } from '../../shared/favourite-sync';
import { createIpcRouter } from '../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import { createAppStore } from '../../renderer/src/store/app-store';

const OFF: FavouriteSyncStatus = {
  unavailable: null,
  enabled: false,
  state: 'off',
  lastSyncedAt: null,
  pendingCount: 0,
  localOnlyCount: 0,
  error: null,
  nextRetryAt: null,
};

function harness(setSync: (enabled: boolean) => Promise<FavouriteSyncStatus>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const searches: unknown[] = [];
  const unused = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'not used in these tests');
  };
  const handlers: Handlers = {
    ...(Object.fromEntries(REQUEST_NAMES.map((name) => [name, unused])) as unknown as Handlers),
    getFavouriteSync: async () => OFF,
    setFavouriteSync: async ({ enabled }) => setSync(enabled),
    searchCatalogue: async (query) => {
      searches.push(query);
      return { ids: [], tookMs: 0, formats: [] };
    },
  };
  const router = createIpcRouter(handlers);
  const api = createBridgeApi({
    invoke: (channel, payload) => router.dispatch(channel, payload),
    send: () => undefined,
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });
  const store = createAppStore(api, 'en');
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { store, emit, searches };
}

describe('favourite sync slice', () => {
  it('loads the status, follows its events, and takes merged favourites into the stars', async () => {
    const { store, emit, searches } = harness(async () => OFF);
    const stop = store.getState().startFavouriteSync();
    await expect.poll(() => store.getState().favouriteSync).toEqual(OFF);

    emit(EVENT_CHANNELS.onFavouriteSyncStatus, { ...OFF, enabled: true, state: 'syncing' });
    expect(store.getState().favouriteSync?.state).toBe('syncing');

    store.setState({ view: 'favourites' });
    const before = searches.length;
    emit(EVENT_CHANNELS.onFavouritesChanged, ['b', 'a']);
    expect(store.getState().favouriteIds).toEqual(['b', 'a']);
    // The Favourites view shows the merged list, not the one before.
    await expect.poll(() => searches.length).toBeGreaterThan(before);

    stop();
    emit(EVENT_CHANNELS.onFavouritesChanged, ['c']);
    expect(store.getState().favouriteIds).toEqual(['b', 'a']);
  });

  it('puts the switch back and keeps the error when turning on is refused', async () => {
    const { store } = harness(async () => {
      throw new AppError('INVALID_INPUT', 'Favourites sync needs an Alibaba Cloud account.');
    });
    store.getState().startFavouriteSync();
    await expect.poll(() => store.getState().favouriteSync).toEqual(OFF);
    await store.getState().setFavouriteSync(true);
    expect(store.getState().favouriteSync?.enabled).toBe(false);
    expect(store.getState().favouriteSyncRequestError?.code).toBe('INVALID_INPUT');
  });

  it('shows the answer after turning on (the first merge)', async () => {
    const on: FavouriteSyncStatus = {
      ...OFF,
      enabled: true,
      state: 'idle',
      lastSyncedAt: '2026-12-01T01:00:00.000Z',
    };
    const { store } = harness(async () => on);
    store.getState().startFavouriteSync();
    await store.getState().setFavouriteSync(true);
    expect(store.getState().favouriteSync).toEqual(on);
    expect(store.getState().favouriteSyncRequestError).toBeNull();
  });
});
