// Time of a full catalogue sync (listing every business type into the local database) against a
// demo server in its own process with 20 ms latency per request. Baseline: the latency floor,
// which no client sending `concurrency` requests at once can beat: each of the `concurrency`
// connections carries its share of the pages one after another, so the busiest one carries
// ceil(pages / concurrency) of them, each at least one latency long. (Requests are whole: 202
// pages at 8 at once is 26 rounds, 520 ms, not 25.25.) The tag lists (3 small requests) and the
// server's own CPU are not counted in the floor.
// The machine is shared, so every figure comes with this process's CPU time (process.cpuUsage):
// wall time is CPU time plus waiting, and the waiting includes other processes' turns. The pages
// are listed in a worker thread, as in the app: the process's CPU counts both threads, and the
// main thread's own share (the database and index work) is given apart where Linux tells it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import pLimit from 'p-limit';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIceClient } from '../../electron/services/ice/ice-client';
import { CatalogueService } from '../../electron/services/catalogue/catalogue-service';
import { SYNC_PAGE_SIZE, listerFor } from '../../electron/services/catalogue/catalogue-lister';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import { BUSINESS_TYPES } from '../../shared/domain';
import { listingWorkerFromSource } from '../../electron/dev-browser/listing-worker-source';
import type { ListingWorkerStarter } from '../../electron/services/catalogue/worker-lister';
import { startBenchServer } from './bench-server';

const BUILT_WORKER = fileURLToPath(
  new URL('../../out/main/catalogue-listing-worker.js', import.meta.url),
);

/**
 * The app's own listing worker, as `npx electron-vite build` bundles it; from its TypeScript
 * source only when there is no build (then each worker's start also compiles its imports).
 */
export function benchListingWorker(): { start: ListingWorkerStarter; built: boolean } {
  if (existsSync(BUILT_WORKER)) {
    return { start: (options) => new Worker(BUILT_WORKER, options), built: true };
  }
  return { start: listingWorkerFromSource(), built: false };
}

export interface SyncRun {
  wallMs: number;
  /** CPU of this process (client + database + index), user + system, every thread. */
  cpuMs: number;
  /** CPU of the main thread alone (database, index), where /proc tells it; else null. */
  mainThreadCpuMs: number | null;
  /** CPU the demo server spent answering. */
  serverCpuMs: number;
}

export interface SyncFigures {
  items: number;
  pages: number;
  latencyMs: number;
  concurrency: number;
  floorMs: number;
  /** Into an empty database: every title's pinyin and index entry computed. */
  first: SyncRun;
  /** Re-syncs of an unchanged catalogue (fresh signed URLs, as the service sends them). */
  resyncs: SyncRun[];
  /**
   * Wall times of a client that only reads the bytes: the same pages from the same server at
   * the same concurrency, every page asked for at once (no first page to wait for), nothing
   * signed, parsed or stored. What this server and this machine allow any client; the gap
   * between it and a sync is the client's own.
   */
  bytesOnly: number[];
  /**
   * App starts: a fresh process opens the stored catalogue (indexing it) and syncs it again, as
   * the app does when it starts; nothing in it has run before. Empty unless asked for.
   */
  appStarts: { openMs: number; syncMs: number }[];
}

