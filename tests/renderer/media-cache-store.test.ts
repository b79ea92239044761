// The page's view of the media cache: figures for Settings, the offline note, and a retry of
// failed images when the network comes back.

import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import { EVENT_CHANNELS, REQUEST_NAMES } from '../../shared/ipc-contract';
import type { MediaCacheStatus } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { createIpcRouter } from '../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import { createAppStore } from '../../renderer/src/store/app-store';
import { mediaCoverUrl, mediaFileUrl } from '../../renderer/src/media/media-urls';

function harness() {
  let status: MediaCacheStatus = {
    usedBytes: 5_000,
    limitBytes: 2 * 1024 ** 3,
    entryCount: 3,
    online: true,
  };
  const listeners = new Set<(payload: unknown) => void>();
  const unused = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'not used in these tests');
  };
  const handlers: Handlers = {
    ...(Object.fromEntries(REQUEST_NAMES.map((name) => [name, unused])) as unknown as Handlers),
    getMediaCacheStatus: async () => status,
    clearMediaCache: async () => {
      status = { ...status, usedBytes: 0, entryCount: 0 };
      return status;
    },
  };
  const router = createIpcRouter(handlers);
  const api = createBridgeApi({
    invoke: (channel, payload) => router.dispatch(channel, payload),
    send: () => undefined,
    subscribe(channel, listener) {
      if (channel === EVENT_CHANNELS.onMediaCacheStatus) listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const store = createAppStore(api, 'en');
  const announce = (online: boolean) => {
    status = { ...status, online };
    for (const listener of listeners) listener(status);
  };
  return { store, announce };
}

describe('media cache slice', () => {
  it('loads the figures and follows the online state, bumping the epoch on reconnect', async () => {
    const { store, announce } = harness();
    const stop = store.getState().startMediaCache();
    await expect.poll(() => store.getState().mediaCache?.entryCount).toBe(3);
    expect(store.getState().online).toBe(true);
    const epoch = store.getState().mediaEpoch;
    announce(false);
    expect(store.getState().online).toBe(false);
    expect(store.getState().mediaEpoch).toBe(epoch);
    announce(true);
    expect(store.getState().online).toBe(true);
    expect(store.getState().mediaEpoch).toBe(epoch + 1);
    stop();
  });

  it('clears the cache and shows the new figures', async () => {
    const { store } = harness();
    expect(await store.getState().clearMediaCache()).toBe(true);
    expect(store.getState().mediaCache).toMatchObject({ usedBytes: 0, entryCount: 0 });
  });
});

describe('media URLs', () => {
  it('are media: addresses by MediaId and file name, never the signed URL', () => {
    expect(mediaCoverUrl('abc')).toBe('media://cover/abc');
    expect(mediaFileUrl('abc', 'a b#1.wav')).toBe('media://file/abc/a%20b%231.wav');
  });

  it('use the base the browser preview put on the page', () => {
    const global = globalThis as Record<string, unknown>;
    global['iceMediaBase'] = 'http://127.0.0.1:9/__preview/media/tok/';
    try {
      expect(mediaCoverUrl('abc')).toBe('http://127.0.0.1:9/__preview/media/tok/cover/abc');
    } finally {
      delete global['iceMediaBase'];
    }
  });
});
