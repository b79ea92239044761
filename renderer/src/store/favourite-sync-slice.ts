// Favourites sync with the account, as the page sees it: the option and its status line in
// Settings, and the stars after the main process merged the service's favourites in.

import type { AppErrorData } from '../../../shared/errors';
import type { FavouriteSyncStatus } from '../../../shared/favourite-sync';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type { SliceCreator } from './types';

export interface FavouriteSyncSlice {
  favouriteSync: FavouriteSyncStatus | null;
  /** A failure of the last turn on/off or Retry request itself (the bridge, a bad source). */
  favouriteSyncRequestError: AppErrorData | null;
  /** Loads the status and follows its events; returns a function that stops listening. */
  startFavouriteSync(): () => void;
  setFavouriteSync(enabled: boolean): Promise<void>;
  retryFavouriteSync(): Promise<void>;
}

export function createFavouriteSyncSlice(api: BridgeApi): SliceCreator<FavouriteSyncSlice> {
  return (set, get) => ({
    favouriteSync: null,
    favouriteSyncRequestError: null,
    startFavouriteSync() {
      const stopStatus = api.onFavouriteSyncStatus((status) => set({ favouriteSync: status }));
      const stopFavourites = api.onFavouritesChanged((ids) => {
        set({ favouriteIds: ids });
        if (get().view === 'favourites') get().refreshResults();
      });
      void api.getFavouriteSync().then((result) => {
        if (result.ok) set({ favouriteSync: result.value });
      });
      return () => {
        stopStatus();
        stopFavourites();
      };
    },
    async setFavouriteSync(enabled) {
      const current = get().favouriteSync;
      // The switch moves at once; the answer (after the first merge) is the truth.
      if (current) set({ favouriteSync: { ...current, enabled } });
      set({ favouriteSyncRequestError: null });
      const result = await api.setFavouriteSync({ enabled });
      if (result.ok) set({ favouriteSync: result.value });
      else set({ favouriteSync: current, favouriteSyncRequestError: result.error });
    },
    async retryFavouriteSync() {
      set({ favouriteSyncRequestError: null });
      const result = await api.retryFavouriteSync();
      if (result.ok) set({ favouriteSync: result.value });
      else set({ favouriteSyncRequestError: result.error });
    },
  });
}
