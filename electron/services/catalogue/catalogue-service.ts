// Keeps the whole catalogue of the active library source in a local database and answers
// search, browsing and favourites from it. A sync lists every business type (every tag comes
// with each item) and runs in the background: on opening a source, on a timer, and on demand.
// The service has no modified-since query, so each sync is a full relist; it is stamped with a
// generation so that a complete sync removes what the service dropped, while a sync cut short
// by a failure keeps everything already stored (and the previous "last updated" time).
//
// Plain Node: the Electron shell and the browser preview both build it in main-services.ts.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { BusinessType, MediaItem, MediaTag } from '../../../shared/domain';
import { BUSINESS_TYPES } from '../../../shared/domain';
import type { CatalogueStatus, SearchQuery, SearchResult } from '../../../shared/catalogue';
import { AppError } from '../../../shared/errors';
import { CatalogueStore } from './catalogue-store';
import type { StoredItem } from './catalogue-store';
import type { FavouriteSyncStore } from './favourite-sync-store';
import { startListing } from './catalogue-lister';
import type { CatalogueLister } from './catalogue-lister';
import { SearchIndex, indexItem } from './search-index';
import type { IndexedItem } from './search-index';

export interface CatalogueServiceOptions {
  /** The folder the databases live in (one file per source). */
  dir: string;
  /** Called on every status change (throttled while items stream in). */
  onStatus?: (status: CatalogueStatus) => void;
  /** Background refresh interval; default 30 minutes (signed media URLs live about an hour). */
  refreshIntervalMs?: number;
  clock?: () => Date;
  /** Called after each complete sync of a source (favourites sync merges then). */
  onSynced?: (sourceKey: string) => void;
}

/** Items written per transaction. */
const WRITE_BATCH = 1000;
/** Progress events at most this often. */
const PROGRESS_INTERVAL_MS = 100;

interface OpenSource {
  key: string;
  lister: CatalogueLister;
  store: CatalogueStore;
  index: SearchIndex;
  favourites: Set<string>;
  /**
   * The fresh signed links of items a re-sync found unchanged. Their rows are not rewritten just
   * because the links changed (nothing relies on a stored link: the UI only asks whether an item
   * has a cover or file, and the media cache and waveforms fetch by MediaId and get a fresh link
   * from GetPublicMediaInfo when theirs has expired), so the newest links are kept here, in
   * memory, and put on the stored item when it is read. After a restart the stored links stand.
   */
  links: Map<string, ItemLinks>;
}

interface ItemLinks {
  cover: string | null;
  files: string[];
}

export class CatalogueService {
  private current: OpenSource | null = null;
  private running: { source: OpenSource; done: Promise<void>; abort: AbortController } | null =
    null;
  private progress: CatalogueStatus['progress'] = null;
  private lastError: CatalogueStatus['error'] = null;
  private timer: NodeJS.Timeout | null = null;
  private lastProgressAt = 0;
  private readonly clock: () => Date;

