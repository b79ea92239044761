// (c) The media cache: the first screen of 48 thumbnails cold (empty cache) and warm (a revisit),
// against the named baseline "direct": the page fetching the 48 signed cover URLs itself, as it
// did before the cache. All three go 6 at a time (Chromium's per-host connection limit) to a demo
// server that answers each request after LATENCY_MS, like a remote CDN. Also: upstream requests
// on the revisit (goal 0), and the cost of one cache lookup per thumbnail.

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import got from 'got';
import pLimit from 'p-limit';
import { startDemoServer } from '../../electron/demo-library/index';
import { createIceClient } from '../../electron/services/ice/ice-client';
import type { IceClient } from '../../electron/services/ice/ice-client';
import { parseEndpointUrl } from '../../electron/services/ice/endpoint';
import { CacheIndexDb, loadIndex } from '../../electron/services/media-cache/cache-index';
import type { CacheEntry } from '../../electron/services/media-cache/cache-index';
import { MediaCache } from '../../electron/services/media-cache/media-cache';
import { writeFileAtomic } from '../../electron/services/settings/atomic-write';
import { respondWithMedia } from '../../electron/services/media-cache/media-response';
import type { MediaItem } from '../../shared/domain';
import { startBenchServer } from './bench-server';

const THUMBNAILS = 48;
const LATENCY_MS = 20;
const CONCURRENCY = 6;
const RUNS = 3;
const LOOKUPS = 20_000;

export interface CacheFigures {
  thumbnails: number;
  latencyMs: number;
  concurrency: number;
  directMs: number;
  coldMs: number;
  warmMs: number;
  coldUpstream: number;
  warmUpstream: number;
  /** One served hit: lookup, stat, open and read of a cached cover (µs). */
  servedHitMicros: number;
  /** ensureCover on a hit (µs). */
  lookupMicros: number;
  /** completedCoverPath, the synchronous lookup drag-out uses (µs). */
  syncLookupMicros: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** A cache in `dir` that knows `items`' links and asks `client` for fresh ones. */
async function openBenchCache(
  dir: string,
  client: IceClient,
  items: readonly MediaItem[],
): Promise<MediaCache> {
  const cache = await MediaCache.open({
    dir,
    locator: {
      lookUp: (id, signal) => client.getPublicMediaInfo(id, signal ? { signal } : {}),
      allowInternalHosts: async () => true,
    },
  });
  cache.remember(items);
  return cache;
}

export async function runCacheBench(): Promise<CacheFigures> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'ice-bench-cache-media-'));
  const server = await startDemoServer({ mediaDir, catalogue: { generated: THUMBNAILS * 4 } });
  const client = createIceClient({ endpoint: parseEndpointUrl(server.url) });
  const cacheDirs: string[] = [];
  const upstream = () => server.requestLog().filter((e) => e.path.startsWith('/media/')).length;
  try {
    const page = await client.listPublicMediaBasicInfos({
      businessType: 'sticker',
      pageNo: 1,
      pageSize: THUMBNAILS,
      includeFileBasicInfo: true,
    });
    const items: MediaItem[] = page.items;
    server.setFaults({ latencyMs: LATENCY_MS });
    const limit = pLimit(CONCURRENCY);

    const direct = async () => {
      await Promise.all(
        items.map((item) =>
          limit(async () => {
            const response = await fetch(item.coverUrl!);
            await response.arrayBuffer();
          }),
        ),
      );
    };
    const openCache = async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ice-bench-cache-'));
      cacheDirs.push(dir);
      return openBenchCache(dir, client, items);
    };
    const throughCache = (cache: MediaCache) => async () => {
      await Promise.all(
        items.map((item) =>
          limit(async () => {
            const response = await respondWithMedia(
              cache,
              { kind: 'cover', mediaId: item.mediaId },
              { method: 'GET', range: null },
            );
            if (response.status !== 200) throw new Error(`cover answered ${response.status}`);
            await response.arrayBuffer();
          }),
        ),
      );
    };

    await direct(); // warm up connections and the JIT
    const directRuns: number[] = [];
    const coldRuns: number[] = [];
    const warmRuns: number[] = [];
    let coldUpstream = 0;
    let warmUpstream = 0;
    let lastCache: MediaCache | null = null;
    for (let run = 0; run < RUNS; run++) {
      directRuns.push(await timed(direct));
      const cache = await openCache();
      const beforeCold = upstream();
      coldRuns.push(await timed(throughCache(cache)));
      coldUpstream = upstream() - beforeCold;
      const beforeWarm = upstream();
      warmRuns.push(await timed(throughCache(cache)));
      warmUpstream = upstream() - beforeWarm;
      await lastCache?.close();
      lastCache = cache;
    }

    const cache = lastCache!;
    const servedStart = performance.now();
    for (let round = 0; round < 10; round++) await throughCache(cache)();
    const servedHitMicros = ((performance.now() - servedStart) * 1000) / (10 * THUMBNAILS);
    const ids = items.map((i) => i.mediaId);
    const lookupStart = performance.now();
    for (let i = 0; i < LOOKUPS; i++) await cache.ensureCover(ids[i % ids.length]!);
    const lookupMicros = ((performance.now() - lookupStart) * 1000) / LOOKUPS;
    const syncStart = performance.now();
    for (let i = 0; i < LOOKUPS; i++) cache.completedCoverPath(ids[i % ids.length]!);
    const syncLookupMicros = ((performance.now() - syncStart) * 1000) / LOOKUPS;
    await cache.close();

    return {
      thumbnails: THUMBNAILS,
      latencyMs: LATENCY_MS,
      concurrency: CONCURRENCY,
      directMs: median(directRuns),
      coldMs: median(coldRuns),
      warmMs: median(warmRuns),
      coldUpstream,
      warmUpstream,
      servedHitMicros,
      lookupMicros,
      syncLookupMicros,
    };
  } finally {
    client.close();
    await server.close();
    for (const dir of [...cacheDirs, mediaDir]) await rm(dir, { recursive: true, force: true });
  }
}

