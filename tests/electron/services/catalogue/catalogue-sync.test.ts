// The catalogue sync against the real demo server: the whole catalogue lands in the local
// database, survives a restart (offline browsing), and follows the service through faults and
// through a catalogue that changed between syncs.

import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer } from '../../../../electron/demo-library/index';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient } from '../../../../electron/services/ice/ice-client';
import { CatalogueService } from '../../../../electron/services/catalogue/catalogue-service';
import { listerFor } from '../../../../electron/services/catalogue/catalogue-lister';
import type { ListingWorkerStarter } from '../../../../electron/services/catalogue/worker-lister';
import { listingWorkerFromSource } from '../../../../electron/dev-browser/listing-worker-source';
import type { CatalogueStatus } from '../../../../shared/catalogue';
import type { MediaItem } from '../../../../shared/domain';
import { rejectionOf } from '../../../support/app-error';

const SIZE = 340; // 20 of each of the 17 tags: several pages per business type

let workDir: string;
let mediaDir: string;
let server: DemoServer;
const open: { client?: IceClient; service?: CatalogueService }[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-catalogue-'));
  mediaDir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.service?.close();
    o.client?.close();
  }
  await server?.close();
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function startServer(): Promise<DemoServer> {
  server = await startDemoServer({ mediaDir, catalogue: { generated: SIZE } });
  return server;
}

/** Where the pages are listed: set by each run of the suite below. */
let listingWorker: ListingWorkerStarter | undefined;
/** Each run's own databases. */
let runDir: string;

function serviceFor(dataDir: string, statuses: CatalogueStatus[] = []) {
  const client = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
    retry: { baseDelayMs: 1, maxDelayMs: 10, limit: 3 },
    listConcurrency: 4,
  });
  const service = new CatalogueService({
    dir: dataDir,
    onStatus: (s) => statuses.push(s),
    refreshIntervalMs: 3_600_000,
  });
  open.push({ client, service });
  const lister = listerFor(client, listingWorker ? { worker: listingWorker } : {});
  return { client, service, lister };
}

/** What the database file holds for each item: the sync that last wrote its row, and the links in it. */
function storedRows(dataDir: string): Map<string, { generation: number; item: MediaItem }> {
  const db = new DatabaseSync(CatalogueService.fileFor(dataDir, 'demo'), { readOnly: true });
  try {
    const rows = db.prepare('SELECT media_id, generation, json FROM media').all() as {
      media_id: string;
      generation: number;
      json: string;
    }[];
    return new Map(
      rows.map((r) => [r.media_id, { generation: r.generation, item: JSON.parse(r.json) }]),
    );
  } finally {
    db.close();
  }
}

/** An item without the values of its signed links. */
function withoutLinks(item: MediaItem) {
  return { ...item, coverUrl: item.coverUrl !== null, files: item.files.map((f) => f.fileName) };
}