  constructor(private readonly options: CatalogueServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The database file of a source; the key is hashed, so no path can come from it. */
  static fileFor(dir: string, sourceKey: string): string {
    const hash = createHash('sha256').update(sourceKey).digest('hex').slice(0, 24);
    return join(dir, `catalogue-${hash}.sqlite`);
  }

  /**
   * Switches to a source: opens (or creates) its database, answers from what it holds at once,
   * and starts a sync in the background. Returns once the stored catalogue is searchable.
   */
  open(sourceKey: string, lister: CatalogueLister, options: { sync?: boolean } = {}): void {
    if (this.current?.key === sourceKey) {
      if (this.current.lister !== lister) this.current.lister.close?.();
      this.current.lister = lister;
    } else {
      this.stopSync();
      this.current?.lister.close?.();
      this.current?.store.close();
      const store = new CatalogueStore(CatalogueService.fileFor(this.options.dir, sourceKey));
      const index = new SearchIndex();
      indexStored(store, index);
      this.current = {
        key: sourceKey,
        lister,
        store,
        index,
        favourites: new Set(store.favourites()),
        links: new Map(),
      };
      this.lastError = null;
      this.progress = null;
    }
    this.emit();
    this.startTimer();
    if (options.sync !== false) void this.sync().catch(() => undefined);
  }

  status(): CatalogueStatus {
    const source = this.current;
    return {
      sourceKey: source?.key ?? null,
      state: this.running ? 'syncing' : this.lastError ? 'error' : 'idle',
      itemCount: source?.index.size ?? 0,
      lastSyncedAt: source?.store.meta('lastSyncedAt') ?? null,
      progress: this.running ? this.progress : null,
      error: this.lastError,
    };
  }

  /** Starts a sync, or joins the one under way. Rejects with the sync's AppError. */
  sync(): Promise<void> {
    const source = this.current;
    if (!source) return Promise.reject(new AppError('INTERNAL', 'No library source is open.'));
    if (this.running?.source === source) return this.running.done;
    const abort = new AbortController();
    const done = this.runSync(source, abort.signal).finally(() => {
      if (this.running?.done === done) this.running = null;
      this.emit();
    });
    this.running = { source, done, abort };
    this.progress = { done: 0, total: null };
    this.emit();
    return done;
  }

  search(query: SearchQuery): SearchResult {
    const source = this.requireSource();
    return source.index.search(query, source.favourites);
  }

  /** Stored items by id, in the order asked; unknown ids are left out. */
  items(mediaIds: readonly string[]): MediaItem[] {
    const source = this.requireSource();
    return source.store.items(mediaIds).map((item) => withLinks(item, source.links));
  }

  item(mediaId: string): MediaItem | null {
    const source = this.current;
    const item = source?.store.item(mediaId);
    return source && item ? withLinks(item, source.links) : null;
  }

  tags(businessType: BusinessType): MediaTag[] {
    return (this.current?.store.tags() ?? []).filter((t) => t.businessType === businessType);
  }

  /** Items of a type (and tag) in the stored catalogue: what browsing shows offline. */
  hasItems(): boolean {
    return (this.current?.index.size ?? 0) > 0;
  }

  favourites(): string[] {
    return this.current?.store.favourites() ?? [];
  }

  /** The open source's favourites-sync tables, or null when no source is open. */
  favouriteSyncStore(): FavouriteSyncStore | null {
    return this.current?.store.favouriteSync ?? null;
  }

  /** Makes the favourites exactly these ids (favourites sync's merge); returns them stored. */
  replaceFavourites(mediaIds: readonly string[]): string[] {
    const source = this.requireSource();
    source.store.replaceFavourites(mediaIds, this.clock());
    source.favourites = new Set(source.store.favourites());
    return source.store.favourites();
  }

  setFavourite(mediaId: string, favourite: boolean): string[] {
    const source = this.requireSource();
    source.store.setFavourite(mediaId, favourite, this.clock());
    if (favourite) source.favourites.add(mediaId);
    else source.favourites.delete(mediaId);
    return source.store.favourites();
  }

  close(): void {
    this.stopSync();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.current?.lister.close?.();
    this.current?.store.close();
    this.current = null;
  }

  private requireSource(): OpenSource {
    if (!this.current) throw new AppError('INTERNAL', 'No library source is open.');
    return this.current;
  }

  private stopSync(): void {
    this.running?.abort.abort();
    this.running = null;
  }

  private startTimer(): void {
    if (this.timer) return;
    const interval = this.options.refreshIntervalMs ?? 30 * 60_000;
    this.timer = setInterval(() => void this.sync().catch(() => undefined), interval);
    this.timer.unref();
  }

  private async runSync(source: OpenSource, signal: AbortSignal): Promise<void> {
    const { store, index, lister, links } = source;
    try {
      const generation = store.nextGeneration();
      const totals = new Map<BusinessType, number | null>();
      const seen: IndexedItem[] = [];
      const seenIds = new Set<string>();
      // The tags and all three listings start at once: their requests share the client's
      // concurrency, so the next type's pages are already on the wire while this one's items
      // are stored, and the pipe never drains between types. Items are still taken type by
      // type, so which listing an item listed twice is stored from does not depend on timing.
      // The listings get their own signal, so a failure in one stops the others' requests.
      const listingAbort = new AbortController();
      const stopListings = () => listingAbort.abort();
      signal.addEventListener('abort', stopListings, { once: true });
      const tagLists = Promise.all(
        BUSINESS_TYPES.map((bt) => lister.listTags(bt, listingAbort.signal)),
      );
      tagLists.catch(() => undefined);
      // How many items each type had: a listing asks for that many pages at once.
      const stored = new Map<string, number>();
      for (const entry of index.all()) {
        stored.set(entry.businessType, (stored.get(entry.businessType) ?? 0) + 1);
      }
      const listings = BUSINESS_TYPES.map((businessType) =>
        startListing(
          lister.listType(businessType, {
            signal: listingAbort.signal,
            expectedTotal: stored.get(businessType) ?? 0,
            onTotalCount: (total) => {
              totals.set(businessType, total);
              this.reportProgress(seen.length, totals);
            },
          }),
        ),
      );
      let batch: StoredItem[] = [];
      let pending = 0;
      const flush = () => {
        if (source !== this.current || signal.aborted) throw cancelled();
        store.putItems(batch, generation);
        batch = [];
        pending = 0;
      };
      try {
        const tags = (await tagLists).flat();
        const tagsById = new Map(tags.map((t) => [t.id, t]));
        // Entries embed tag names: when those changed, every item is indexed afresh.
        const tagsChanged = JSON.stringify(tags) !== JSON.stringify(store.tags());
        for (const [i, businessType] of BUSINESS_TYPES.entries()) {
          for await (const page of listings[i]!) {
            for (const listed of page) {
              // An item listed twice (under two types, or on a page that shifted) is stored once.
              if (seenIds.has(listed.mediaId)) continue;
              seenIds.add(listed.mediaId);
              const item = listed.businessType === '' ? { ...listed, businessType } : listed;
              const unchanged = tagsChanged ? null : index.unchanged(item);
              if (unchanged) {
                // Only its links changed: no database write (see OpenSource.links).
                links.set(item.mediaId, linksOf(item));
                seen.push(unchanged);
              } else {
                const entry = indexItem(item, tagsById, index.pinyinFor(item));
                links.delete(item.mediaId);
                batch.push({ item, entry });
                seen.push(entry);
              }
              // Unchanged items count too, so a cancel is noticed as often as before.
              if (++pending >= WRITE_BATCH) flush();
            }
            this.reportProgress(seen.length, totals);
          }
        }
        flush();
        store.putTags(tags);
      } finally {
        // A failed type stops the listings still running (their pages in flight are dropped).
        signal.removeEventListener('abort', stopListings);
        stopListings();
        for (const listing of listings) void listing.close();
      }
      store.removeExcept(seenIds);
      for (const id of links.keys()) if (!seenIds.has(id)) links.delete(id);
      store.setMeta('lastSyncedAt', this.clock().toISOString());
      index.replace(seen);
      this.lastError = null;
      this.options.onSynced?.(source.key);
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('INTERNAL', 'The catalogue could not be stored.', { cause: error });
      if (appError.code !== 'CANCELLED' && source === this.current) {
        this.lastError = appError.toData();
        // Whatever arrived before the failure is stored: search it too.
        indexStored(store, index);
      }
      throw appError;
    }
  }

  private reportProgress(done: number, totals: ReadonlyMap<BusinessType, number | null>): void {
    const known = BUSINESS_TYPES.every((bt) => totals.has(bt) && totals.get(bt) !== null);
    const total = known ? BUSINESS_TYPES.reduce((sum, bt) => sum + (totals.get(bt) ?? 0), 0) : null;
    const totalChanged = total !== (this.progress?.total ?? null);
    this.progress = { done, total };
    const now = Date.now();
    if (!totalChanged && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    this.emit();
  }

  private emit(): void {
    this.options.onStatus?.(this.status());
  }
}

function linksOf(item: MediaItem): ItemLinks {
  return { cover: item.coverUrl, files: item.files.map((f) => f.url) };
}

/**
 * Builds the index from what the store holds; the rows it had to index afresh (stored before
 * entries were, or with a damaged entry) keep the entries it computed.
 */
function indexStored(store: CatalogueStore, index: SearchIndex): void {
  store.putEntries(index.rebuild(store.rows(), store.tags(), (id) => store.itemJson(id)));
}

/** The stored item with the newest links a re-sync saw for it (an unchanged item has as many files). */
function withLinks(item: MediaItem, links: ReadonlyMap<string, ItemLinks>): MediaItem {
  const fresh = links.get(item.mediaId);
  if (!fresh || fresh.files.length !== item.files.length) return item;
  return {
    ...item,
    coverUrl: fresh.cover,
    files: item.files.map((f, i) => ({ ...f, url: fresh.files[i]! })),
  };
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The sync was cancelled.');
}
