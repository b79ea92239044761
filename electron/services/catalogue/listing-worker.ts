// The worker thread behind worker-lister.ts: a got client built from the main thread's client
// configuration lists pages (fetch, decode, JSON, zod, normalize) and posts each page's items as rows.
// A listing sends at most PAGES_AHEAD pages the reader has not acknowledged, then waits.

import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ListMediaQuery } from '../../../shared/domain';
import { createIceClient } from '../ice/ice-client';
import { toRows } from './page-rows';
import { PAGES_AHEAD } from './worker-lister';
import type { FromListingWorker, ListingWorkerData, ToListingWorker } from './worker-lister';

interface Running {
  abort: AbortController;
  /** Pages it may still send before the reader acknowledges one. */
  credit: number;
  resume: (() => void) | null;
}

const port = parentPort!;
const client = createIceClient((workerData as ListingWorkerData).client);
const running = new Map<number, Running>();
const post = (message: FromListingWorker) => port.postMessage(message);

port.on('message', (message: ToListingWorker) => {
  const listing = running.get(message.id);
  switch (message.op) {
    case 'list':
      void list(message.id, message.query, message.expectedTotal);
      break;
    case 'ack':
      if (!listing) break;
      listing.credit += 1;
      listing.resume?.();
      listing.resume = null;
      break;
    case 'stop':
      listing?.abort.abort();
      listing?.resume?.();
      break;
  }
});

async function list(id: number, query: ListMediaQuery, expectedTotal?: number): Promise<void> {
  const state: Running = { abort: new AbortController(), credit: PAGES_AHEAD, resume: null };
  running.set(id, state);
  const { signal } = state.abort;
  try {
    const pages = client.listAllMediaPages(query, {
      signal,
      onTotalCount: (total) => post({ id, kind: 'total', total }),
      ...(expectedTotal !== undefined ? { expectedTotal } : {}),
    });
    for await (const items of pages) {
      post({ id, kind: 'page', rows: toRows(items) });
      state.credit -= 1;
      if (state.credit <= 0 && !signal.aborted) {
        await new Promise<void>((resolve) => (state.resume = resolve));
      }
      if (signal.aborted) return; // the reader stopped: it wants nothing more
    }
    post({ id, kind: 'end' });
  } catch (error) {
    if (signal.aborted) return;
    const appError =
      error instanceof AppError
        ? error
        : new AppError('INTERNAL', 'The catalogue listing failed.', { cause: error });
    post({ id, kind: 'error', error: appError.toData() });
  } finally {
    running.delete(id);
  }
}
