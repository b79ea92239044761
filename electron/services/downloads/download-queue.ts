// The downloads: a queue with bounded concurrency, one progress per batch, cancel, retry, and a
// history that survives restarts (downloads that were running when the app quit start again).
// Each file comes out of the local media files (fetched once, shared with drag-out) and is then
// copied into the folder by placeCopy, which never overwrites and never leaves a partial file
// under the final name.

import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import pLimit from 'p-limit';
import { primaryFile } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import type { DownloadBatch, DownloadEntry, DownloadsSnapshot } from '../../../shared/media-out';
import { mediaFileName } from '../ice/file-names';
import type { LocalMediaFiles } from '../media-out/local-media-files';
import type { MediaDirectory } from '../media-out/media-directory';
import type { DownloadHistory } from './download-history';
import { placeCopy } from './place-copy';

export const DEFAULT_CONCURRENCY = 3;
const SPEED_WINDOW_MS = 3000;
const EMIT_INTERVAL_MS = 200;

export interface DownloadQueueOptions {
  files: LocalMediaFiles;
  directory: MediaDirectory;
  history: DownloadHistory;
  /** The download folder now in use, and whether it is the default one. */
  folder(): { path: string; isDefault: boolean };
  emit(snapshot: DownloadsSnapshot): void;
  concurrency?: number;
}

interface Running {
  controller: AbortController;
  samples: Array<{ at: number; bytes: number }>;
}

export class DownloadQueue {
  private entries: DownloadEntry[] = [];
  private readonly running = new Map<string, Running>();
  private readonly limit: ReturnType<typeof pLimit>;
  private emitTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private revision = 0;

