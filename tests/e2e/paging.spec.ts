// Paging needs more media than the demo library's ~27 stickers: these tests run on a preview
// whose demo server serves a generated catalogue of 1,000 items (the preview's --demo-items).

import type { Page } from '@playwright/test';
import type { MediaPage } from '../../shared/domain';
import { MESSAGES } from '../../renderer/src/i18n';
import { PAGE_SIZE } from '../../renderer/src/store/library-slice';
import { expect, screenshot, testWithPreview } from './fixtures';
import type { AppPage } from './fixtures';
import { serverPage } from './server-data';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import type { BrowserPreview } from '../../electron/dev-browser/main';
import type { DemoServer } from '../../electron/demo-library/index';

// Before the first sync the grid pages through the service; this preview never syncs by itself.
const unsynced = testWithPreview({ demoItems: 1_000, catalogueSyncOnOpen: false });
// A preview of its own whose test runs the first sync itself (the others must not see it).
const firstSync = testWithPreview({ demoItems: 1_000, catalogueSyncOnOpen: false });
// From the local catalogue: this preview syncs its 1,000 items at start, as the app does.
const synced = testWithPreview({ demoItems: 1_000 });

/** The preview's own catalogue, once its first sync has finished. */
async function syncedCatalogue(preview: { services: { handlers: Handlers } }) {
  const handlers = preview.services.handlers;
  await expect
    .poll(async () => (await handlers.getCatalogueStatus(undefined)).lastSyncedAt, {
      timeout: 90_000,
    })
    .not.toBeNull();
  return handlers;
}

/** Changes the demo server's catalogue, syncs it into the page, and undoes both afterwards. */
async function withCatalogueChange(
  page: Page,
  preview: BrowserPreview,
  change: Parameters<DemoServer['changeCatalogue']>[0],
  undo: Parameters<DemoServer['changeCatalogue']>[0],
  check: () => Promise<void>,
): Promise<void> {
  const handlers = await syncedCatalogue(preview);
  const server = await preview.demoServer();
  server.changeCatalogue(change);
  try {
    const count = page.getByTestId('media-count');
    const before = (await count.textContent()) ?? '';
    await handlers.syncCatalogue(undefined);
    await expect(count).not.toHaveText(before);
    await check();
  } finally {
    server.changeCatalogue(undo);
    await handlers.syncCatalogue(undefined);
  }
}

/** The music, as a list, from the synced catalogue; its rows by place. */
async function openSyncedMusic(app: AppPage, page: Page, preview: BrowserPreview) {
  await syncedCatalogue(preview);
  await page.reload();
  await app.businessType('Background music').click();
  return (index: number) => app.grid.locator(`.media-row[data-index="${index}"]`);
}

async function countsOf(page: MediaPage) {
  const total = page.totalCount ?? 0;
  expect(total, 'the generated catalogue has several pages of stickers').toBeGreaterThan(
    PAGE_SIZE * 3,
  );
  return { total, lastPageNo: Math.ceil(total / PAGE_SIZE) };
}