// ---- (c2) CPU per cover a cold fill costs this process ------------------------------------------

const FILL_COVERS = 1_000;
const FILL_RUNS = 3;

export interface CacheFillFigures {
  covers: number;
  /** CPU (user + system) of this process per cover stored by the cache (µs), median of runs. */
  cacheMicros: number;
  /** The baseline "plain download": got streaming each cover into a new file (µs per cover). */
  plainMicros: number;
  runs: Array<{ cacheMicros: number; plainMicros: number }>;
}

/**
 * What filling the cache costs the process that holds it (in the app, Electron's main process,
 * which also answers the page), per cover: every cover fetched, written and recorded, 6 at a
 * time, from a demo server in another process with no added latency. The baseline does only the
 * unavoidable part: a got stream per cover piped into a new file.
 */
export async function runCacheFillBench(): Promise<CacheFillFigures> {
  const server = await startBenchServer({ generated: FILL_COVERS * 3 });
  const client = createIceClient({ endpoint: parseEndpointUrl(server.url) });
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ice-bench-fill-'));
    dirs.push(dir);
    return dir;
  };
  try {
    const items: MediaItem[] = [];
    for await (const page of client.listAllMediaPages({
      businessType: 'sticker',
      includeFileBasicInfo: true,
    })) {
      items.push(...page.filter((item) => item.coverUrl !== null));
    }
    const covers = items.slice(0, FILL_COVERS);
    const limit = pLimit(CONCURRENCY);
    const cpuMicros = async (fill: () => Promise<void>) => {
      const before = process.cpuUsage();
      await fill();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / covers.length;
    };
    const plain = async () => {
      const dir = await freshDir();
      await Promise.all(
        covers.map((item, i) =>
          limit(() =>
            pipeline(got.stream(item.coverUrl!), createWriteStream(join(dir, `${i}.part`))),
          ),
        ),
      );
    };
    const cached = async () => {
      const cache = await openBenchCache(await freshDir(), client, covers);
      await Promise.all(covers.map((item) => limit(() => cache.ensureCover(item.mediaId))));
      await cache.close();
    };
    await plain(); // warm up connections and the JIT
    await cached();
    const runs: CacheFillFigures['runs'] = [];
    for (let run = 0; run < FILL_RUNS; run++) {
      runs.push({ plainMicros: await cpuMicros(plain), cacheMicros: await cpuMicros(cached) });
    }
    return {
      covers: covers.length,
      cacheMicros: median(runs.map((r) => r.cacheMicros)),
      plainMicros: median(runs.map((r) => r.plainMicros)),
      runs,
    };
  } finally {
    client.close();
    await server.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

// ---- (c3) saving the index while covers arrive --------------------------------------------------

export interface IndexSaveFigures {
  entries: number;
  changed: number;
  /** One save of the changed records into the database (ms, median): main-thread time. */
  dbMs: number;
  /** Baseline "whole JSON" (the index before): stringify all records, write the file (ms). */
  jsonMs: number;
  /** Of the baseline, the JSON.stringify alone, which blocks the thread (ms). */
  jsonBlockingMs: number;
  /** Opening the index (every record read and checked): database, and the baseline's file. */
  dbOpenMs: number;
  jsonOpenMs: number;
}

/**
 * A save as the cache makes one every 2 s while a grid scrolls: `changed` records new or just
 * used, in an index of `entries`. The database writes only those; the baseline is the index as
 * it was before, one JSON file holding every record, written atomically.
 */
export async function runIndexSaveBench(entries: number, changed = 300): Promise<IndexSaveFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ice-bench-index-'));
  const record = (i: number, now: number): CacheEntry => {
    const id = `bench${i.toString(16).padStart(27, '0')}`;
    return {
      key: `cover\u0000${id}`,
      mediaId: id,
      fileName: null,
      path: `covers/${id}/cover.png`,
      size: 30_000 + (i % 50_000),
      contentType: 'image/png',
      etag: `"${i.toString(16).padStart(32, '0')}"`,
      lastModified: 'Wed, 02 Dec 2026 00:15:13 GMT',
      fetchedAt: now,
      lastUsedAt: now,
    };
  };
  try {
    const all = Array.from({ length: entries }, (_, i) => record(i, 1_764_633_600_000));
    const { db } = await CacheIndexDb.open(join(dir, 'index.sqlite'), join(dir, 'none.json'), 0);
    db.write(all, []);
    const dbRuns: number[] = [];
    const jsonRuns: number[] = [];
    const blocking: number[] = [];
    for (let run = 0; run < 5; run++) {
      const batch = Array.from({ length: changed }, (_, i) =>
        record((run * changed + i * 7) % entries, 1_764_633_700_000 + run),
      );
      for (const e of batch) all[Number.parseInt(e.mediaId.slice(5), 16)] = e;
      const started = performance.now();
      db.write(batch, []);
      dbRuns.push(performance.now() - started);
      const jsonStarted = performance.now();
      const text = JSON.stringify({ version: 1, entries: all });
      blocking.push(performance.now() - jsonStarted);
      await writeFileAtomic(join(dir, 'index.json'), text);
      jsonRuns.push(performance.now() - jsonStarted);
    }
    db.close();
    const dbOpens: number[] = [];
    const jsonOpens: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const opened = await CacheIndexDb.open(join(dir, 'index.sqlite'), join(dir, 'none.json'), 0);
      dbOpens.push(performance.now() - started);
      opened.db.close();
      const jsonStarted = performance.now();
      const loaded = await loadIndex(join(dir, 'index.json'), 0);
      jsonOpens.push(performance.now() - jsonStarted);
      if (!opened.load.ok || !loaded.ok) throw new Error('an index did not open');
      if (opened.load.entries.length !== entries || loaded.entries.length !== entries) {
        throw new Error('an index lost records');
      }
    }
    return {
      entries,
      changed,
      dbMs: median(dbRuns),
      jsonMs: median(jsonRuns),
      jsonBlockingMs: median(blocking),
      dbOpenMs: median(dbOpens),
      jsonOpenMs: median(jsonOpens),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
