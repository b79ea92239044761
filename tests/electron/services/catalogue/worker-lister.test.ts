// The listing worker's life: it starts with the first sync, stops when the catalogue closes (a
// sync under way ends as CANCELLED, not as a failure), and a worker that dies fails the sync as
// data, after which the next sync starts a new one. The source run of the worker; the built copy
// is tested in tests/electron/main/catalogue-listing-worker-bundle.test.ts.

import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer } from '../../../../electron/demo-library/index';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient } from '../../../../electron/services/ice/ice-client';
import { CatalogueService } from '../../../../electron/services/catalogue/catalogue-service';
import { listerFor } from '../../../../electron/services/catalogue/catalogue-lister';
import { listingWorkerFromSource } from '../../../../electron/dev-browser/listing-worker-source';
import { rejectionOf } from '../../../support/app-error';

const SIZE = 340;

let workDir: string;
let server: DemoServer;
let client: IceClient;
const services: CatalogueService[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-listing-worker-'));
  server = await startDemoServer({
    mediaDir: inject('demoMediaDir'),
    catalogue: { generated: SIZE },
  });
  client = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
    retry: { baseDelayMs: 1, maxDelayMs: 10, limit: 2 },
    listConcurrency: 4,
  });
});
afterEach(() => {
  for (const s of services.splice(0)) s.close();
  server.setFaults({});
});
afterAll(async () => {
  client.close();
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

/** A service listing in a worker; `workers` collects every worker it starts, `exited` their ends. */
function workerService(name: string) {
  const workers: Worker[] = [];
  const exited: Promise<number>[] = [];
  const fromSource = listingWorkerFromSource();
  const service = new CatalogueService({ dir: join(workDir, name), refreshIntervalMs: 3_600_000 });
  services.push(service);
  const lister = listerFor(client, {
    worker: (options) => {
      const worker = fromSource(options);
      workers.push(worker);
      exited.push(new Promise((resolve) => worker.once('exit', resolve)));
      return worker;
    },
  });
  service.open('demo', lister, { sync: false });
  return { service, workers, exited };
}

const listingRequests = () =>
  server.requestLog().filter((r) => r.action === 'ListPublicMediaBasicInfos').length;

/** Resolves once the demo server has been asked for a listing page after `before` of them. */
async function listingRequested(before: number): Promise<void> {
  while (listingRequests() <= before) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the listing worker', () => {
  it('is started by the first sync, kept for the next, and stopped when the catalogue closes mid-sync', async () => {
    const { service, workers, exited } = workerService('close');
    expect(workers).toHaveLength(0);
    await service.sync();
    await service.sync();
    expect(workers).toHaveLength(1);
    expect(service.status().itemCount).toBe(SIZE);

    server.setFaults({ hold: true }); // pages wait on the wire
    const before = listingRequests();
    const syncing = service.sync();
    await listingRequested(before);
    service.close();
    expect((await rejectionOf(syncing)).code).toBe('CANCELLED');
    await exited[0]; // the worker thread ended
  });

  it('fails a sync as data when the worker dies, keeps what was stored, and starts a new worker next time', async () => {
    const { service, workers } = workerService('crash');
    await service.sync();
    const syncedAt = service.status().lastSyncedAt;

    server.setFaults({ hold: true });
    const before = listingRequests();
    const syncing = service.sync();
    await listingRequested(before);
    await workers[0]!.terminate();
    server.setFaults({}); // the tags (asked on this thread) arrive; the listing has failed
    const error = await rejectionOf(syncing);
    expect(error.code).toBe('INTERNAL');
    expect(service.status()).toMatchObject({
      itemCount: SIZE,
      lastSyncedAt: syncedAt,
      state: 'error',
      error: { code: 'INTERNAL' },
    });

    await service.sync();
    expect(workers).toHaveLength(2);
    expect(service.status()).toMatchObject({ itemCount: SIZE, state: 'idle', error: null });
  });
});
