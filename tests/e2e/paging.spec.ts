// Paging needs more media than the demo library's ~27 stickers. The preview's composition root
// has no option for the demo server's generated catalogue, so these tests point the preview's
// handlers at a second demo server with 1,000 generated items, through the same ICE client,
// library service and catalogue service the app uses; everything from the router to the page is
// unchanged. Before the first catalogue sync the grid pages through the service; after it, the
// grid knows every id of the list at once.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaPage } from '../../shared/domain';
import { startDemoServer } from '../../electron/services/demo-server/index';
import type { DemoServer } from '../../electron/services/demo-server/index';
import { createIceClient } from '../../electron/services/ice/ice-client';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import { LibraryService } from '../../electron/services/library/library-service';
import { CatalogueService } from '../../electron/services/catalogue/catalogue-service';
import { listerFor } from '../../electron/services/catalogue/catalogue-lister';
import { MESSAGES } from '../../renderer/src/i18n';
import { PAGE_SIZE } from '../../renderer/src/store/library-slice';
import { expect, screenshot, test } from './fixtures';
import { serverPage } from './server-data';

let big: DemoServer;
let mediaDir: string;
let original: Pick<
  Handlers,
  'listMedia' | 'getCatalogueStatus' | 'searchCatalogue' | 'getCatalogueItems'
>;
let catalogue: CatalogueService;

test.beforeAll(async ({ preview }) => {
  mediaDir = await mkdtemp(join(tmpdir(), 'ice-e2e-big-'));
  big = await startDemoServer({ catalogue: { generated: 1_000 }, mediaDir });
  const url = new URL(big.url);
  const library = new LibraryService(
    Promise.resolve({
      source: { kind: 'demo', endpoint: url.host },
      api: createIceClient({
        endpoint: { scheme: 'http', host: url.hostname, port: Number(url.port) },
      }),
    }),
  );
  const handlers = preview.services.handlers;
  original = { ...handlers };
  handlers.listMedia = (query) => library.listMedia(query);
  catalogue = new CatalogueService({ dir: join(mediaDir, 'catalogue') });
  const client = createIceClient({
    endpoint: { scheme: 'http', host: url.hostname, port: Number(url.port) },
  });
  catalogue.open('big', listerFor(client), { sync: false });
  await catalogue.sync();
});

test.afterAll(async ({ preview }) => {
  Object.assign(preview.services.handlers, original);
  catalogue.close();
  await big.close();
  await rm(mediaDir, { recursive: true, force: true });
});

async function countsOf(page: MediaPage) {
  const total = page.totalCount ?? 0;
  expect(total, 'the generated catalogue has several pages of stickers').toBeGreaterThan(
    PAGE_SIZE * 3,
  );
  return { total, lastPageNo: Math.ceil(total / PAGE_SIZE) };
}

test.describe('before the first catalogue sync', () => {
  test.beforeEach(async ({ preview }) => {
    // The page is told the local catalogue is still empty, so it pages through the service.
    preview.services.handlers.getCatalogueStatus = async () => ({
      ...(await original.getCatalogueStatus(undefined)),
      itemCount: 0,
      lastSyncedAt: null,
    });
  });

  test('the grid loads the next pages as it is scrolled, up to the last item', async ({
    app,
    page,
    preview,
  }) => {
    const first = await serverPage(preview, 'sticker');
    const { total, lastPageNo } = await countsOf(first);
    const last = (await serverPage(preview, 'sticker', undefined, lastPageNo)).items.at(-1)!;

    await expect(app.tile(first.items[0]!.mediaId)).toBeVisible();
    const count = page.getByTestId('media-count');
    // Only what fills the screen (and a page ahead) is loaded before scrolling.
    await expect(count).toContainText(`of ${total.toLocaleString('en')}`);

    await expect(async () => {
      await app.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
      await expect(app.tile(last.mediaId)).toBeAttached({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(count).toHaveText(MESSAGES.en.library.itemCount(total));
    // Virtualized: only the rows around the viewport exist in the page.
    expect(await app.tiles.count()).toBeLessThan(total / 3);
    await screenshot(page, '06-scrolled-to-the-end');
  });

  test('keyboard paging moves through loaded pages and keeps the focused tile in view', async ({
    app,
    page,
    preview,
  }) => {
    const first = await serverPage(preview, 'sticker');
    await countsOf(first);
    await app.tile(first.items[0]!.mediaId).click();
    await page.keyboard.press('Escape');
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
    const focused = page.locator('[role="gridcell"]:focus');
    await expect(focused).toBeInViewport();
    const index = Number(await focused.getAttribute('data-index'));
    expect(index).toBeGreaterThan(PAGE_SIZE / 2);
    await page.keyboard.press('Control+Home');
    await expect(page.locator('[role="gridcell"]:focus')).toHaveAttribute('data-index', '0');
    await expect(app.tile(first.items[0]!.mediaId)).toBeInViewport();
  });
});

test.describe('from the local catalogue', () => {
  test.beforeEach(({ preview }) => {
    const handlers = preview.services.handlers;
    handlers.getCatalogueStatus = async () => catalogue.status();
    handlers.searchCatalogue = async (query) => catalogue.search(query);
    handlers.getCatalogueItems = async ({ mediaIds }) => catalogue.items(mediaIds);
  });
  test.afterEach(({ preview }) => {
    Object.assign(preview.services.handlers, original);
  });

  test('the scrollbar covers the whole list at once, and End goes to the real end', async ({
    app,
    page,
  }) => {
    const ids = catalogue.search({ text: '', businessType: 'sticker' }).ids;
    expect(ids.length).toBeGreaterThan(PAGE_SIZE * 3);
    const count = page.getByTestId('media-count');
    await expect(count).toHaveText(MESSAGES.en.library.itemCount(ids.length));
    await expect(app.tile(ids[0]!)).toBeVisible();
    // The canvas is as tall as every row of the list, before any scrolling.
    const { scrollHeight, clientHeight } = await app.grid.evaluate((grid) => ({
      scrollHeight: grid.scrollHeight,
      clientHeight: grid.clientHeight,
    }));
    const columns = Number(await app.grid.getAttribute('aria-colcount'));
    expect(scrollHeight).toBeGreaterThan((ids.length / columns - 1) * 150);
    expect(scrollHeight).toBeGreaterThan(clientHeight * 5);

    await app.tile(ids[0]!).focus();
    await page.keyboard.press('Control+End');
    await expect(app.tile(ids.at(-1)!)).toBeInViewport();
    await expect(app.tile(ids.at(-1)!).locator('.tile__title')).not.toBeEmpty();
    expect(await app.tiles.count()).toBeLessThan(ids.length / 3);
    await screenshot(page, '07-catalogue-end');
  });
});
