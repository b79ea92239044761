// What only the desktop shell can do for getting media out: native dialogs, the file manager,
// the native menu, the clipboard, and starting a drag. The Electron shell implements these
// (electron/main/shell-adapters.ts, drag.ts, dialogs.ts); the browser preview and tests pass
// their own. Every path handed to them has been produced by the app itself, never the page.

import type { ContextMenuEntry } from '../../../shared/media-out';
import type { DragPlan } from './drag-out';

export interface ShellActions {
  /** A folder chosen by the user, or null when they cancelled. */
  pickFolder(defaultPath: string): Promise<string | null>;
  showItemInFolder(path: string): void;
  openPath(path: string): Promise<void>;
  /** The chosen entry's id, or null when the menu closed without a choice. */
  popupMenu(entries: readonly ContextMenuEntry[]): Promise<string | null>;
  /** True when the file itself is on the clipboard; false when only its path could be. */
  copyFileToClipboard(path: string): Promise<boolean>;
  /** Starts the OS drag on the page that sent the message, synchronously. */
  startDrag(sender: unknown, plan: DragPlan): void;
}