// The same behaviour whether the pages are listed on this thread or in the listing worker (as
// the app, the preview and the benchmark list them).
describe.each([
  ['on this thread', undefined],
  ['in a worker thread', listingWorkerFromSource()],
])('catalogue sync, listing %s', (where, worker) => {
  beforeAll(() => {
    listingWorker = worker;
    runDir = join(workDir, where.replaceAll(' ', '-'));
  });

  it('stores every item of every business type with files and tags, and reports progress', async () => {
    await startServer();
    const statuses: CatalogueStatus[] = [];
    const dataDir = join(runDir, 'full');
    const { service, lister } = serviceFor(dataDir, statuses);
    service.open('demo', lister, { sync: false });
    expect(service.status()).toMatchObject({ itemCount: 0, lastSyncedAt: null, state: 'idle' });

    await service.sync();

    const status = service.status();
    expect(status).toMatchObject({ itemCount: SIZE, state: 'idle', error: null, progress: null });
    expect(status.lastSyncedAt).not.toBeNull();
    const syncing = statuses.filter((s) => s.state === 'syncing');
    expect(syncing.length).toBeGreaterThan(0);
    expect(syncing.at(-1)!.progress).toMatchObject({ total: SIZE });
    const everyType = ['sticker', 'bgm', 'bgi'].map(
      (bt) => service.search({ text: '', businessType: bt as 'bgm' }).ids.length,
    );
    expect(everyType.reduce((a, b) => a + b, 0)).toBe(SIZE);
    expect(everyType.every((n) => n > 0)).toBe(true);
    const [first] = service.items(service.search({ text: '', businessType: 'bgm' }).ids);
    expect(first!.files.length).toBeGreaterThan(0);
    expect(first!.tags[0]).toMatch(/^bgm-/);
    expect(service.tags('bgm').map((t) => t.id)).toContain('bgm-relaxing');
  });

  it('answers from the stored catalogue after a restart with the service gone (offline)', async () => {
    await startServer();
    const dataDir = join(runDir, 'offline');
    const first = serviceFor(dataDir);
    first.service.open('demo', first.lister, { sync: false });
    await first.service.sync();
    const syncedAt = first.service.status().lastSyncedAt;
    const starred = first.service.search({ text: '星光' }).ids[0]!;
    first.service.setFavourite(starred, true);
    first.service.close();
    await server.close();

    const again = serviceFor(dataDir);
    again.service.open('demo', again.lister, { sync: false });
    expect(again.service.status()).toMatchObject({ itemCount: SIZE, lastSyncedAt: syncedAt });
    expect(again.service.search({ text: 'xingguang' }).ids).toContain(starred);
    expect(again.service.search({ text: '', favouritesOnly: true }).ids).toEqual([starred]);

    // A sync while the service is unreachable fails as data and keeps everything.
    const error = await rejectionOf(again.service.sync());
    expect(error.code).toBe('NETWORK');
    expect(again.service.status()).toMatchObject({
      itemCount: SIZE,
      lastSyncedAt: syncedAt,
      state: 'error',
      error: { code: 'NETWORK' },
    });
  });

  it('rides out a throttled page and a cut body', async () => {
    await startServer();
    server.setFaults({
      throttle: { count: 1, retryAfterSeconds: 0 },
      cutBody: { count: 1, afterBytes: 500 },
    });
    const { service, lister } = serviceFor(join(runDir, 'faults'));
    service.open('demo', lister, { sync: false });
    await service.sync();
    expect(service.status()).toMatchObject({ itemCount: SIZE, error: null });
    const statuses = server.requestLog().map((r) => r.status);
    expect(statuses).toContain(400); // the throttled answer was seen and retried
  });

  it('on a re-sync, asks for as many pages of each type as it holds before any first page is back', async () => {
    await startServer();
    const { service, lister } = serviceFor(join(runDir, 'expected'));
    service.open('demo', lister, { sync: false });
    await service.sync(); // 120 stickers, 160 tracks, 60 backgrounds: 2, 2 and 1 pages of 100
    const listed = () =>
      server.requestLog().filter((r) => r.action === 'ListPublicMediaBasicInfos');
    const before = listed().length;
    server.setFaults({ hold: true }); // nothing is answered: what is asked, is asked up front
    const syncing = service.sync();
    // Four on the wire (the client's limit). Waits until they are, or at most 2 s, so that a
    // listing that asks one first page at a time fails the assertion instead of hanging.
    const until = Date.now() + 2_000;
    while (listed().length < before + 4 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const asked = listed()
      .slice(before)
      .map((r) => `${r.query['BusinessType']}:${r.query['PageNo']}`);
    server.setFaults({});
    await syncing;
    expect(asked.sort()).toEqual(['bgm:1', 'bgm:2', 'sticker:1', 'sticker:2']);
    expect(service.status()).toMatchObject({ itemCount: SIZE, error: null });
  });

  it('keeps what it had when a sync is cut for good, and finishes on the next one', async () => {
    await startServer();
    const { service, lister } = serviceFor(join(runDir, 'cut'));
    service.open('demo', lister, { sync: false });
    await service.sync();
    const syncedAt = service.status().lastSyncedAt;
    server.changeCatalogue((items) => items.slice(0, SIZE - 17));
    server.setFaults({ serverError: { count: 1_000, status: 503 } });

    const error = await rejectionOf(service.sync());
    expect(error.code).toBe('SERVER_ERROR');
    // Nothing removed by a sync that did not see the whole catalogue.
    expect(service.status()).toMatchObject({ itemCount: SIZE, lastSyncedAt: syncedAt });

    server.setFaults({});
    await service.sync();
    expect(service.status()).toMatchObject({ itemCount: SIZE - 17, state: 'idle', error: null });
  });

  it('follows a catalogue changed between syncs: added, removed and retitled items', async () => {
    await startServer();
    const { service, lister } = serviceFor(join(runDir, 'changed'));
    service.open('demo', lister, { sync: false });
    await service.sync();
    const removed = service.search({ text: '#00002' }).ids;
    expect(removed).toHaveLength(1);
    const [retitledId] = service.search({ text: '#00001' }).ids;

    server.changeCatalogue((items) => {
      const kept = items.filter((i) => !i.title.endsWith('#00002'));
      const retitled = kept.map((i) =>
        i.title.endsWith('#00001') ? { ...i, title: '月亮船 Moon boat' } : i,
      );
      const added = { ...items[2]!, mediaId: 'added-media-1', title: '新来的彩虹 New rainbow' };
      return [added, ...retitled];
    });
    await service.sync();

    expect(service.status().itemCount).toBe(SIZE);
    expect(service.search({ text: '#00002' }).ids).toEqual([]);
    expect(service.items(removed)).toEqual([]);
    expect(service.search({ text: 'moon boat' }).ids).toEqual([retitledId]);
    expect(service.search({ text: 'yueliang' }).ids).toEqual([retitledId]);
    expect(service.item(retitledId!)!.title).toBe('月亮船 Moon boat');
    expect(service.search({ text: '新来' }).ids).toEqual(['added-media-1']);
  });

  it('rewrites only the items that changed on a re-sync, and reads the others with their newest links', async () => {
    await startServer();
    const dataDir = join(runDir, 'resync');
    const { service, lister } = serviceFor(dataDir);
    service.open('demo', lister, { sync: false });
    await service.sync();
    const [retitledId] = service.search({ text: '#00001' }).ids;
    const [keptId] = service.search({ text: '#00003' }).ids;
    const keptBefore = service.item(keptId!)!;
    expect(keptBefore.coverUrl).not.toBeNull();
    const firstGeneration = storedRows(dataDir).get(keptId!)!.generation;

    server.changeCatalogue((items) =>
      items.map((i) => (i.title.endsWith('#00001') ? { ...i, title: '月亮船 Moon boat' } : i)),
    );
    server.setFaults({ clockSkewSeconds: 3600 }); // an hour later: every signed link is new
    await service.sync();

    const rows = storedRows(dataDir);
    expect(rows.size).toBe(SIZE);
    const rewritten = [...rows].filter(([, r]) => r.generation !== firstGeneration);
    expect(rewritten.map(([id]) => id)).toEqual([retitledId]);
    expect(rows.get(retitledId!)!.item.title).toBe('月亮船 Moon boat');
    // The unchanged item's row still holds the first links; reading it gives the newest ones.
    expect(rows.get(keptId!)!.item.coverUrl).toBe(keptBefore.coverUrl);
    const keptAfter = service.item(keptId!)!;
    expect(keptAfter.coverUrl).not.toBe(keptBefore.coverUrl);
    expect(keptAfter.files[0]!.url).not.toBe(keptBefore.files[0]!.url);
    expect(withoutLinks(keptAfter)).toEqual(withoutLinks(keptBefore));
    expect(service.items([keptId!])).toEqual([keptAfter]);

    // After a restart the stored item is whole (links included) and found as before.
    service.close();
    const again = serviceFor(dataDir);
    again.service.open('demo', again.lister, { sync: false });
    expect(withoutLinks(again.service.item(keptId!)!)).toEqual(withoutLinks(keptBefore));
    expect(again.service.search({ text: 'moon boat' }).ids).toEqual([retitledId]);
  });
});

// Opening reads each item's stored search-index entry instead of indexing the item afresh
// (folding every text of 20,000 items was most of an open, which blocks the main process).
describe('stored index entries', () => {
  beforeAll(() => {
    listingWorker = undefined;
    runDir = join(workDir, 'entries');
  });

  const queries = [
    { text: '星光' },
    { text: 'xingguang' },
    { text: 'xg' },
    { text: 'moon' },
    { text: '', businessType: 'bgm' as const, sort: 'title' as const },
    { text: '', businessType: 'sticker' as const, animatedOnly: true },
  ];

  async function syncedDir(name: string): Promise<string> {
    await startServer();
    const dataDir = join(runDir, name);
    const { service, lister } = serviceFor(dataDir);
    service.open('demo', lister, { sync: false });
    await service.sync();
    service.close();
    return dataDir;
  }

  function reopen(dataDir: string) {
    const { service, lister } = serviceFor(dataDir);
    service.open('demo', lister, { sync: false });
    return service;
  }

  function withDatabase<T>(dataDir: string, use: (db: DatabaseSync) => T): T {
    const db = new DatabaseSync(CatalogueService.fileFor(dataDir, 'demo'));
    try {
      return use(db);
    } finally {
      db.close();
    }
  }

  const missingEntries = (dataDir: string) =>
    withDatabase(
      dataDir,
      (db) =>
        (db.prepare('SELECT count(*) AS n FROM media WHERE entry IS NULL').get() as { n: number })
          .n,
    );

  const entryOf = (db: DatabaseSync, id: string) =>
    (db.prepare('SELECT entry FROM media WHERE media_id = ?').get(id) as { entry: string }).entry;
  const setEntry = (db: DatabaseSync, id: string, entry: string) =>
    db.prepare('UPDATE media SET entry = ? WHERE media_id = ?').run(entry, id);

  /** Adds a word to one item's stored entry only (not to its item). */
  const addToStoredEntry = (db: DatabaseSync, id: string, word: string) => {
    const entry = JSON.parse(entryOf(db, id)) as { haystack: string };
    entry.haystack += ` ${word}`;
    setEntry(db, id, JSON.stringify(entry));
  };

  it('answers from the stored entries as it did from the items, and the entries are what it reads', async () => {
    const dataDir = await syncedDir('read');
    expect(missingEntries(dataDir)).toBe(0);
    const fromEntries = reopen(dataDir);
    const answers = queries.map((q) => fromEntries.search(q).ids);
    expect(answers.every((ids) => ids.length > 0)).toBe(true);
    fromEntries.close();

    // Without entries the items are indexed afresh: the same answers.
    withDatabase(dataDir, (db) => db.exec('UPDATE media SET entry = NULL'));
    const fromItems = reopen(dataDir);
    expect(queries.map((q) => fromItems.search(q).ids)).toEqual(answers);
    fromItems.close();
    expect(missingEntries(dataDir)).toBe(0); // and their entries were stored again

    // A word only one stored entry holds (not its item) is found: the open read that entry.
    const [marked] = answers[0]!;
    withDatabase(dataDir, (db) => addToStoredEntry(db, marked!, 'zzqqmarker'));
    expect(reopen(dataDir).search({ text: 'zzqqmarker' }).ids).toEqual([marked]);
  });

  it('indexes every item afresh when its entries were written by another version of the index', async () => {
    const dataDir = await syncedDir('entry-version');
    const answers = queries.map((q) => reopen(dataDir).search(q).ids);
    const [marked] = answers[0]!;
    // An entry the current index would not build (as if folded differently), from another version.
    withDatabase(dataDir, (db) => {
      addToStoredEntry(db, marked!, 'zzqqstale');
      db.prepare("UPDATE meta SET value = '0' WHERE key = 'indexEntryVersion'").run();
    });

    const service = reopen(dataDir);
    expect(service.search({ text: 'zzqqstale' }).ids).toEqual([]);
    expect(queries.map((q) => service.search(q).ids)).toEqual(answers);
    service.close();
    expect(missingEntries(dataDir)).toBe(0);
    expect(reopen(dataDir).search({ text: 'zzqqstale' }).ids).toEqual([]);
  });

  it('opens a catalogue stored before entries were with its items and favourites, and stores their entries', async () => {
    const dataDir = await syncedDir('schema-1');
    const first = reopen(dataDir);
    const answers = queries.map((q) => first.search(q).ids);
    const starred = answers[0]![0]!;
    first.setFavourite(starred, true);
    first.close();
    // The first version's schema: no entry column.
    withDatabase(dataDir, (db) =>
      db.exec('ALTER TABLE media DROP COLUMN entry; PRAGMA user_version = 1;'),
    );

    const upgraded = reopen(dataDir);
    expect(upgraded.status().itemCount).toBe(SIZE);
    expect(queries.map((q) => upgraded.search(q).ids)).toEqual(answers);
    expect(upgraded.search({ text: '', favouritesOnly: true }).ids).toEqual([starred]);
    upgraded.close();
    expect(missingEntries(dataDir)).toBe(0);
    expect(withDatabase(dataDir, (db) => db.prepare('PRAGMA user_version').get())).toEqual({
      user_version: 2,
    });
  });

  it('indexes an item afresh when its stored entry is damaged or another item’s', async () => {
    const dataDir = await syncedDir('damaged');
    const [broken, swapped] = reopen(dataDir).search({ text: '星光' }).ids;
    const titleOf = (id: string) =>
      withDatabase(dataDir, (db) => {
        const row = db.prepare('SELECT json FROM media WHERE media_id = ?').get(id) as {
          json: string;
        };
        return (JSON.parse(row.json) as MediaItem).title;
      });
    withDatabase(dataDir, (db) => {
      setEntry(db, broken!, '{"mediaId": "');
      setEntry(db, swapped!, entryOf(db, answersOther(db, swapped!)));
    });

    const service = reopen(dataDir);
    expect(service.status().itemCount).toBe(SIZE);
    for (const id of [broken!, swapped!]) {
      expect(service.search({ text: titleOf(id) }).ids).toContain(id);
    }
    service.close();
    expect(missingEntries(dataDir)).toBe(0);
    const rewritten = withDatabase(dataDir, (db) =>
      [broken!, swapped!].map((id) => (JSON.parse(entryOf(db, id)) as { mediaId: string }).mediaId),
    );
    expect(rewritten).toEqual([broken, swapped]);
  });
});

/** Some other item's id. */
function answersOther(db: DatabaseSync, id: string): string {
  return (
    db.prepare('SELECT media_id FROM media WHERE media_id != ? LIMIT 1').get(id) as {
      media_id: string;
    }
  ).media_id;
}
