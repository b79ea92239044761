// The catalogue sync's listing in a worker thread. Fetching, decoding, parsing, checking (zod)
// and normalizing 200 pages was most of a sync's CPU, all on the main process's one thread; in a
// worker it runs beside the database and index work (two cores share a sync), and the main
// thread stays free to answer IPC while a sync runs. The worker builds its own got client from
// the active client's configuration (same endpoint, key, signing, limit of pages in flight) and
// sends each page's normalized items; the tags, three small calls, stay on the caller's client.
//
// One worker per lister (per open source), started on the first listing and terminated by
// close(). Pages are acknowledged as they are read, so a slow reader holds the worker back
// instead of piling pages up in memory. Errors arrive as data and are AppErrors again here.

import type { Worker } from 'node:worker_threads';
import type { BusinessType, ListMediaQuery, MediaItem } from '../../../shared/domain';
import type { AppErrorData } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import type { IceLibraryApi } from '../ice/ice-api';
import type { ListAllOptions, PortableIceClientConfig } from '../ice/ice-client';
import type { CatalogueLister } from './catalogue-lister';
import { fromRows } from './page-rows';
import type { ItemRow } from './page-rows';

/** Pages a listing may send ahead of the reader. */
export const PAGES_AHEAD = 16;

export interface ListingWorkerData {
  client: PortableIceClientConfig;
}

/**
 * Starts listing-worker.ts in a worker thread with this workerData. The composition root knows
 * where the worker is: the Electron shell's bundle has it as its own file; the browser preview,
 * the benchmark and the tests run it from source (electron/dev-browser/listing-worker-source.ts).
 */
export type ListingWorkerStarter = (options: ListingWorkerOptions) => Worker;

/** What the starter passes to `new Worker` (the composition root adds where the file is). */
export interface ListingWorkerOptions {
  workerData: ListingWorkerData;
}

export type ToListingWorker =
  | { op: 'list'; id: number; query: ListMediaQuery; expectedTotal?: number }
  /** One page read: the worker may send another. */
  | { op: 'ack'; id: number }
  | { op: 'stop'; id: number };

export type FromListingWorker =
  | { id: number; kind: 'total'; total: number | null }
  /** One page's items as rows (see page-rows.ts). */
  | { id: number; kind: 'page'; rows: ItemRow[] }
  | { id: number; kind: 'end' }
  | { id: number; kind: 'error'; error: AppErrorData };

type Event = FromListingWorker | { id: number; kind: 'failed'; error: AppError };

interface Listing {
  deliver(event: Event): void;
}

export function workerLister(
  startWorker: ListingWorkerStarter,
  config: PortableIceClientConfig,
  api: IceLibraryApi,
  pageSize: number,
): CatalogueLister {
  let worker: Worker | null = null;
  let closed = false;
  const listings = new Map<number, Listing>();
  let nextId = 1;

  const failAll = (from: Worker, error: AppError) => {
    if (worker !== from) return;
    worker = null;
    for (const [id, listing] of listings) listing.deliver({ id, kind: 'failed', error });
  };

  const running = (): Worker => {
    if (worker) return worker;
    const started = startWorker({ workerData: { client: config } });
    started.on('message', (event: FromListingWorker) => listings.get(event.id)?.deliver(event));
    started.on('error', (error) =>
      failAll(
        started,
        new AppError('INTERNAL', 'The catalogue listing stopped unexpectedly.', { cause: error }),
      ),
    );
    started.on('exit', (code) =>
      failAll(
        started,
        new AppError('INTERNAL', `The catalogue listing stopped unexpectedly (exit code ${code}).`),
      ),
    );
    worker = started;
    return started;
  };

  async function* listType(
    businessType: BusinessType,
    options: ListAllOptions,
  ): AsyncGenerator<readonly MediaItem[]> {
    if (closed) throw cancelled();
    if (options.signal?.aborted) throw cancelled();
    const thread = running();
    const id = nextId++;
    const queue: Event[] = [];
    let wake: (() => void) | null = null;
    const push = (event: Event) => {
      queue.push(event);
      wake?.();
      wake = null;
    };
    listings.set(id, { deliver: push });
    // A worker with a listing running keeps the process alive; an idle one does not.
    if (listings.size === 1) thread.ref();
    const onAbort = () => push({ id, kind: 'failed', error: cancelled() });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let ended = false;
    const query: ListMediaQuery = { businessType, pageSize, includeFileBasicInfo: true };
    thread.postMessage({
      op: 'list',
      id,
      query,
      ...(options.expectedTotal !== undefined ? { expectedTotal: options.expectedTotal } : {}),
    } satisfies ToListingWorker);
    try {
      for (;;) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const event = queue.shift()!;
        switch (event.kind) {
          case 'total':
            options.onTotalCount?.(event.total);
            break;
          case 'page':
            yield fromRows(event.rows);
            worker?.postMessage({ op: 'ack', id } satisfies ToListingWorker);
            break;
          case 'end':
            ended = true;
            return;
          case 'error':
            ended = true;
            throw fromData(event.error);
          case 'failed':
            throw event.error;
        }
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      listings.delete(id);
      if (!ended) worker?.postMessage({ op: 'stop', id } satisfies ToListingWorker);
      if (listings.size === 0) worker?.unref();
    }
  }

  return {
    listType,
    listTags: (businessType, signal) => api.listAllPublicMediaTags(businessType, { signal }),
    close() {
      closed = true;
      const stopping = worker;
      if (!stopping) return;
      failAll(stopping, cancelled());
      void stopping.terminate();
    },
  };
}

function fromData(error: AppErrorData): AppError {
  return new AppError(error.code, error.message, {
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    ...(error.serviceCode !== undefined ? { serviceCode: error.serviceCode } : {}),
    ...(error.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.retryAfterSeconds }
      : {}),
    ...(error.clockOffsetSeconds !== undefined
      ? { clockOffsetSeconds: error.clockOffsetSeconds }
      : {}),
  });
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'The sync was cancelled.');
}
