import type { StateCreator } from 'zustand/vanilla';
import type { AccountSlice } from './account-slice';
import type { CatalogueSlice } from './catalogue-slice';
import type { FavouriteSyncSlice } from './favourite-sync-slice';
import type { PlayerSlice } from './player-slice';
import type { LibrarySlice } from './library-slice';
import type { MediaCacheSlice } from './media-cache-slice';
import type { MediaOutSlice } from './media-out-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';

/** The whole store: the feature slices side by side. */
export type AppState = LibrarySlice &
  UiSlice &
  AccountSlice &
  MediaCacheSlice &
  SelectionSlice &
  MediaOutSlice &
  CatalogueSlice &
  FavouriteSyncSlice &
  PlayerSlice;

/** A slice creator that can read and write the whole store. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