unsynced.describe('before the first catalogue sync', () => {
  unsynced.afterEach(async ({ preview }) => {
    (await preview.demoServer()).setFaults({});
  });

  unsynced(
    'the grid loads the next pages as it is scrolled, up to the last item',
    async ({ app, page, preview }) => {
      const first = await serverPage(preview, 'sticker');
      const { total, lastPageNo } = await countsOf(first);
      const last = (await serverPage(preview, 'sticker', undefined, lastPageNo)).items.at(-1)!;

      await expect(app.tile(first.items[0]!.mediaId)).toBeVisible();
      const count = page.getByTestId('media-count');
      // Only what fills the screen (and a page ahead) is loaded before scrolling.
      await expect(count).toContainText(`of ${total.toLocaleString('en')}`);

      await expect(async () => {
        await app.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
        await expect(app.tile(last.mediaId)).toBeAttached({ timeout: 300 });
        // Each scroll to the end brings one more page: try again as soon as it has come.
      }).toPass({ timeout: 60_000, intervals: [50] });
      await expect(count).toHaveText(MESSAGES.en.library.itemCount(total));
      // Virtualized: only the rows around the viewport exist in the page.
      expect(await app.tiles.count()).toBeLessThan(total / 3);
      await screenshot(page, '06-scrolled-to-the-end');
    },
  );

  unsynced(
    'a tile scrolled out of the page under the keyboard gets focus back when it returns',
    async ({ app, page }) => {
      await app.tiles.first().click();
      await page.keyboard.press('Escape');
      await expect(app.details).toBeHidden();
      await expect(app.tiles.first()).toBeFocused();
      const tileZero = app.tileAt(0);
      // The wheel takes the grid far enough down for the focused tile's row to leave the page.
      await app.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
      await expect(tileZero).toHaveCount(0);
      await app.grid.evaluate((grid) => grid.scrollTo({ top: 0 }));
      await expect(tileZero).toBeFocused();
      // And the keys work on from it.
      await page.keyboard.press('ArrowRight');
      await expect(app.tileAt(1)).toBeFocused();
      await expect(app.tileAt(1)).toHaveAttribute('aria-selected', 'true');
    },
  );

  unsynced(
    'keyboard paging moves through loaded pages and keeps the focused tile in view',
    async ({ app, page, preview }) => {
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
    },
  );

  unsynced(
    'a next page that fails says so under the grid, and Retry from the keyboard loads it',
    async ({ app, page, preview }) => {
      const first = await serverPage(preview, 'sticker');
      await countsOf(first);
      await expect(app.tile(first.items[0]!.mediaId)).toBeVisible();
      // Every API call fails (enough for the client's own retries) until the plan is cleared.
      (await preview.demoServer()).setFaults({ serverError: { count: 1_000, status: 503 } });
      const failure = app.grid.getByRole('alert');
      await expect(async () => {
        await app.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
        await expect(failure).toBeVisible({ timeout: 300 });
      }).toPass({ timeout: 60_000, intervals: [50] });
      await expect(failure).toContainText(MESSAGES.en.library.loadMoreFailed);
      await expect(failure).toContainText(MESSAGES.en.errors.SERVER_ERROR);
      await screenshot(page, '08-next-page-failed');

      (await preview.demoServer()).setFaults({});
      const count = page.getByTestId('media-count');
      const loadedBefore = (await count.textContent()) ?? '';
      await failure.getByRole('button', { name: MESSAGES.en.library.retry }).focus();
      await page.keyboard.press('Enter');
      await expect(failure).toBeHidden();
      await expect(count).not.toHaveText(loadedBefore);
    },
  );
});

synced.describe('from the local catalogue', () => {
  synced(
    'the scrollbar covers the whole list at once, and End goes to the real end',
    async ({ app, page, preview }) => {
      const handlers = await syncedCatalogue(preview);
      const { ids } = await handlers.searchCatalogue({ text: '', businessType: 'sticker' });
      await page.reload(); // the page now starts from the synced catalogue
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
    },
  );
});

synced.describe('a sync under the keyboard', () => {
  synced(
    'an item added before the focused tile leaves the keyboard on the same tile',
    async ({ app, page, preview }) => {
      await syncedCatalogue(preview);
      await page.reload();
      // The last tile of the first row: the new item pushes it into the next row.
      const last = Number(await app.grid.getAttribute('aria-colcount')) - 1;
      await app.tileAt(last).locator('.tile__title').click();
      await page.keyboard.press('Escape');
      await expect(app.details).toBeHidden();
      const focusedTile = page.locator('[role="gridcell"]:focus');
      await expect(focusedTile).toHaveAttribute('data-index', String(last));
      const mediaId = (await focusedTile.getAttribute('data-media-id'))!;

      const addedId = 'f'.repeat(32);
      await withCatalogueChange(
        page,
        preview,
        // A sticker newer than any other: the grid (newest first) gains an item at its start.
        (items) => {
          const newest = Math.max(...items.map((i) => Date.parse(i.createTime)));
          const model = items.find((i) => i.businessType === 'sticker')!;
          const createTime = new Date(newest + 86_400_000).toISOString();
          return [{ ...model, mediaId: addedId, createTime, modifiedTime: createTime }, ...items];
        },
        (items) => items.filter((i) => i.mediaId !== addedId),
        async () => {
          await expect(app.tileAt(0)).toHaveAttribute('data-media-id', addedId);
          await expect(focusedTile).toHaveAttribute('data-media-id', mediaId);
          await expect(focusedTile).toHaveAttribute('data-index', String(last + 1));
          await page.keyboard.press('ArrowRight');
          await expect(focusedTile).toHaveAttribute('data-index', String(last + 2));
        },
      );
    },
  );
});

