// Getting media out in the browser preview: selection and the context menu by keyboard, drag-out
// through Chromium's DownloadURL, and the download journeys (a batch with progress, identical
// file, name collision, cancel and resume) against the real services and the demo library.

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { primaryFile } from '../../shared/domain';
import type { MediaItem } from '../../shared/domain';
import { mediaFileName } from '../../electron/services/ice/file-names';
import type { BrowserPreview } from '../../electron/dev-browser/main';
import { expect, previewShell, screenshot, test } from './fixtures';
import type { AppPage } from './fixtures';
import type { ClipboardGlobals } from './page-types';
import { serverPage } from './server-data';

/** Downloads go to a fresh folder, chosen the way a user does it (the picker answers it). */
async function freshDownloadFolder(preview: BrowserPreview): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'ice-e2e-downloads-'));
  previewShell.folderChoice = folder;
  await preview.services.router.dispatch('downloads:clear-history', undefined);
  await preview.services.router.dispatch('downloads:choose-folder', undefined);
  previewShell.folderChoice = null;
  return folder;
}

/** The name a file is saved under, by the app's own rules. */
function savedName(item: MediaItem): string {
  const file = primaryFile(item)!;
  return mediaFileName(file.fileName, file.formatName);
}

async function upstreamBytes(item: MediaItem): Promise<Buffer> {
  const response = await fetch(primaryFile(item)!.url);
  return Buffer.from(await response.arrayBuffer());
}

/** Forgets the local copy, so the next download really transfers. */
async function forgetLocalCopy(preview: BrowserPreview, item: MediaItem): Promise<void> {
  const path = preview.services.localFiles.completedPath(item.mediaId, primaryFile(item)!.fileName);
  if (path !== null) await rm(path, { force: true });
}

function downloadsPanel(page: Page) {
  return page.getByRole('dialog', { name: 'Downloads' });
}

function selectionCount(app: AppPage) {
  return app.page.getByTestId('selection-count');
}

