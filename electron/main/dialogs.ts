// Native dialogs for getting media out: the download folder picker (also "Save to…").

import { BrowserWindow, dialog } from 'electron';

export async function pickFolder(defaultPath: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    defaultPath,
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