  constructor(private readonly options: DownloadQueueOptions) {
    this.limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Loads the history; what was queued or running when the app stopped starts again. */
  async open(): Promise<void> {
    this.entries = await this.options.history.load();
    for (const entry of this.entries) {
      if (entry.state === 'queued' || entry.state === 'downloading') {
        Object.assign(entry, { state: 'queued', bytes: 0, bytesPerSecond: null });
        this.schedule(entry);
      }
    }
  }

  snapshot(): DownloadsSnapshot {
    const folder = this.options.folder();
    this.revision += 1;
    return {
      revision: this.revision,
      entries: this.entries.map((e) => ({ ...e })),
      batches: this.batches(),
      folder: folder.path,
      folderIsDefault: folder.isDefault,
    };
  }

  /** Queues the primary file of each item for `folder`; returns the batch id. */
  async start(mediaIds: readonly string[], folder: string): Promise<string> {
    const batchId = randomUUID();
    const now = Date.now();
    const created: DownloadEntry[] = [];
    for (const mediaId of new Set(mediaIds)) {
      const known = this.options.directory.known(mediaId);
      const file = known ? primaryFile(known) : null;
      created.push({
        id: randomUUID(),
        batchId,
        mediaId,
        title: known?.title ?? mediaId,
        fileName: file ? mediaFileName(file.fileName, file.formatName) : mediaId,
        folder,
        state: 'queued',
        bytes: 0,
        total: file?.fileSize ?? null,
        bytesPerSecond: null,
        path: null,
        alreadyThere: false,
        error: null,
        createdAt: now,
        finishedAt: null,
      });
    }
    // Batches newest first; within a batch, the order the user selected.
    this.entries = [...created, ...this.entries];
    for (const entry of created) this.schedule(entry);
    this.changed(true);
    return batchId;
  }

  cancel(id: string): void {
    const entry = this.find(id);
    if (entry.state === 'queued' || entry.state === 'downloading') {
      this.running.get(id)?.controller.abort();
    }
  }

  retry(id: string): void {
    const entry = this.find(id);
    if (entry.state !== 'failed' && entry.state !== 'cancelled') return;
    Object.assign(entry, {
      state: 'queued',
      bytes: 0,
      error: null,
      finishedAt: null,
      bytesPerSecond: null,
    });
    this.schedule(entry);
    this.changed(true);
  }

  /** Forgets finished downloads (the files stay where they are); running ones stay listed. */
  clearHistory(): void {
    this.entries = this.entries.filter((e) => e.state === 'queued' || e.state === 'downloading');
    this.changed(true);
  }

  /** The saved file of a finished download. */
  savedPath(id: string): string {
    const entry = this.find(id);
    if (entry.state !== 'done' || entry.path === null) {
      throw new AppError('NOT_FOUND', 'This download has no saved file.');
    }
    return entry.path;
  }

  async close(): Promise<void> {
    this.closed = true;
    // Running downloads stay "downloading" in the history: the next start resumes them.
    await this.options.history.save(this.entries);
    for (const run of this.running.values()) run.controller.abort();
    if (this.emitTimer) clearTimeout(this.emitTimer);
  }

  private find(id: string): DownloadEntry {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_FOUND', 'That download is no longer listed.');
    return entry;
  }

  private schedule(entry: DownloadEntry): void {
    const controller = new AbortController();
    const run: Running = { controller, samples: [] };
    this.running.set(entry.id, run);
    // Cancelled while waiting for a slot: it never starts.
    controller.signal.addEventListener('abort', () => {
      if (entry.state === 'queued') this.finish(entry, 'cancelled', null);
    });
    const current = (): boolean => this.running.get(entry.id) === run;
    void this.limit(async () => {
      try {
        // A retry may have scheduled this entry again meanwhile: only the newest run goes.
        if (entry.state !== 'queued' || this.closed || !current()) return;
        entry.state = 'downloading';
        this.changed(true);
        await this.run(entry, controller.signal);
      } finally {
        if (current()) this.running.delete(entry.id);
      }
    });
  }

  private async run(entry: DownloadEntry, signal: AbortSignal): Promise<void> {
    try {
      const item = await this.options.directory.item(entry.mediaId);
      const file = primaryFile(item);
      if (!file || file.url === '') {
        throw new AppError('NOT_FOUND', `The media ${entry.mediaId} has no file to download.`);
      }
      entry.title = item.title || entry.title;
      entry.fileName = mediaFileName(file.fileName, file.formatName);
      entry.total = file.fileSize ?? entry.total;
      const local = await this.options.files.ensure(entry.mediaId, file.fileName, {
        signal,
        onProgress: (received, total) => this.progress(entry, received, total),
      });
      if (signal.aborted) throw new AppError('CANCELLED', 'The download was cancelled.');
      const placed = await placeCopy(local.path, entry.folder, entry.fileName, signal);
      entry.bytes = local.size;
      entry.total = local.size;
      entry.path = placed.path;
      entry.alreadyThere = placed.alreadyThere;
      entry.fileName = basename(placed.path);
      this.finish(entry, 'done', null);
    } catch (error) {
      if (this.closed) return;
      const data = toErrorData(error);
      this.finish(entry, data.code === 'CANCELLED' ? 'cancelled' : 'failed', data);
    }
  }

  private progress(entry: DownloadEntry, received: number, total: number | null): void {
    entry.bytes = received;
    if (total !== null) entry.total = total;
    const run = this.running.get(entry.id);
    if (run) {
      const now = Date.now();
      run.samples.push({ at: now, bytes: received });
      while (run.samples.length > 2 && now - run.samples[0]!.at > SPEED_WINDOW_MS) {
        run.samples.shift();
      }
      const first = run.samples[0]!;
      const elapsed = (now - first.at) / 1000;
      entry.bytesPerSecond = elapsed > 0.2 ? (received - first.bytes) / elapsed : null;
    }
    this.changed(false);
  }

  private finish(
    entry: DownloadEntry,
    state: 'done' | 'failed' | 'cancelled',
    error: AppErrorData | null,
  ): void {
    entry.state = state;
    entry.error = error;
    entry.bytesPerSecond = null;
    entry.finishedAt = Date.now();
    this.changed(true);
  }

  /** Emits at once for state changes and at most every EMIT_INTERVAL_MS for progress. */
  private changed(stateChanged: boolean): void {
    if (this.closed) return;
    if (stateChanged) {
      void this.options.history.save(this.entries).catch(() => undefined);
      if (this.emitTimer) clearTimeout(this.emitTimer);
      this.emitTimer = null;
      this.options.emit(this.snapshot());
      return;
    }
    if (this.emitTimer) return;
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      if (!this.closed) this.options.emit(this.snapshot());
    }, EMIT_INTERVAL_MS);
  }

  private batches(): DownloadBatch[] {
    const byBatch = new Map<string, DownloadEntry[]>();
    for (const entry of this.entries) {
      const list = byBatch.get(entry.batchId) ?? [];
      list.push(entry);
      byBatch.set(entry.batchId, list);
    }
    const out: DownloadBatch[] = [];
    for (const [batchId, list] of byBatch) {
      if (list.length < 2) continue;
      const totals = list.map((e) => e.total);
      out.push({
        batchId,
        count: list.length,
        done: list.filter((e) => e.state === 'done').length,
        failed: list.filter((e) => e.state === 'failed' || e.state === 'cancelled').length,
        bytes: list.reduce(
          (sum, e) => sum + (e.state === 'done' ? (e.total ?? e.bytes) : e.bytes),
          0,
        ),
        total: totals.every((t) => t !== null)
          ? totals.reduce<number>((a, b) => a + (b ?? 0), 0)
          : null,
      });
    }
    return out;
  }
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'The download failed inside the app.' };
}
