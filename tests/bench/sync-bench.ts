// Time of a full catalogue sync (listing every business type into the local database) against a
// demo server in its own process with 20 ms latency per request. Baseline: the latency floor,
// pages / concurrent requests x latency, which no client can beat.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIceClient } from '../../electron/services/ice/ice-client';
import { CatalogueService } from '../../electron/services/catalogue/catalogue-service';
import { SYNC_PAGE_SIZE, listerFor } from '../../electron/services/catalogue/catalogue-lister';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import { BUSINESS_TYPES } from '../../shared/domain';
import { startBenchServer } from './bench-server';

export interface SyncFigures {
  items: number;
  pages: number;
  latencyMs: number;
  concurrency: number;
  floorMs: number;
  firstSyncMs: number;
  resyncMs: number;
  /** CPU of this process (client + database + index) during the re-sync. */
  resyncCpuMs: number;
  /** CPU the demo server spent answering the re-sync. */
  serverCpuMs: number;
}

export async function runSyncBench(items = 20_000, latencyMs = 20, concurrency = 8) {
  const server = await startBenchServer({ generated: items, latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'ice-sync-bench-'));
  try {
    const client = createIceClient({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
      listConcurrency: concurrency,
    });
    const service = new CatalogueService({ dir, refreshIntervalMs: 3_600_000 });
    service.open('bench', listerFor(client), { sync: false });
    let t = performance.now();
    await service.sync();
    const firstSyncMs = performance.now() - t;
    if (service.status().itemCount !== items) {
      throw new Error(`synced ${service.status().itemCount} items, expected ${items}`);
    }
    const cpu = process.cpuUsage();
    const serverBefore = await server.cpuMs();
    t = performance.now();
    await service.sync();
    const resyncMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const serverCpuMs = (await server.cpuMs()) - serverBefore;
    service.close();
    client.close();
    // The generated catalogue cycles through the 17 tags, so each type's share is known.
    const pages = BUSINESS_TYPES.reduce((sum, bt) => {
      const tags = DOCUMENTED_TAGS.filter((tag) => tag.businessType === bt).length;
      const count = Math.round((items * tags) / DOCUMENTED_TAGS.length);
      return sum + Math.ceil(count / SYNC_PAGE_SIZE);
    }, 0);
    const figures: SyncFigures = {
      items,
      pages,
      latencyMs,
      concurrency,
      floorMs: (pages / concurrency) * latencyMs,
      firstSyncMs,
      resyncMs,
      resyncCpuMs: (used.user + used.system) / 1000,
      serverCpuMs,
    };
    return figures;
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
