// The file manager, the native context menu and the clipboard for getting media out. Every path
// passed here comes from the app's own downloads or local files, never from the page.

import { BrowserWindow, ClipboardItem, Menu, clipboard, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import type { ContextMenuEntry } from '../../shared/media-out';
import type { ShellActions } from '../services/media-out/shell-actions';
import { pickFolder } from './dialogs';
import { startDrag } from './drag';

export function popupMenu(entries: readonly ContextMenuEntry[]): Promise<string | null> {
  return new Promise((resolve) => {
    let chosen: string | null = null;
    const template: Electron.MenuItemConstructorOptions[] = [];
    for (const entry of entries) {
      if (entry.separatorBefore && template.length > 0) template.push({ type: 'separator' });
      template.push({
        label: entry.label,
        enabled: entry.enabled,
        click: () => {
          chosen = entry.id;
        },
      });
    }
    const menu = Menu.buildFromTemplate(template);
    const window = BrowserWindow.getFocusedWindow() ?? undefined;
    // 'callback' runs when the menu closes, after any click handler.
    menu.popup({ ...(window ? { window } : {}), callback: () => resolve(chosen) });
  });
}

/** A raw OS clipboard format, in Electron's naming. */
const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

/** Puts the file itself on the clipboard where the platform has a format Electron can write. */
export async function copyFileToClipboard(path: string): Promise<boolean> {
  const url = pathToFileURL(path).href;
  if (process.platform === 'darwin') {
    await clipboard.write([new ClipboardItem({ [osFormat('public.file-url')]: url })]);
    return true;
  }
  if (process.platform === 'linux') {
    // What GNOME Files and KDE Dolphin read when pasting files.
    await clipboard.write([
      new ClipboardItem({
        [osFormat('x-special/gnome-copied-files')]: `copy\n${url}`,
        [osFormat('text/uri-list')]: `${url}\r\n`,
      }),
    ]);
    return true;
  }
  // Windows pastes files from CF_HDROP, a binary format Electron cannot write: copy the path.
  return false;
}

export function electronShellActions(): ShellActions {
  return {
    pickFolder,
    showItemInFolder: (path) => shell.showItemInFolder(path),
    openPath: async (path) => {
      const problem = await shell.openPath(path);
      if (problem !== '') throw new Error(problem);
    },
    popupMenu,
    copyFileToClipboard,
    startDrag,
  };
}
