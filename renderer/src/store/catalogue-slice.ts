// The local catalogue in the page: its sync status, the search text, filters and sort, the
// result (every matching id, so the grid's scrollbar covers the whole result) and favourites.
// Items are fetched by id as the grid shows them. Browsing a business type and tag reads from
// the catalogue too once it holds items, so it works offline; before the first sync the grid
// pages through the service as before.

import type { BusinessType } from '../../../shared/domain';
import type {
  CatalogueStatus,
  ImageSize,
  Orientation,
  SearchQuery,
  SearchSort,
} from '../../../shared/catalogue';
import type { AppErrorData } from '../../../shared/errors';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type { SliceCreator } from './types';

export interface SearchFilters {
  /** The business type searched; null = every type (search) or the sidebar's (browse). */
  businessType: BusinessType | null;
  tagIds: string[];
  formats: string[];
  minDuration: number | null;
  maxDuration: number | null;
  orientations: Orientation[];
  imageSizes: ImageSize[];
  animatedOnly: boolean;
}

export const NO_FILTERS: SearchFilters = {
  businessType: null,
  tagIds: [],
  formats: [],
  minDuration: null,
  maxDuration: null,
  orientations: [],
  imageSizes: [],
  animatedOnly: false,
};

export type CatalogueView = 'browse' | 'favourites';

export interface CatalogueResults {
  /** The query these answer, serialized: a newer query replaces them. */
  key: string;
  status: 'loading' | 'ready' | 'error';
  ids: string[];
  formats: string[];
  error: AppErrorData | null;
}

export interface CatalogueSlice {
  catalogue: CatalogueStatus | null;
  catalogueSyncError: AppErrorData | null;
  searchText: string;
  filters: SearchFilters;
  sort: SearchSort | null;
  view: CatalogueView;
  results: CatalogueResults | null;
  favouriteIds: string[];
  /** Waveform peaks by media id, or 'failed' when the track has none to give. */
  waveforms: Record<string, number[] | 'failed'>;