test('selection and the context menu work from the keyboard', async ({ app, page, preview }) => {
  const stickers = await serverPage(preview, 'sticker');
  const [first, second, third] = stickers.items;
  await app.tile(first!.mediaId).click();
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(first!.title);

  // Arrows move the selection, and the details panel follows it.
  await page.keyboard.press('ArrowRight');
  await expect(app.tile(second!.mediaId)).toHaveAttribute('aria-selected', 'true');
  await expect(app.tile(first!.mediaId)).toHaveAttribute('aria-selected', 'false');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(second!.title);
  // The next keys go to the focused tile: wait for the focus ring, as a person would see it
  // (rows re-created for a new column count get their focus back a frame or two later).
  await expect(app.tile(second!.mediaId)).toBeFocused();

  await page.keyboard.press('Shift+ArrowRight');
  await expect(selectionCount(app)).toHaveText('2 selected');
  await expect(app.tile(third!.mediaId)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ControlOrMeta+a');
  const loaded = await app.tiles.count();
  await expect(selectionCount(app)).toHaveText(`${stickers.items.length} selected`);
  expect(loaded).toBeGreaterThan(2);

  await page.keyboard.press('Escape');
  await expect(selectionCount(app)).toBeHidden();

  // Ctrl/⌘+click toggles, Shift+click selects a range.
  await app.tile(first!.mediaId).click();
  await app.tile(third!.mediaId).click({ modifiers: ['ControlOrMeta'] });
  await expect(selectionCount(app)).toHaveText('2 selected');
  await expect(app.tile(second!.mediaId)).toHaveAttribute('aria-selected', 'false');
  await app.tile(first!.mediaId).click();
  await app.tile(third!.mediaId).click({ modifiers: ['Shift'] });
  await expect(selectionCount(app)).toHaveText('3 selected');

  // Shift+F10 opens the menu on the focused tile; arrows move, Escape closes.
  await app.tile(first!.mediaId).click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Download',
    'Save to…',
    'Show in folder',
    'Copy file',
    'Copy MediaId',
    'Copy file name',
    'Open in the ICE console',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Download' })).toBeFocused();
  await screenshot(page, '20-context-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(app.tile(first!.mediaId)).toBeFocused();

  // The context-menu key, then Copy MediaId, chosen with the arrows and Enter.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // Show in folder is disabled
  await expect(menu.getByRole('menuitem', { name: 'Copy MediaId' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect
    .poll(() =>
      page.evaluate(() =>
        (globalThis as unknown as ClipboardGlobals).navigator.clipboard.readText(),
      ),
    )
    .toBe(first!.mediaId);
});

test('dragging a tile out fills DownloadURL with a URL that serves the exact file', async ({
  app,
  page,
  preview,
}) => {
  const stickers = await serverPage(preview, 'sticker');
  const item = stickers.items[1]!;
  await expect(app.tile(item.mediaId)).toBeVisible();
  const drag = await page.evaluate((mediaId) => {
    interface DragPage {
      document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } };
      DataTransfer: new () => { getData(type: string): string };
      DragEvent: new (type: string, init: object) => { defaultPrevented: boolean };
    }
    const page = globalThis as unknown as DragPage;
    const data = new page.DataTransfer();
    const event = new page.DragEvent('dragstart', {
      dataTransfer: data,
      bubbles: true,
      cancelable: true,
    });
    page.document
      .querySelector(`[role="gridcell"][data-media-id="${mediaId}"]`)
      .dispatchEvent(event);
    return { downloadUrl: data.getData('DownloadURL'), prevented: event.defaultPrevented };
  }, item.mediaId);

  expect(drag.prevented).toBe(false);
  const [mime, name, ...rest] = drag.downloadUrl.split(':');
  const url = rest.join(':');
  expect(mime).toMatch(/^image\//);
  expect(name).toBe(primaryFile(item)!.fileName);
  expect(url.startsWith(`${preview.origin}/__preview/media/`)).toBe(true);
  expect(url).not.toContain('Signature');
  const served = await page.request.get(url);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe(mime);
  expect(Buffer.from(await served.body()).equals(await upstreamBytes(item))).toBe(true);

  // The route serves listed items only.
  const unknown = url.replace(encodeURIComponent(item.mediaId), 'unknown-media-id');
  expect(unknown).not.toBe(url);
  expect((await page.request.get(unknown)).status()).toBe(404);
});

test('three stickers download with progress into the folder under their real names; nothing is lost or doubled', async ({
  app,
  page,
  preview,
}) => {
  const folder = await freshDownloadFolder(preview);
  const stickers = (await serverPage(preview, 'sticker')).items.slice(0, 3);
  for (const item of stickers) await forgetLocalCopy(preview, item);
  await app.tile(stickers[0]!.mediaId).click();
  await app.tile(stickers[1]!.mediaId).click({ modifiers: ['ControlOrMeta'] });
  await app.tile(stickers[2]!.mediaId).click({ modifiers: ['ControlOrMeta'] });
  await expect(selectionCount(app)).toHaveText('3 selected');
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Download' })
    .click();

  const panel = downloadsPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.locator('.download-row[data-state="done"]')).toHaveCount(3, {
    timeout: 30_000,
  });
  await screenshot(page, '21-downloads-popover');
  const names = stickers.map(savedName);
  expect((await readdir(folder)).sort()).toEqual([...names].sort());
  for (const item of stickers) {
    expect((await readFile(join(folder, savedName(item)))).equals(await upstreamBytes(item))).toBe(
      true,
    );
  }
  await panel
    .locator('.download-row')
    .first()
    .getByRole('button', { name: 'Show in folder' })
    .click();
  await expect.poll(() => previewShell.shown.at(-1)).toBe(join(folder, names[0]!));

  // Again, with the keyboard shortcut: the identical files are already there.
  await page.keyboard.press('Escape');
  await app.tile(stickers[2]!.mediaId).click({ modifiers: ['ControlOrMeta'] });
  await app.tile(stickers[2]!.mediaId).click({ modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('ControlOrMeta+s');
  await expect(panel.getByText('Already in the folder — not downloaded again')).toHaveCount(3, {
    timeout: 20_000,
  });
  expect((await readdir(folder)).sort()).toEqual([...names].sort());

  // A different file under the same name stays; the download becomes "name (1).ext".
  await writeFile(join(folder, names[0]!), 'a designer’s own file');
  await page.keyboard.press('Escape');
  await app.tile(stickers[0]!.mediaId).click();
  await app.tile(stickers[0]!.mediaId).click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Download' }).click();
  const numbered = names[0]!.replace(/(\.[^.]+)$/, ' (1)$1');
  await expect(panel.locator('.download-row').first()).toContainText(numbered, { timeout: 20_000 });
  expect(await readFile(join(folder, names[0]!), 'utf8')).toBe('a designer’s own file');
  expect((await readFile(join(folder, numbered))).equals(await upstreamBytes(stickers[0]!))).toBe(
    true,
  );
  expect((await readdir(folder)).filter((n) => n.endsWith('.part'))).toEqual([]);
  await rm(folder, { recursive: true, force: true });
});

test.describe('with file responses held by the demo server', () => {
  // The details panel's audio player loads the same held file meanwhile, through the media
  // cache; should it give up on it before the release, Chromium logs that.
  test.use({
    allowedConsoleErrors: [/ERR_CONTENT_LENGTH_MISMATCH|status of 503 \(Service Unavailable\)/],
  });

  test('a track can be cancelled mid-download, leaving nothing, and then resumed to completion', async ({
    app,
    page,
    preview,
  }) => {
    const folder = await freshDownloadFolder(preview);
    await app.businessType('Background music').click();
    await app.useGrid();
    const tracks = (await serverPage(preview, 'bgm')).items;
    const track = tracks[tracks.length - 1]!;
    await forgetLocalCopy(preview, track);
    const demo = await preview.demoServer();
    // Every file response stops after a few KB until released: the download stays in progress
    // for as long as the test needs. (Responses cut every few KB used to fail the download after
    // its retries, sometimes before a loaded machine got to click Cancel.)
    demo.setFaults({ holdFiles: { afterBytes: 4096 } });
    try {
      await app.tile(track.mediaId).scrollIntoViewIfNeeded();
      await app.tile(track.mediaId).click();
      await app.details.getByRole('button', { name: 'Download' }).click();
      const panel = downloadsPanel(page);
      const row = panel.locator('.download-row').first();
      await expect(row).toHaveAttribute('data-state', 'downloading', { timeout: 20_000 });
      await row.getByRole('button', { name: 'Cancel' }).click();
      await expect(row).toHaveAttribute('data-state', 'cancelled');
      expect(await readdir(folder)).toEqual([]);
    } finally {
      demo.setFaults({});
    }
    const row = downloadsPanel(page).locator('.download-row').first();
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(await readdir(folder)).toEqual([savedName(track)]);
    expect(
      (await readFile(join(folder, savedName(track)))).equals(await upstreamBytes(track)),
    ).toBe(true);
    await row.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => previewShell.opened.at(-1)).toBe(join(folder, savedName(track)));
    await rm(folder, { recursive: true, force: true });
  });
});

test('the download folder is a setting with a picker; the default is Downloads plus the app folder', async ({
  app,
  page,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const shown = page.getByTestId('download-folder');
  const chosen = await mkdtemp(join(tmpdir(), 'ice-e2e-chosen-'));
  previewShell.folderChoice = chosen;
  await page.getByRole('button', { name: 'Change…' }).click();
  await expect(shown).toHaveText(chosen);
  previewShell.folderChoice = null;
  await page.getByRole('button', { name: 'Change…' }).click(); // the picker was cancelled
  await expect(shown).toHaveText(chosen);
  await page.getByRole('button', { name: 'Use the default' }).click();
  await expect(shown).toHaveText(/[/\\]Downloads[/\\]ICE Media Library$/);
  await expect(page.getByRole('button', { name: 'Use the default' })).toBeHidden();
  await screenshot(page, '22-download-folder-setting');
  await rm(chosen, { recursive: true, force: true });
});
