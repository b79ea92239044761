// The actions on media that the context menu, the selection bar, the details panel and the
// keyboard share: one list of entries and one place that runs them.

import { primaryFile } from '../../../shared/domain';
import type { ContextMenuEntry, DownloadEntry } from '../../../shared/media-out';
import type { Messages } from '../i18n';
import type { AppStore } from '../store/app-store';

/** The ICE console; it has no stable deep link to a public media item, so the MediaId is copied. */
export const ICE_CONSOLE_URL = 'https://ice.console.aliyun.com/';

/** The newest finished download of an item, if it is still listed. */
export function savedDownload(
  entries: readonly DownloadEntry[] | undefined,
  mediaId: string,
): DownloadEntry | undefined {
  return entries?.find((e) => e.mediaId === mediaId && e.state === 'done' && e.path !== null);
}

export function menuEntries(t: Messages, count: number, downloaded: boolean): ContextMenuEntry[] {
  const many = count > 1;
  return [
    {
      id: 'download',
      label: many ? `${t.mediaOut.download} (${count})` : t.mediaOut.download,
      enabled: true,
    },
    { id: 'save-to', label: t.mediaOut.saveTo, enabled: true },
    { id: 'show-in-folder', label: t.mediaOut.showInFolder, enabled: downloaded && !many },
    { id: 'copy-file', label: t.mediaOut.copyFile, enabled: !many, separatorBefore: true },
    {
      id: 'copy-id',
      label: many ? t.mediaOut.copyMediaIds : t.mediaOut.copyMediaId,
      enabled: true,
    },
    { id: 'copy-file-name', label: t.mediaOut.copyFileName, enabled: !many },
    { id: 'open-console', label: t.mediaOut.openInConsole, enabled: !many, separatorBefore: true },
  ];
}

/** Runs a menu or shortcut action; resolves with a short message for a status line, if any. */
export async function runMediaAction(
  store: AppStore,
  action: string,
  mediaIds: readonly string[],
  mediaId: string,
  t: Messages,
): Promise<string | null> {
  const state = store.getState();
  const item = state.mediaById.get(mediaId);
  const copy = async (text: string, message: string): Promise<string> => {
    try {
      await navigator.clipboard.writeText(text);
      return message;
    } catch {
      return t.mediaOut.copyFailed;
    }
  };
  switch (action) {
    case 'download':
      await state.download(mediaIds);
      return null;
    case 'save-to':
      await state.download(mediaIds, true);
      return null;
    case 'show-in-folder': {
      const saved = savedDownload(state.downloads?.entries, mediaId);
      if (saved) state.showDownloadInFolder(saved.id);
      return null;
    }
    case 'copy-id':
      return copy(mediaIds.join('\n'), t.mediaOut.copied);
    case 'copy-file-name': {
      const file = item ? primaryFile(item) : null;
      return file ? copy(file.fileName, t.mediaOut.copied) : null;
    }
    case 'copy-file': {
      const result = await state.copyFile(mediaId);
      if (result === null) return t.mediaOut.copyFailed;
      return result.copied === 'file'
        ? t.mediaOut.copied
        : copy(result.path, t.mediaOut.copiedPath);
    }
    case 'open-console':
      await copy(mediaId, t.mediaOut.copied);
      state.openExternal(ICE_CONSOLE_URL);
      return null;
    default:
      return null;
  }
}
