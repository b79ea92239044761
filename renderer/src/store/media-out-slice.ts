// Getting media out, as the page sees it: the downloads (from the main process's queue), the
// local copies drag-out needs, and the context menu (native in Electron, HTML in the preview).

import type { AppErrorData } from '../../../shared/errors';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type {
  ContextMenuEntry,
  CopyFileResult,
  DownloadsSnapshot,
  LocalFileState,
} from '../../../shared/media-out';
import type { SliceCreator } from './types';

export interface ContextMenuState {
  mediaIds: string[];
  /** The tile the menu is for (Copy MediaId, Show in folder...). */
  mediaId: string;
  x: number;
  y: number;
  entries: ContextMenuEntry[];
}

export interface MediaOutSlice {
  browserPreview: boolean;
  downloads: DownloadsSnapshot | null;
  downloadsOpen: boolean;
  /** The last failure of a downloads action (not of a download: those are in the entries). */
  downloadsError: AppErrorData | null;
  localFiles: Record<string, LocalFileState>;
  /** Tiles whose drag waits for their file (they show progress until it is ready). */
  dragPending: string[];
  contextMenu: ContextMenuState | null;
  /** A short message after an action (copied, ...), shown briefly. */
  mediaOutNotice: { text: string; at: number } | null;
  showMediaOutNotice(text: string | null): void;

  startMediaOut(): () => void;
  download(mediaIds: readonly string[], saveTo?: boolean): Promise<void>;
  cancelDownload(id: string): void;
  retryDownload(id: string): void;
  clearDownloadHistory(): void;
  showDownloadInFolder(id: string): void;
  openDownload(id: string): void;
  chooseDownloadFolder(): Promise<void>;
  useDefaultDownloadFolder(): void;
  setDownloadsOpen(open: boolean): void;
  prepareLocal(mediaIds: readonly string[], reason: 'hover' | 'selection'): void;
  /** Starts the OS drag when every file is local; else fetches them and returns false. */
  dragOut(mediaIds: readonly string[]): boolean;
  /** Native menu where there is one; else opens the HTML menu. Resolves with the chosen id. */
  openContextMenu(menu: ContextMenuState): Promise<string | null>;
  closeContextMenu(): void;
  /** The file on the clipboard (Electron) or its path for the page to copy; null on failure. */
  copyFile(mediaId: string): Promise<CopyFileResult | null>;
}

export function createMediaOutSlice(api: BridgeApi): SliceCreator<MediaOutSlice> {
  return (set, get) => {
    const applyLocal = (state: LocalFileState): void => {
      set((s) => {
        const localFiles = { ...s.localFiles, [state.mediaId]: state };
        const dragPending =
          state.state === 'fetching'
            ? s.dragPending
            : s.dragPending.filter((id) => id !== state.mediaId);
        return { localFiles, dragPending };
      });
    };
    const fail = (error: AppErrorData): void => set({ downloadsError: error });
    // Replies and events race: only a newer snapshot replaces the one shown.
    const applyDownloads = (downloads: DownloadsSnapshot): void => {
      const current = get().downloads;
      if (current === null || downloads.revision > current.revision) set({ downloads });
    };

    return {
      browserPreview: false,
      downloads: null,
      downloadsOpen: false,
      downloadsError: null,
      localFiles: {},
      dragPending: [],
      contextMenu: null,
      mediaOutNotice: null,

      showMediaOutNotice(text) {
        set({ mediaOutNotice: text === null ? null : { text, at: Date.now() } });
      },

      startMediaOut() {
        void api.getAppInfo().then((r) => {
          if (r.ok) set({ browserPreview: r.value.browserPreview });
        });
        void api.getDownloads().then((r) => {
          if (r.ok) applyDownloads(r.value);
        });
        const stopDownloads = api.onDownloadsChanged(applyDownloads);
        const stopLocal = api.onLocalFileChanged(applyLocal);
        return () => {
          stopDownloads();
          stopLocal();
        };
      },

      async download(mediaIds, saveTo = false) {
        if (mediaIds.length === 0) return;
        const result = await api.startDownloads({
          mediaIds: [...mediaIds],
          ...(saveTo ? { saveTo } : {}),
        });
        if (!result.ok) return fail(result.error);
        applyDownloads(result.value.snapshot);
        set({ downloadsError: null });
        if (result.value.batchId !== null) set({ downloadsOpen: true });
      },

      cancelDownload(id) {
        void api
          .cancelDownload({ id })
          .then((r) => (r.ok ? applyDownloads(r.value) : fail(r.error)));
      },
      retryDownload(id) {
        void api
          .retryDownload({ id })
          .then((r) => (r.ok ? applyDownloads(r.value) : fail(r.error)));
      },
      clearDownloadHistory() {
        void api
          .clearDownloadHistory()
          .then((r) => (r.ok ? applyDownloads(r.value) : fail(r.error)));
      },
      showDownloadInFolder(id) {
        void api.showDownloadInFolder({ id }).then((r) => (r.ok ? undefined : fail(r.error)));
      },
      openDownload(id) {
        void api.openDownload({ id }).then((r) => (r.ok ? undefined : fail(r.error)));
      },
      async chooseDownloadFolder() {
        const result = await api.chooseDownloadFolder();
        if (result.ok) {
          applyDownloads(result.value);
          set({ downloadsError: null });
        } else fail(result.error);
      },
      useDefaultDownloadFolder() {
        void api
          .updateSettings({ downloadFolder: null })
          .then((r) => (r.ok ? undefined : fail(r.error)));
      },
      setDownloadsOpen(open) {
        set({ downloadsOpen: open, ...(open ? {} : { downloadsError: null }) });
      },

      prepareLocal(mediaIds, reason) {
        const wanted = mediaIds.filter((id) => {
          const known = get().localFiles[id];
          return (
            known === undefined ||
            known.state === 'failed' ||
            (known.state === 'deferred' && reason === 'selection')
          );
        });
        if (wanted.length === 0) return;
        void api.prepareLocalFiles({ mediaIds: wanted, reason }).then((r) => {
          if (r.ok) for (const state of r.value) applyLocal(state);
        });
      },

      dragOut(mediaIds) {
        const { localFiles } = get();
        const missing = mediaIds.filter((id) => localFiles[id]?.state !== 'ready');
        if (missing.length === 0) {
          api.startDrag({ mediaIds: [...mediaIds] });
          return true;
        }
        set((s) => ({ dragPending: [...new Set([...s.dragPending, ...missing])] }));
        get().prepareLocal(missing, 'selection');
        return false;
      },

      async openContextMenu(menu) {
        if (!get().browserPreview) {
          const result = await api.showContextMenu({ entries: menu.entries });
          if (result.ok && result.value.native) return result.value.chosen;
        }
        set({ contextMenu: menu });
        return null;
      },

      closeContextMenu() {
        set({ contextMenu: null });
      },

      async copyFile(mediaId) {
        const result = await api.copyFile({ mediaId });
        return result.ok ? result.value : null;
      },
    };
  };
}
