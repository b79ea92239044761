// The gestures that get media out of a tile or the preview: drag, right-click (or Shift+F10 /
// the context-menu key), hover and the download shortcut, shared by the grid and the details panel.

import { useCallback, useContext } from 'react';
import type { DragEvent } from 'react';
import { primaryFile } from '../../../../shared/domain';
import { downloadUrlData } from '../../media/drag-data';
import { menuEntries, runMediaAction, savedDownload } from '../../media/media-actions';
import { StoreContext, useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';

/** The tiles an action on `mediaId` applies to: the selection when the tile is part of it. */
function targetsOf(selectedIds: readonly string[], mediaId: string): string[] {
  return selectedIds.includes(mediaId) ? [...selectedIds] : [mediaId];
}

export function useMediaOut() {
  const store = useContext(StoreContext);
  const t = useAppStore(selectMessages);

  /** dragstart on a tile or the preview. Synchronous: DownloadURL and startDrag need that. */
  const onDragStart = useCallback(
    (event: DragEvent<HTMLElement>, mediaId: string) => {
      if (!store) return;
      const state = store.getState();
      const ids = targetsOf(state.selectedIds, mediaId);
      if (state.browserPreview) {
        // Chromium's DownloadURL carries one file; the first of the selection goes.
        const item = state.mediaById.get(ids[0] ?? mediaId);
        const file = item ? primaryFile(item) : null;
        if (!item || !file) {
          event.preventDefault();
          return;
        }
        event.dataTransfer.effectAllowed = 'copy';
        event.dataTransfer.setData(
          'DownloadURL',
          downloadUrlData(item.mediaId, file, location.href),
        );
        event.dataTransfer.setData('text/plain', item.mediaId);
        return;
      }
      // Electron: the main process starts the OS drag with the files; the page's own drag stops.
      event.preventDefault();
      state.dragOut(ids);
    },
    [store],
  );

  const openMenu = useCallback(
    async (mediaId: string, x: number, y: number) => {
      if (!store) return;
      const state = store.getState();
      if (!state.selectedIds.includes(mediaId)) {
        state.choose(mediaId, {}, [mediaId]);
      }
      const ids = targetsOf(store.getState().selectedIds, mediaId);
      const downloaded = savedDownload(state.downloads?.entries, mediaId) !== undefined;
      const chosen = await state.openContextMenu({
        mediaIds: ids,
        mediaId,
        x,
        y,
        entries: menuEntries(t, ids.length, downloaded),
      });
      if (chosen !== null) {
        const notice = await runMediaAction(store, chosen, ids, mediaId, t);
        store.getState().showMediaOutNotice(notice);
      }
    },
    [store, t],
  );

  const run = useCallback(
    async (action: string, mediaIds: readonly string[], mediaId: string) => {
      if (!store) return;
      const notice = await runMediaAction(store, action, mediaIds, mediaId, t);
      store.getState().showMediaOutNotice(notice);
    },
    [store, t],
  );

  return { onDragStart, openMenu, run };
}
