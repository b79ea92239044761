// The media cache as the page sees it: space used and the limit (Settings), and whether the main
// process can reach the network. While it cannot, the header says "Offline" once instead of every
// tile showing an error; when it can again, `mediaEpoch` moves on so failed images try again.

import type { MediaCacheStatus } from '../../../shared/domain';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type { SliceCreator } from './types';

export interface MediaCacheSlice {
  mediaCache: MediaCacheStatus | null;
  /** False while fetches fail for want of a network. */
  online: boolean;
  /** Bumped when the network comes back: part of image keys, so failed ones reload. */
  mediaEpoch: number;
  /** Loads the status and follows onMediaCacheStatus; returns a function that stops listening. */
  startMediaCache(): () => void;
  refreshMediaCache(): Promise<void>;
  setMediaCacheLimit(bytes: number): Promise<boolean>;
  clearMediaCache(): Promise<boolean>;
  openMediaCacheFolder(): Promise<boolean>;
}

export function createMediaCacheSlice(api: BridgeApi): SliceCreator<MediaCacheSlice> {
  return (set, get) => {
    const apply = (status: MediaCacheStatus): void => {
      const cameBack = status.online && !get().online;
      set({
        mediaCache: status,
        online: status.online,
        ...(cameBack ? { mediaEpoch: get().mediaEpoch + 1 } : {}),
      });
    };
    return {
      mediaCache: null,
      online: true,
      mediaEpoch: 0,
      startMediaCache() {
        void get().refreshMediaCache();
        return api.onMediaCacheStatus(apply);
      },
      async refreshMediaCache() {
        const result = await api.getMediaCacheStatus();
        if (result.ok) apply(result.value);
      },
      async setMediaCacheLimit(bytes) {
        // Show the choice at once; the refresh below brings the figures after eviction.
        const current = get().mediaCache;
        if (current) set({ mediaCache: { ...current, limitBytes: bytes } });
        const result = await api.updateSettings({ mediaCacheLimitBytes: bytes });
        await get().refreshMediaCache();
        return result.ok;
      },
      async clearMediaCache() {
        const result = await api.clearMediaCache();
        if (result.ok) apply(result.value);
        return result.ok;
      },
      async openMediaCacheFolder() {
        return (await api.openMediaCacheFolder()).ok;
      },
    };
  };
}