export async function runSyncBench(
  items = 20_000,
  { latencyMs = 20, concurrency = 8, resyncs = 5, appStarts = 0 } = {},
): Promise<SyncFigures> {
  const server = await startBenchServer({ generated: items, latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'ice-sync-bench-'));
  try {
    const client = createIceClient({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
      listConcurrency: concurrency,
    });
    const service = new CatalogueService({ dir, refreshIntervalMs: 3_600_000 });
    // As the app syncs: the listing in a worker thread, the database and index on this one.
    const lister = listerFor(client, { worker: benchListingWorker().start });
    service.open('bench', lister, { sync: false });
    const measure = async (): Promise<SyncRun> => {
      const serverBefore = await server.cpuMs();
      const cpu = process.cpuUsage();
      const mainBefore = mainThreadCpuMs();
      const t = performance.now();
      await service.sync();
      const wallMs = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const mainAfter = mainThreadCpuMs();
      const serverCpuMs = (await server.cpuMs()) - serverBefore;
      if (service.status().itemCount !== items) {
        throw new Error(`synced ${service.status().itemCount} items, expected ${items}`);
      }
      return {
        wallMs,
        cpuMs: (used.user + used.system) / 1000,
        mainThreadCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
        serverCpuMs,
      };
    };
    const first = await measure();
    const again: SyncRun[] = [];
    const bytesOnly: number[] = [];
    // Interleaved with the re-syncs, so both see the same machine.
    for (let i = 0; i < resyncs; i++) {
      again.push(await measure());
      bytesOnly.push(await listBytesOnly(server.port, concurrency));
    }
    service.close();
    client.close();
    const starts: SyncFigures['appStarts'] = [];
    for (let i = 0; i < appStarts; i++) starts.push(appStart(server.port, dir, items));
    // The generated catalogue cycles through the 17 tags, so each type's share is known.
    const pages = BUSINESS_TYPES.reduce((sum, bt) => {
      const tags = DOCUMENTED_TAGS.filter((tag) => tag.businessType === bt).length;
      const count = Math.round((items * tags) / DOCUMENTED_TAGS.length);
      return sum + Math.ceil(count / SYNC_PAGE_SIZE);
    }, 0);
    return {
      items,
      pages,
      latencyMs,
      concurrency,
      floorMs: Math.ceil(pages / concurrency) * latencyMs,
      first,
      resyncs: again,
      bytesOnly,
      appStarts: starts,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const APP_START_CHILD = fileURLToPath(new URL('./app-start-child.ts', import.meta.url));

function appStart(port: number, dir: string, items: number): { openMs: number; syncMs: number } {
  const out = execFileSync(TSX, [APP_START_CHILD, String(port), dir], { encoding: 'utf8' });
  const run = JSON.parse(out.trim().split('\n').at(-1)!) as {
    openMs: number;
    syncMs: number;
    items: number;
  };
  if (run.items !== items) throw new Error(`an app start synced ${run.items} items, not ${items}`);
  return { openMs: run.openMs, syncMs: run.syncMs };
}

/** Every page of every business type at `concurrency` at once, read to the end and dropped. */
async function listBytesOnly(port: number, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (query: string) =>
    new Promise<Buffer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, agent, path: `/?${query}` }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });
  const pageQuery = (businessType: string, pageNo: number) =>
    new URLSearchParams({
      Action: 'ListPublicMediaBasicInfos',
      Version: '2020-11-09',
      BusinessType: businessType,
      PageNo: String(pageNo),
      PageSize: String(SYNC_PAGE_SIZE),
      IncludeFileBasicInfo: 'true',
    }).toString();
  try {
    // The page counts, learnt before the clock starts.
    const counts = await Promise.all(
      BUSINESS_TYPES.map(async (bt) => {
        const first = JSON.parse((await get(pageQuery(bt, 1))).toString('utf8')) as {
          TotalCount: number;
        };
        return Math.ceil(first.TotalCount / SYNC_PAGE_SIZE);
      }),
    );
    const limit = pLimit(concurrency);
    const started = performance.now();
    await Promise.all(
      BUSINESS_TYPES.flatMap((bt, i) =>
        Array.from({ length: counts[i]! }, (_, p) => limit(() => get(pageQuery(bt, p + 1)))),
      ),
    );
    return performance.now() - started;
  } finally {
    agent.destroy();
  }
}

/** The main thread's CPU (user + system) in ms, from Linux's per-thread stat; null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name: state is 3rd, utime 14th, stime 15th, in clock ticks
    // (USER_HZ, 100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
