// Keeps the local favourites of an account source in step with the account's favourites on the
// service (AddFavoritePublicMedia / CancelFavoritePublicMedia / SearchPublicMediaInfo with
// Favorite=true), when the user has turned it on for that source. Off by default; the demo and
// public sources have no account, so it is not offered there.
//
// Nothing is lost:
// - A star or unstar is stored locally at once (as before) and queued in the database's outbox;
//   the outbox is sent in batches, and a change leaves it only once the service accepted it. Off
//   line, throttled or failing, the changes stay queued (across restarts) and are retried with a
//   growing delay (the service's Retry-After when it gives one), on the next catalogue sync, and
//   on Retry.
// - The merge, on turning the sync on and after every catalogue sync, after sending the outbox:
//   * First time on for a source (not yet "joined"): the union. Local favourites the service
//     lacks are queued as adds and sent; the service's favourites are starred locally. Nothing on
//     either side is removed.
//   * Afterwards: changes still queued win (a queued star stays starred, a queued unstar stays
//     unstarred, whatever the service says), then the service's list is the truth: a favourite
//     removed in the console or on another computer is unstarred here, one added there is
//     starred here. Exception: favourites the service refused (its IgnoredList, e.g. media it
//     does not offer to favourite) stay starred on this computer only, and are counted.
// - Turning the sync off keeps the local favourites as they are, drops the unsent queue and
//   the "joined" mark: turning it on again starts with a union again.
//
// The catalogue database is per source (endpoint), not per AccessKey: a different key on the
// same endpoint meets the same local favourites and would take part in the same union.

import type { AppErrorData } from '../../../shared/errors';
import { AppError, isTransientError } from '../../../shared/errors';
import type { FavouriteSyncStatus } from '../../../shared/favourite-sync';
import { FAVOURITE_BATCH } from '../ice/favourite-calls';
import type { IceFavouritesApi } from '../ice/ice-api';
import type { CatalogueService } from './catalogue-service';
import type { FavouriteSyncStore, PendingFavouriteChange } from './favourite-sync-store';

export interface FavouriteSyncOptions {
  catalogue: CatalogueService;
  onStatus?: (status: FavouriteSyncStatus) => void;
  /** The favourites after a merge changed them (the page re-reads its stars). */
  onFavourites?: (mediaIds: string[]) => void;
  clock?: () => Date;
  /** Waits before automatic retries, in order, the last repeating. */
  retryDelaysMs?: readonly number[];
}

/** Failures that may pass by themselves: retried automatically. */
const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 300_000];

export class FavouriteSync {
  private api: IceFavouritesApi | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastError: AppErrorData | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextRetryAt: Date | null = null;
  private failures = 0;
  private readonly clock: () => Date;

