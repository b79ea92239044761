// Browsing state: the chosen business type and tag, the tags of each type, and the pages of
// media loaded per (type, tag). Every API call returns a Result; failures are kept as data so
// the views can show words for the code and offer Retry.

import type {
  BusinessType,
  LibrarySource,
  LibrarySourceKind,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import type { BridgeApi } from '../../../shared/ipc-contract';
import { MediaItems } from './media-items';
import type { SliceCreator } from './types';

export const PAGE_SIZE = 48;
/** Cached pages are reused for this long; signed media URLs are reported to live about an hour. */
export const LIST_MAX_AGE_MS = 20 * 60 * 1000;

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface TagsState {
  status: LoadStatus;
  tags: MediaTag[];
  error: AppErrorData | null;
}

export interface MediaListState {
  /** State of the first page; later pages report through moreStatus. */
  status: LoadStatus;
  error: AppErrorData | null;
  ids: string[];
  totalCount: number | null;
  pagesLoaded: number;
  hasMore: boolean;
  moreStatus: 'idle' | 'loading' | 'error';
  moreError: AppErrorData | null;
  loadedAt: number;
}

export interface SourceSwitchError {
  kind: LibrarySourceKind;
  error: AppErrorData;
}

export interface LibrarySlice {
  source: LibrarySource | null;
  sourceError: AppErrorData | null;
  /** The source being switched to, while the main process opens it. */
  switchingTo: LibrarySourceKind | null;
  switchError: SourceSwitchError | null;
  businessType: BusinessType;
  /** Null means "All". */
  selectedTagId: string | null;
  tagsByType: Partial<Record<BusinessType, TagsState>>;
  lists: Record<string, MediaListState>;
  /** Every item the page holds, by MediaId (grows a batch at a time without copying). */
  mediaById: MediaItems;
  selectedMediaId: string | null;

  /** Loads the source, the tags and the first page; returns a function that stops listening. */
  startLibrary(): () => void;
  selectBusinessType(businessType: BusinessType): void;
  selectTag(tagId: string | null): void;
  loadMore(): void;
  retryList(): void;
  retryTags(): void;
  selectMedia(mediaId: string | null): void;
  /** Switches the library to another source; the grid reloads from it. */
  switchSource(kind: LibrarySourceKind): Promise<void>;
  dismissSwitchError(): void;
}

export function listKey(businessType: BusinessType, tagId: string | null): string {
  return `${businessType}/${tagId ?? '*'}`;
}

const INITIAL_LIST: Omit<MediaListState, 'status' | 'loadedAt'> = {
  error: null,
  ids: [],
  totalCount: null,
  pagesLoaded: 0,
  hasMore: false,
  moreStatus: 'idle',
  moreError: null,
};

function hasMorePages(page: MediaPage, loaded: number): boolean {
  if (page.items.length === 0) return false;
  if (page.totalCount !== null) return loaded < page.totalCount;
  return page.nextToken !== null || page.items.length >= PAGE_SIZE;
}

export function createLibrarySlice(api: BridgeApi): SliceCreator<LibrarySlice> {
  return (set, get) => {
    // Responses that arrive after the source changed, or after a newer request for the same
    // list, are dropped: the epoch and the per-list sequence number tell.
    let epoch = 0;
    const listSeq = new Map<string, number>();
    // The ids each list holds, kept beside it so a new page is checked for repeats without
    // rebuilding a set of every id already listed (that made paging quadratic).
    const listedIds = new Map<string, Set<string>>();

    const patchList = (key: string, patch: Partial<MediaListState>): void => {
      set((state) => {
        const current = state.lists[key];
        if (!current) return {};
        return { lists: { ...state.lists, [key]: { ...current, ...patch } } };
      });
    };

    const storeItems = (items: MediaItem[]): void => {
      set((state) => ({ mediaById: state.mediaById.with(items) }));
    };

    const loadSource = async (): Promise<void> => {
      const started = epoch;
      const result = await api.getLibrarySource();
      if (started !== epoch) return;
      if (result.ok) set({ source: result.value, sourceError: null });
      else set({ sourceError: result.error });
    };

    const loadTags = async (businessType: BusinessType, force = false): Promise<void> => {
      const existing = get().tagsByType[businessType];
      if (!force && existing && existing.status !== 'error') return;
      const started = epoch;
      set((state) => ({
        tagsByType: {
          ...state.tagsByType,
          [businessType]: { status: 'loading', tags: existing?.tags ?? [], error: null },
        },
      }));
      const result = await api.listTags({ businessType });
      if (started !== epoch) return;
      const next: TagsState = result.ok
        ? { status: 'ready', tags: result.value, error: null }
        : { status: 'error', tags: existing?.tags ?? [], error: result.error };
      set((state) => ({ tagsByType: { ...state.tagsByType, [businessType]: next } }));
    };

    const loadPage = async (
      businessType: BusinessType,
      tagId: string | null,
      pageNo: number,
    ): Promise<void> => {
      const key = listKey(businessType, tagId);
      const seq = (listSeq.get(key) ?? 0) + 1;
      listSeq.set(key, seq);
      const started = epoch;
      const result = await api.listMedia({
        businessType,
        ...(tagId === null ? {} : { mediaTagId: tagId }),
        pageNo,
        pageSize: PAGE_SIZE,
      });
      if (started !== epoch || listSeq.get(key) !== seq) return;
      const current = get().lists[key];
      if (!current) return;
      if (!result.ok) {
        if (pageNo === 1) patchList(key, { status: 'error', error: result.error });
        else patchList(key, { moreStatus: 'error', moreError: result.error });
        return;
      }
      const page = result.value;
      storeItems(page.items);
      let seen = listedIds.get(key);
      if (pageNo === 1 || seen === undefined) {
        seen = new Set(pageNo === 1 ? [] : current.ids);
        listedIds.set(key, seen);
      }
      const added: string[] = [];
      for (const item of page.items) {
        if (!seen.has(item.mediaId)) {
          seen.add(item.mediaId);
          added.push(item.mediaId);
        }
      }
      const ids = pageNo === 1 ? added : current.ids.concat(added);
      patchList(key, {
        status: 'ready',
        error: null,
        ids,
        totalCount: page.totalCount,
        pagesLoaded: pageNo,
        hasMore: hasMorePages(page, ids.length),
        moreStatus: 'idle',
        moreError: null,
        loadedAt: Date.now(),
      });
    };

    /** Shows the cached list for the current selection, or loads its first page. */
    const ensureList = (force = false): void => {
      const { businessType, selectedTagId, lists } = get();
      const key = listKey(businessType, selectedTagId);
      const cached = lists[key];
      const fresh =
        cached !== undefined &&
        cached.status !== 'error' &&
        Date.now() - cached.loadedAt < LIST_MAX_AGE_MS;
      if (!force && fresh) return;
      set((state) => ({
        lists: {
          ...state.lists,
          [key]: { ...INITIAL_LIST, status: 'loading', loadedAt: Date.now() },
        },
      }));
      void loadPage(businessType, selectedTagId, 1);
    };

    /** After a source change: nothing loaded from the old source stays on screen. */
    const reloadEverything = (source: LibrarySource): void => {
      epoch += 1;
      listSeq.clear();
      listedIds.clear();
      set({
        source,
        sourceError: null,
        switchError: null,
        tagsByType: {},
        lists: {},
        mediaById: MediaItems.EMPTY,
        selectedMediaId: null,
        detailsOpen: false,
        selectedIds: [],
        selectionAnchor: null,
        localFiles: {},
        dragPending: [],
      });
      void loadTags(get().businessType);
      ensureList();
    };

    return {
      source: null,
      sourceError: null,
      switchingTo: null,
      switchError: null,
      businessType: 'sticker',
      selectedTagId: null,
      tagsByType: {},
      lists: {},
      mediaById: MediaItems.EMPTY,
      selectedMediaId: null,

      startLibrary() {
        void loadSource();
        void loadTags(get().businessType);
        ensureList();
        return api.onLibrarySourceChanged(reloadEverything);
      },

      selectBusinessType(businessType) {
        if (businessType === get().businessType && get().selectedTagId === null) return;
        // Details of another kind of media would sit beside a grid that cannot show it.
        const leaving = businessType !== get().businessType;
        set({ businessType, selectedTagId: null, ...(leaving ? { detailsOpen: false } : {}) });
        void loadTags(businessType);
        ensureList();
      },

      selectTag(tagId) {
        if (tagId === get().selectedTagId) return;
        set({ selectedTagId: tagId });
        ensureList();
      },

      loadMore() {
        const { businessType, selectedTagId, lists } = get();
        const key = listKey(businessType, selectedTagId);
        const list = lists[key];
        if (!list || list.status !== 'ready' || !list.hasMore || list.moreStatus === 'loading') {
          return;
        }
        patchList(key, { moreStatus: 'loading', moreError: null });
        void loadPage(businessType, selectedTagId, list.pagesLoaded + 1);
      },

      retryList() {
        const { businessType, selectedTagId, lists } = get();
        const list = lists[listKey(businessType, selectedTagId)];
        if (list?.moreStatus === 'error') {
          patchList(listKey(businessType, selectedTagId), { moreStatus: 'idle' });
          get().loadMore();
        } else {
          ensureList(true);
        }
        if (get().sourceError) void loadSource();
      },

      retryTags() {
        void loadTags(get().businessType, true);
      },

      selectMedia(mediaId) {
        set({ selectedMediaId: mediaId });
      },

      async switchSource(kind) {
        const { source, switchingTo } = get();
        if (switchingTo !== null || source?.kind === kind) return;
        set({ switchingTo: kind, switchError: null });
        const before = epoch;
        const result = await api.setLibrarySource({ kind });
        set({ switchingTo: null });
        if (!result.ok) {
          set({ switchError: { kind, error: result.error } });
          return;
        }
        // The main process announces the change (onLibrarySourceChanged), usually before this
        // reply; reload here only when that announcement has not arrived.
        if (epoch === before) reloadEverything(result.value);
      },

      dismissSwitchError() {
        set({ switchError: null });
      },
    };
  };
}
