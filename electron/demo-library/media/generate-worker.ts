// The demo media's synthesis in a worker thread: tens of seconds of CPU on a first start that
// must not block the main process's event loop (the window, IPC, quitting). The parent passes
// { mediaDir } and terminates the worker to abort; the answer is one message.

import { parentPort, workerData } from 'node:worker_threads';
import { DEMO_ITEMS } from '../demo-catalogue';
import { ensureDemoMedia } from './generate';

export type WorkerAnswer =
  | { ok: true; media: Awaited<ReturnType<typeof ensureDemoMedia>> }
  | { ok: false; message: string; code?: string };

const { mediaDir } = workerData as { mediaDir: string };
ensureDemoMedia(mediaDir, DEMO_ITEMS).then(
  (media) => parentPort?.postMessage({ ok: true, media } satisfies WorkerAnswer),
  (error: unknown) => {
    const { message, code } = error as { message?: string; code?: string };
    parentPort?.postMessage({
      ok: false,
      message: message ?? String(error),
      ...(code === undefined ? {} : { code }),
    } satisfies WorkerAnswer);
  },
);