synced.describe('the list layout, by keyboard', () => {
  synced(
    'a row scrolled out of the page under the keyboard gets focus back when it returns',
    async ({ app, page, preview }) => {
      const row = await openSyncedMusic(app, page, preview);
      // On its title: the waveform and the play button would start playback.
      await row(0).locator('.media-row__title').click();
      await page.keyboard.press('Escape');
      await expect(app.details).toBeHidden();
      await expect(row(0)).toBeFocused();
      await app.grid.evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
      await expect(row(0)).toHaveCount(0);
      await app.grid.evaluate((list) => list.scrollTo({ top: 0 }));
      await expect(row(0)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(row(1)).toBeFocused();
    },
  );

  synced(
    'a sync that changes the music with a track in the player leaves the list where the user scrolled',
    async ({ app, page, preview }) => {
      const rowZero = (await openSyncedMusic(app, page, preview))(0);
      const playing = (await rowZero.getAttribute('data-media-id'))!;
      await rowZero.getByRole('button', { name: /^Play / }).click();
      await expect(rowZero).toHaveClass(/media-row--playing/);
      // Paused, so that the track cannot end and advance to the next one (which the list follows,
      // as it should) while the test runs; it stays the player's track.
      await rowZero.getByRole('button', { name: /^Pause / }).click();
      await expect(rowZero.getByRole('button', { name: /^Play / })).toBeVisible();
      await expect(rowZero).toHaveClass(/media-row--playing/);
      await app.grid.evaluate((list) => list.scrollTo({ top: list.scrollHeight / 2 }));
      await expect(rowZero).toHaveCount(0);
      const scrolledTo = await app.grid.evaluate((list) => list.scrollTop);

      let removed: unknown = null;
      await withCatalogueChange(
        page,
        preview,
        (items) => {
          const at = items.findIndex((i) => i.businessType === 'bgm' && i.mediaId !== playing);
          removed = items[at];
          return items.filter((_, i) => i !== at);
        },
        (items) => [...items, removed as (typeof items)[number]],
        async () => {
          // The list did not jump back to the track playing.
          await expect(rowZero).toHaveCount(0);
          expect(await app.grid.evaluate((list) => list.scrollTop)).toBeGreaterThan(scrolledTo / 2);
        },
      );
    },
  );

  synced(
    'Tab reaches the list when its active row has scrolled away',
    async ({ app, page, preview }) => {
      const row = await openSyncedMusic(app, page, preview);
      const searchbox = page.getByRole('searchbox');
      await expect(row(0)).toBeVisible();
      await app.grid.evaluate((list) => list.scrollTo({ top: list.scrollHeight / 2 }));
      await expect(row(0)).toHaveCount(0);
      await searchbox.focus();
      // Through the toolbar and its controls to the list, which hands focus to a row on screen.
      await expect(async () => {
        await page.keyboard.press('Tab');
        expect(
          await app.grid.evaluate((list) => list.contains(list.ownerDocument.activeElement)),
        ).toBe(true);
      }).toPass({ timeout: 15_000, intervals: [0] });
      await expect(page.locator('.media-row:focus')).toBeInViewport();
      const index = Number(await page.locator('.media-row:focus').getAttribute('data-index'));
      await page.keyboard.press('ArrowDown');
      await expect(row(index + 1)).toBeFocused();
    },
  );
});

firstSync(
  'browsing by keyboard when the first sync lands: the new grid keeps the focus',
  async ({ app, page, preview }) => {
    await app.tiles.nth(2).click();
    await page.keyboard.press('Escape');
    await expect(app.details).toBeHidden();
    await expect(app.tiles.nth(2)).toBeFocused();
    // The catalogue arrives; the grid that paged through the service gives way to its own.
    await preview.services.handlers.syncCatalogue(undefined);
    await expect(page.getByTestId('media-count')).toHaveText(/^\d+ items$/);
    const focused = page.locator('[role="gridcell"]:focus');
    await expect(focused).toHaveCount(1);
    const index = Number(await focused.getAttribute('data-index'));
    await page.keyboard.press('ArrowRight');
    await expect(app.tileAt(index + 1)).toBeFocused();
  },
);
