// Favourites sync between the local catalogue database and an account's favourites on the
// service: the union on first enable, "queued changes win, then the service is the truth"
// afterwards, and a queue that survives an outage and a restart and is sent once the service
// is back. The service here is an in-memory stand-in whose failures the test switches on and
// off; the real calls against the demo server are in tests/electron/services/ice and the e2e.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueService } from '../../../../electron/services/catalogue/catalogue-service';
import type { CatalogueLister } from '../../../../electron/services/catalogue/catalogue-lister';
import { FavouriteSync } from '../../../../electron/services/catalogue/favourite-sync';
import type { IceFavouritesApi } from '../../../../electron/services/ice/ice-api';
import { AppError } from '../../../../shared/errors';
import type { FavouriteSyncStatus } from '../../../../shared/favourite-sync';
import { rejectionOf } from '../../../support/app-error';

let workDir: string;
let n = 0;
const services: CatalogueService[] = [];
const syncs: FavouriteSync[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-fav-sync-'));
});
afterEach(() => {
  for (const s of syncs.splice(0)) s.close();
  for (const s of services.splice(0)) s.close();
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

const NO_LISTING: CatalogueLister = {
  listType: async function* () {},
  listTags: async () => [],
};

/** The account's favourites on the "service", newest first, with a switch for failures. */
class FakeService implements IceFavouritesApi {
  favourites: string[] = [];
  failure: AppError | null = null;
  /** Ids the service refuses to favourite (its IgnoredList). */
  refuses = new Set<string>();
  calls: string[] = [];
  /** When set, listing waits for it (a list call in flight). */
  gate: Promise<void> | null = null;

  private check(action: string) {
    this.calls.push(action);
    if (this.failure) throw this.failure;
  }
  async addFavoritePublicMedia(ids: readonly string[]) {
    this.check('add');
    const ignored = ids.filter((id) => this.refuses.has(id));
    const fresh = ids.filter((id) => !this.refuses.has(id) && !this.favourites.includes(id));
    this.favourites = [...fresh.reverse(), ...this.favourites];
    return { ignored };
  }
  async cancelFavoritePublicMedia(ids: readonly string[]) {
    this.check('cancel');
    const ignored = ids.filter((id) => !this.favourites.includes(id));
    this.favourites = this.favourites.filter((id) => !ids.includes(id));
    return { ignored };
  }
  async searchPublicMediaInfo() {
    this.check('search');
    return { items: [], totalCount: 0 };
  }
  async listFavoritePublicMedia() {
    this.check('list');
    const snapshot = [...this.favourites];
    if (this.gate) await this.gate;
    return snapshot;
  }
}

function setUp(dir = join(workDir, `db-${++n}`), api: IceFavouritesApi | null = null) {
  const catalogue = new CatalogueService({ dir, refreshIntervalMs: 3_600_000 });
  services.push(catalogue);
  catalogue.open('account:ice.example', NO_LISTING, { sync: false });
  const statuses: FavouriteSyncStatus[] = [];
  const changed: string[][] = [];
  const sync = new FavouriteSync({
    catalogue,
    onStatus: (s) => statuses.push(s),
    onFavourites: (ids) => changed.push(ids),
    retryDelaysMs: [20],
  });
  syncs.push(sync);
  sync.attach(api);
  /** What the user does: the catalogue stores the star, the sync queues it. */
  const star = (id: string, favourite = true) => {
    catalogue.setFavourite(id, favourite);
    sync.recordLocalChange(id, favourite);
  };
  return { dir, catalogue, sync, statuses, changed, star };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('favourites sync', () => {
  it('is off by default and not offered without an account', async () => {
    const withAccount = setUp(undefined, new FakeService());
    expect(withAccount.sync.status()).toMatchObject({
      unavailable: null,
      enabled: false,
      state: 'off',
    });
    const demo = setUp();
    expect(demo.sync.status()).toMatchObject({ unavailable: 'no-account', enabled: false });
    expect((await rejectionOf(demo.sync.setEnabled(true))).code).toBe('INVALID_INPUT');
  });

  it('does not call the service while off', async () => {
    const service = new FakeService();
    const { star } = setUp(undefined, service);
    star('a');
    await Promise.resolve();
    expect(service.calls).toEqual([]);
  });

  it('first enable merges as a union: nothing removed on either side', async () => {
    const service = new FakeService();
    service.favourites = ['c', 'b'];
    const { catalogue, sync, star, changed } = setUp(undefined, service);
    star('a');
    star('b');

    const status = await sync.setEnabled(true);

    expect(sorted(catalogue.favourites())).toEqual(['a', 'b', 'c']);
    expect(sorted(service.favourites)).toEqual(['a', 'b', 'c']);
    expect(status).toMatchObject({ enabled: true, state: 'idle', pendingCount: 0, error: null });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(sorted(changed.at(-1) ?? [])).toEqual(['a', 'b', 'c']);
  });

  it('afterwards sends stars and unstars, and takes the service as the truth on each sync', async () => {
    const service = new FakeService();
    service.favourites = ['b'];
    const { catalogue, sync, star } = setUp(undefined, service);
    star('a');
    await sync.setEnabled(true);

    star('d');
    star('a', false);
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0));
    await vi.waitFor(() => expect(sync.status().state).toBe('idle'));
    expect(sorted(service.favourites)).toEqual(['b', 'd']);

    // Changed elsewhere (the console, another computer): b removed, e added.
    service.favourites = ['e', 'd'];
    sync.catalogueSynced();
    await vi.waitFor(() => expect(sorted(catalogue.favourites())).toEqual(['d', 'e']));
  });

  it('keeps changes queued while the service is down, across a restart, and sends them later', async () => {
    const service = new FakeService();
    service.favourites = ['b'];
    const first = setUp(undefined, service);
    first.star('a');
    await first.sync.setEnabled(true);
    expect(sorted(service.favourites)).toEqual(['a', 'b']);

    service.failure = new AppError('NETWORK', 'The library service could not be reached.');
    first.star('f');
    first.star('a', false);
    await vi.waitFor(() => expect(first.sync.status().state).toBe('error'));
    const down = first.sync.status();
    expect(down).toMatchObject({ pendingCount: 2, error: { code: 'NETWORK' } });
    expect(down.nextRetryAt).not.toBeNull();
    // Meanwhile the service changed too; the failed pass did not apply anything.
    expect(sorted(first.catalogue.favourites())).toEqual(['b', 'f']);

    // Quit while offline: the queue is on disk.
    first.sync.close();
    first.catalogue.close();
    const restarted = setUp(first.dir, null);
    expect(restarted.catalogue.favourites()).toEqual(expect.arrayContaining(['b', 'f']));
    restarted.sync.attach(service); // still down: the pass fails, the queue stays
    await vi.waitFor(() => expect(restarted.sync.status().state).toBe('error'));
    expect(restarted.sync.status().pendingCount).toBe(2);

    service.failure = null;
    const after = await restarted.sync.retry();
    expect(after).toMatchObject({ state: 'idle', pendingCount: 0, error: null });
    expect(sorted(service.favourites)).toEqual(['b', 'f']);
    expect(sorted(restarted.catalogue.favourites())).toEqual(['b', 'f']);
  });

  it('retries a throttled pass by itself, after the wait', async () => {
    const service = new FakeService();
    const { sync, star } = setUp(undefined, service);
    await sync.setEnabled(true);
    service.failure = new AppError('THROTTLED', 'Too many requests.', { retryAfterSeconds: 0 });
    star('t');
    await vi.waitFor(() => expect(service.calls.filter((c) => c === 'add').length).toBe(1));
    service.failure = null;
    await vi.waitFor(() => expect(service.favourites).toEqual(['t']), { timeout: 10_000 });
    await vi.waitFor(() => expect(sync.status()).toMatchObject({ pendingCount: 0, error: null }));
  });

  it('does not retry a key problem by itself: it waits for the user', async () => {
    const service = new FakeService();
    const { sync, star } = setUp(undefined, service);
    await sync.setEnabled(true);
    service.failure = new AppError('AUTH_FORBIDDEN', 'Missing permission.', {
      serviceCode: 'Forbidden.RAM',
    });
    star('k');
    await vi.waitFor(() => expect(sync.status().state).toBe('error'));
    expect(sync.status()).toMatchObject({
      nextRetryAt: null,
      pendingCount: 1,
      error: { code: 'AUTH_FORBIDDEN', serviceCode: 'Forbidden.RAM' },
    });
  });

  it('lets a change made while the list was in flight win over the list', async () => {
    const service = new FakeService();
    service.favourites = ['b'];
    const { catalogue, sync, star, changed } = setUp(undefined, service);
    await sync.setEnabled(true);

    let open!: () => void;
    service.gate = new Promise((resolve) => (open = resolve));
    sync.catalogueSynced();
    await vi.waitFor(() => expect(service.calls.at(-1)).toBe('list'));
    star('b', false); // the list in flight still has b
    const seen = changed.length;
    open();
    service.gate = null;
    await vi.waitFor(() => expect(service.favourites).toEqual([]));
    await vi.waitFor(() => expect(sync.status().state).toBe('idle'));
    expect(catalogue.favourites()).toEqual([]);
    // The unstar was never undone on screen, not even for a moment.
    expect(changed.slice(seen).some((ids) => ids.includes('b'))).toBe(false);
  });

  it('keeps a favourite the service refuses on this computer only, and counts it', async () => {
    const service = new FakeService();
    service.refuses.add('private-1');
    const { catalogue, sync, star } = setUp(undefined, service);
    await sync.setEnabled(true);
    star('private-1');
    await vi.waitFor(() => expect(sync.status().pendingCount).toBe(0));
    await sync.retry();
    expect(catalogue.favourites()).toEqual(['private-1']);
    expect(sync.status().localOnlyCount).toBe(1);
  });

  it('turning off keeps local favourites and drops the queue; on again is a union again', async () => {
    const service = new FakeService();
    const { catalogue, sync, star } = setUp(undefined, service);
    await sync.setEnabled(true);
    service.failure = new AppError('NETWORK', 'down');
    star('x');
    await vi.waitFor(() => expect(sync.status().state).toBe('error'));
    const off = await sync.setEnabled(false);
    expect(off).toMatchObject({ enabled: false, state: 'off', pendingCount: 0, error: null });
    expect(catalogue.favourites()).toEqual(['x']);

    service.failure = null;
    service.favourites = ['y'];
    await sync.setEnabled(true);
    expect(sorted(catalogue.favourites())).toEqual(['x', 'y']);
    expect(sorted(service.favourites)).toEqual(['x', 'y']);
  });
});
