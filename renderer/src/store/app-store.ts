// One store built from the feature slices. Created per app instance (and per test) with the
// bridge it talks to, so nothing in the store reaches for window.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type { Language } from '../i18n';
import { createAccountSlice } from './account-slice';
import { createCatalogueSlice } from './catalogue-slice';
import { createFavouriteSyncSlice } from './favourite-sync-slice';
import { createPlayerSlice } from './player-slice';
import { createLibrarySlice } from './library-slice';
import { createMediaCacheSlice } from './media-cache-slice';
import type { AppState } from './types';
import { createMediaOutSlice } from './media-out-slice';
import { createSelectionSlice } from './selection-slice';
import { createUiSlice } from './ui-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: BridgeApi, initialLanguage: Language): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createLibrarySlice(api)(...args),
    ...createUiSlice(api, initialLanguage)(...args),
    ...createAccountSlice(api)(...args),
    ...createMediaCacheSlice(api)(...args),
    ...createSelectionSlice()(...args),
    ...createMediaOutSlice(api)(...args),
    ...createCatalogueSlice(api)(...args),
    ...createFavouriteSyncSlice(api)(...args),
    ...createPlayerSlice()(...args),
  }));
}

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreContext provider.');
  return useStore(store, selector);
}