  /** Loads the status and favourites and follows status events; returns the unsubscribe. */
  startCatalogue(): () => void;
  setSearchText(text: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  clearFilters(): void;
  setSort(sort: SearchSort | null): void;
  showView(view: CatalogueView): void;
  /** Back to browsing the sidebar's business type and tag: leaves search and favourites. */
  browse(): void;
  syncCatalogue(): Promise<void>;
  /** Asks the catalogue again for the current query (after a failure). */
  refreshResults(): void;
  toggleFavourite(mediaId: string): Promise<void>;
  /** Asks the main process for a track's waveform once. */
  loadWaveform(mediaId: string): void;
  /**
   * Fetches the items of these ids that the page does not hold yet (nor asked for already);
   * settles when those have arrived or failed (a failed one is asked again by the next call).
   */
  ensureItems(mediaIds: readonly string[]): Promise<void>;
}

/** Whether the grid shows the catalogue's answer (true) or pages through the service (false). */
export function usesCatalogue(
  state: Pick<CatalogueSlice, 'catalogue' | 'searchText' | 'view' | 'filters'>,
): boolean {
  if (state.view === 'favourites' || state.searchText.trim() !== '') return true;
  return (state.catalogue?.itemCount ?? 0) > 0;
}

export function filtersActive(filters: SearchFilters): boolean {
  return (
    filters.businessType !== null ||
    filters.tagIds.length > 0 ||
    filters.formats.length > 0 ||
    filters.minDuration !== null ||
    filters.maxDuration !== null ||
    filters.orientations.length > 0 ||
    filters.imageSizes.length > 0 ||
    filters.animatedOnly
  );
}

/** The query the grid shows now, from the search, the filters, the view and the sidebar. */
export function currentQuery(state: {
  searchText: string;
  filters: SearchFilters;
  sort: SearchSort | null;
  view: CatalogueView;
  businessType: BusinessType;
  selectedTagId: string | null;
}): SearchQuery {
  const { filters } = state;
  const text = state.searchText.trim();
  const browsing = state.view === 'browse' && text === '';
  const query: SearchQuery = { text };
  const businessType = browsing ? state.businessType : filters.businessType;
  if (businessType) query.businessType = businessType;
  const tagIds = browsing && state.selectedTagId !== null ? [state.selectedTagId] : filters.tagIds;
  if (tagIds.length > 0) query.tagIds = tagIds;
  if (filters.formats.length > 0) query.formats = filters.formats;
  if (filters.minDuration !== null) query.minDuration = filters.minDuration;
  if (filters.maxDuration !== null) query.maxDuration = filters.maxDuration;
  if (filters.orientations.length > 0) query.orientations = filters.orientations;
  if (filters.imageSizes.length > 0) query.imageSizes = filters.imageSizes;
  if (filters.animatedOnly) query.animatedOnly = true;
  if (state.view === 'favourites') query.favouritesOnly = true;
  if (state.sort) query.sort = state.sort;
  return query;
}

const ITEM_BATCH = 500;
/** The answer's first items, fetched with it (the rest as the grid scrolls to them). */
const FIRST_SCREEN = 60;

export function createCatalogueSlice(api: BridgeApi): SliceCreator<CatalogueSlice> {
  return (set, get, store) => {
    let searchSeq = 0;
    /** Items asked for (in flight or arrived), with the request that fetches them. */
    const requested = new Map<string, Promise<void>>();
    const waveformsAsked = new Set<string>();

    const runSearch = async (): Promise<void> => {
      const state = get();
      if (!usesCatalogue(state)) {
        if (state.results !== null) set({ results: null });
        return;
      }
      const query = currentQuery(state);
      const key = JSON.stringify(query);
      const seq = ++searchSeq;
      const previous = state.results;
      // Keep the previous ids on screen while the next answer comes (a few ms): no flash.
      set({
        results: {
          key,
          status: previous?.key === key && previous.status === 'ready' ? 'ready' : 'loading',
          ids: previous?.ids ?? [],
          formats: previous?.formats ?? [],
          error: null,
        },
      });
      const result = await api.searchCatalogue(query);
      if (seq !== searchSeq) return;
      if (result.ok) {
        // The first screen's items come with the answer: shown before them, every new tile was
        // a placeholder for a moment (a whole grid of skeletons when the first sync landed, a
        // flicker on each letter typed).
        const firstScreen = result.value.ids.slice(0, FIRST_SCREEN);
        await get().ensureItems(firstScreen);
        if (seq !== searchSeq) return;
        // The same answer keeps its array: a sync that changed nothing in this view (the timer's
        // refresh) re-renders no grid and moves no list.
        const before = get().results;
        const same = before?.key === key && sameIds(before.ids, result.value.ids);
        set({
          results: {
            key,
            status: 'ready',
            ids: same ? before.ids : result.value.ids,
            formats: result.value.formats,
            error: null,
          },
        });
        // Whatever that could not fetch is asked again.
        void get().ensureItems(firstScreen);
      } else {
        set({ results: { key, status: 'error', ids: [], formats: [], error: result.error } });
      }
    };

    const applyStatus = (status: CatalogueStatus): void => {
      const before = get().catalogue;
      set({ catalogue: status });
      // A finished sync (or a different source) changes what the query answers.
      if (
        before === null ||
        before.sourceKey !== status.sourceKey ||
        before.lastSyncedAt !== status.lastSyncedAt ||
        (before.state === 'syncing' && status.state !== 'syncing') ||
        (before.itemCount === 0) !== (status.itemCount === 0)
      ) {
        if (before?.sourceKey !== status.sourceKey) requested.clear();
        void runSearch();
      }
    };

    return {
      catalogue: null,
      catalogueSyncError: null,
      searchText: '',
      filters: NO_FILTERS,
      sort: null,
      view: 'browse',
      results: null,
      favouriteIds: [],
      waveforms: {},

      loadWaveform(mediaId) {
        if (mediaId in get().waveforms || waveformsAsked.has(mediaId)) return;
        waveformsAsked.add(mediaId);
        void api.getWaveform({ mediaId }).then((result) => {
          set((state) => ({
            waveforms: { ...state.waveforms, [mediaId]: result.ok ? result.value.peaks : 'failed' },
          }));
        });
      },

      startCatalogue() {
        const stopEvents = api.onCatalogueStatus(applyStatus);
        // Browsing another type or tag changes the query.
        const stopWatching = store.subscribe((state, previous) => {
          if (
            state.businessType !== previous.businessType ||
            state.selectedTagId !== previous.selectedTagId
          ) {
            void runSearch();
          }
        });
        void api.getCatalogueStatus().then((result) => {
          if (result.ok) applyStatus(result.value);
        });
        void api.listFavourites().then((result) => {
          if (result.ok) set({ favouriteIds: result.value });
        });
        return () => {
          stopEvents();
          stopWatching();
        };
      },

      setSearchText(text) {
        set({ searchText: text });
        void runSearch();
      },

      setFilters(patch) {
        set((state) => ({ filters: { ...state.filters, ...patch } }));
        void runSearch();
      },

      clearFilters() {
        set({ filters: NO_FILTERS });
        void runSearch();
      },

      setSort(sort) {
        set({ sort });
        void runSearch();
      },

      showView(view) {
        set({ view });
        void runSearch();
      },

      browse() {
        if (get().view === 'browse' && get().searchText === '') return;
        set({ view: 'browse', searchText: '' });
        void runSearch();
      },

      refreshResults() {
        void runSearch();
      },

      async syncCatalogue() {
        set({ catalogueSyncError: null });
        const result = await api.syncCatalogue();
        if (result.ok) applyStatus(result.value);
        else set({ catalogueSyncError: result.error });
      },

      async toggleFavourite(mediaId) {
        const favourite = !get().favouriteIds.includes(mediaId);
        // Shown at once; the main process's answer is the truth.
        set((state) => ({
          favouriteIds: favourite
            ? [mediaId, ...state.favouriteIds]
            : state.favouriteIds.filter((id) => id !== mediaId),
        }));
        const result = await api.setFavourite({ mediaId, favourite });
        if (result.ok) set({ favouriteIds: result.value });
        else {
          // Not stored: the star goes back to what it was (other changes meanwhile stay).
          set((state) => ({
            favouriteIds: favourite
              ? state.favouriteIds.filter((id) => id !== mediaId)
              : state.favouriteIds.includes(mediaId)
                ? state.favouriteIds
                : [...state.favouriteIds, mediaId],
          }));
        }
        if (get().view === 'favourites') void runSearch();
      },

      async ensureItems(mediaIds) {
        const { mediaById } = get();
        // An id another call already asked for is waited for, not asked again: a new answer's
        // first screen whose items the grid is fetching shows when they are here, not before.
        const waits = new Set<Promise<void>>();
        const missing: string[] = [];
        for (const id of mediaIds) {
          if (mediaById.has(id)) continue;
          const asked = requested.get(id);
          if (asked) waits.add(asked);
          else missing.push(id);
        }
        for (let i = 0; i < missing.length; i += ITEM_BATCH) {
          const batch = missing.slice(i, i + ITEM_BATCH);
          const fetched = api.getCatalogueItems({ mediaIds: batch }).then((result) => {
            if (!result.ok) {
              for (const id of batch) requested.delete(id);
              return;
            }
            set((state) => ({ mediaById: state.mediaById.with(result.value) }));
          });
          for (const id of batch) requested.set(id, fetched);
          waits.add(fetched);
        }
        await Promise.all(waits);
      },
    };
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
