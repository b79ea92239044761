// What the renderer may know about getting media out: downloads (queue, history, batches), the
// local copies that drag-out needs, and the context menu the main process can show natively.

import type { AppErrorData } from './errors';

export type DownloadState = 'queued' | 'downloading' | 'done' | 'failed' | 'cancelled';

export interface DownloadEntry {
  id: string;
  batchId: string;
  mediaId: string;
  title: string;
  /** The name the file is saved under (sanitized; "name (1).ext" when another file had it). */
  fileName: string;
  /** The folder it goes to. */
  folder: string;
  state: DownloadState;
  bytes: number;
  /** Null while unknown. */
  total: number | null;
  /** Over the last few seconds, while downloading; else null. */
  bytesPerSecond: number | null;
  /** Where the file is, once done. */
  path: string | null;
  /** The identical file was already in the folder: nothing was downloaded or written. */
  alreadyThere: boolean;
  error: AppErrorData | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface DownloadBatch {
  batchId: string;
  count: number;
  done: number;
  failed: number;
  /** Bytes of every file of the batch, known sizes only. */
  bytes: number;
  total: number | null;
}

export interface DownloadsSnapshot {
  /** Increases with every snapshot: a reply that arrives after a newer event is stale. */
  revision: number;
  /** Newest first. */
  entries: DownloadEntry[];
  /** Batches with more than one file that still have work, or finished within the session. */
  batches: DownloadBatch[];
  /** The download folder now in use (the setting, or the default). */
  folder: string;
  /** True when the folder is the default (OS Downloads + the app's subfolder). */
  folderIsDefault: boolean;
}

export interface StartDownloadsResult {
  /** Null when the user closed the folder picker of "Save to…". */
  batchId: string | null;
  snapshot: DownloadsSnapshot;
}

/** A local copy of an item's primary file, as drag-out needs it. */
export type LocalFileState =
  | { mediaId: string; state: 'fetching'; received: number; total: number | null }
  | { mediaId: string; state: 'ready'; size: number }
  | { mediaId: string; state: 'failed'; error: AppErrorData }
  /** Not fetched on hover because the file is larger than the hover limit. */
  | { mediaId: string; state: 'deferred'; size: number };

export interface ContextMenuEntry {
  id: string;
  label: string;
  enabled: boolean;
  /** A separator line before this entry. */
  separatorBefore?: boolean;
}

export interface CopyFileResult {
  /** 'file': on the clipboard as a file; 'path': the renderer copies `path` as text. */
  copied: 'file' | 'path';
  path: string;
}