  constructor(private readonly options: FavouriteSyncOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * The source the catalogue just opened: its favourites API when it is an account source, else
   * null. A source with the sync on starts a pass at once (sending what was queued last time).
   */
  attach(api: IceFavouritesApi | null): void {
    this.api = api;
    this.lastError = null;
    this.failures = 0;
    this.clearRetry();
    this.emit();
    if (api && this.enabled()) void this.run();
  }

  status(): FavouriteSyncStatus {
    const store = this.store();
    const enabled = this.api !== null && this.enabled();
    return {
      unavailable: this.api ? null : 'no-account',
      enabled,
      state: !enabled ? 'off' : this.running ? 'syncing' : this.lastError ? 'error' : 'idle',
      lastSyncedAt: store?.value('lastSyncedAt') ?? null,
      pendingCount: enabled && store ? store.pending().length : 0,
      localOnlyCount: enabled && store ? this.localOnlyFavourites(store).length : 0,
      error: enabled ? this.lastError : null,
      nextRetryAt: enabled && this.nextRetryAt ? this.nextRetryAt.toISOString() : null,
    };
  }

  /** Turns the sync on (merging at once; the answer carries any failure) or off. */
  async setEnabled(enabled: boolean): Promise<FavouriteSyncStatus> {
    const store = this.store();
    if (enabled && (!this.api || !store)) {
      throw new AppError(
        'INVALID_INPUT',
        'Favourites sync needs an Alibaba Cloud account as the library source.',
      );
    }
    if (!store) return this.status();
    if (enabled) {
      store.setValue('enabled', '1');
      await this.run();
    } else {
      store.reset();
      this.lastError = null;
      this.failures = 0;
      this.clearRetry();
      this.emit();
    }
    return this.status();
  }

  /** After a local star or unstar (already stored): queue it for the service and send soon. */
  recordLocalChange(mediaId: string, favourite: boolean): void {
    const store = this.store();
    if (!this.api || !store || !this.enabled()) return;
    store.queue(mediaId, favourite);
    if (!favourite) store.setLocalOnly(mediaId, false);
    this.emit();
    // While waiting out a throttle or an outage, the next automatic retry sends it.
    if (this.retryTimer === null) void this.run();
  }

  /** Retry now (the status line's Retry). */
  async retry(): Promise<FavouriteSyncStatus> {
    this.clearRetry();
    await this.run();
    return this.status();
  }

  /** The catalogue finished a sync of the open source. */
  catalogueSynced(): void {
    if (this.api && this.enabled()) void this.run();
  }

  close(): void {
    this.api = null;
    this.clearRetry();
  }

  /** One pass at a time; a request during a pass runs one more pass after it. */
  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const done = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      if (this.running === done) this.running = null;
      this.emit();
    });
    this.running = done;
    this.emit();
    return done;
  }

  private async pass(): Promise<void> {
    const api = this.api;
    const store = this.store();
    if (!api || !store || !this.enabled()) return;
    // Another source opened meanwhile: this pass's answers belong to the old one.
    const stale = () => this.api !== api || this.store() !== store;
    try {
      await this.send(api, store, stale);
      if (stale()) return;
      const remote = await api.listFavoritePublicMedia();
      if (stale()) return;
      const queuedUnion = this.merge(store, remote);
      if (queuedUnion) await this.send(api, store, stale);
      if (stale()) return;
      store.setValue('lastSyncedAt', this.clock().toISOString());
      this.lastError = null;
      this.failures = 0;
      this.clearRetry();
    } catch (error) {
      if (stale()) return;
      const data =
        error instanceof AppError
          ? error.toData()
          : new AppError('INTERNAL', 'Favourites could not be synced.').toData();
      this.lastError = data;
      this.scheduleRetry(data);
    }
  }

  /** Sends the outbox in batches; each accepted batch leaves it at once. */
  private async send(
    api: IceFavouritesApi,
    store: FavouriteSyncStore,
    stale: () => boolean,
  ): Promise<void> {
    const pending = store.pending();
    const adds = pending.filter((c) => c.favourite);
    const removes = pending.filter((c) => !c.favourite);
    for (const batch of chunks(adds)) {
      const { ignored } = await api.addFavoritePublicMedia(batch.map((c) => c.mediaId));
      if (stale()) return;
      const refused = new Set(ignored);
      for (const change of batch)
        if (refused.has(change.mediaId)) store.setLocalOnly(change.mediaId, true);
      store.settle(batch);
      this.emit();
    }
    for (const batch of chunks(removes)) {
      // An id the service did not have (its IgnoredList) is as good as removed.
      await api.cancelFavoritePublicMedia(batch.map((c) => c.mediaId));
      if (stale()) return;
      store.settle(batch);
      this.emit();
    }
  }

  /**
   * Applies the service's list to the local favourites (see the top of this file). Returns true
   * when it queued local favourites for the service (the first, union merge).
   */
  private merge(store: FavouriteSyncStore, remote: readonly string[]): boolean {
    const local = this.options.catalogue.favourites();
    const pending = store.pending();
    const queuedAdd = new Set(pending.filter((c) => c.favourite).map((c) => c.mediaId));
    const queuedRemove = new Set(pending.filter((c) => !c.favourite).map((c) => c.mediaId));
    const remoteSet = new Set(remote);
    const joined = store.value('joined') === '1';
    let next: string[];
    let queued = false;
    if (!joined) {
      for (const id of local) {
        if (!remoteSet.has(id) && !queuedAdd.has(id) && !queuedRemove.has(id)) {
          store.queue(id, true);
          queued = true;
        }
      }
      // Local order first (the user's own), then what only the service had.
      next = [...local, ...remote.filter((id) => !local.includes(id))];
      store.setValue('joined', '1');
    } else {
      const localOnly = store.localOnly();
      const kept = local.filter((id) => queuedAdd.has(id) || localOnly.has(id));
      next = [...kept, ...remote.filter((id) => !kept.includes(id))];
    }
    next = next.filter((id) => !queuedRemove.has(id));
    const before = local.join('\n');
    const after = this.options.catalogue.replaceFavourites(next);
    if (after.join('\n') !== before) this.options.onFavourites?.(after);
    return queued;
  }

  private localOnlyFavourites(store: FavouriteSyncStore): string[] {
    const localOnly = store.localOnly();
    return this.options.catalogue.favourites().filter((id) => localOnly.has(id));
  }

  private scheduleRetry(error: AppErrorData): void {
    this.clearRetry();
    if (!isTransientError(error.code)) return; // a key or permission problem waits for the user
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const backoff = delays[Math.min(this.failures, delays.length - 1)] ?? 60_000;
    this.failures += 1;
    const wait = Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000);
    this.nextRetryAt = new Date(this.clock().getTime() + wait);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.nextRetryAt = null;
      void this.run();
    }, wait);
    this.retryTimer.unref();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
  }

  private enabled(): boolean {
    return this.store()?.value('enabled') === '1';
  }

  private store(): FavouriteSyncStore | null {
    return this.options.catalogue.favouriteSyncStore();
  }

  private emit(): void {
    this.options.onStatus?.(this.status());
  }
}

function chunks(changes: readonly PendingFavouriteChange[]): PendingFavouriteChange[][] {
  const out: PendingFavouriteChange[][] = [];
  for (let i = 0; i < changes.length; i += FAVOURITE_BATCH) {
    out.push(changes.slice(i, i + FAVOURITE_BATCH));
  }
  return out;
}
