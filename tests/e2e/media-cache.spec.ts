// The media cache end to end, in Chromium through the preview: a reload costs no upstream request
// for covers already seen; a window left open past the signed URLs' lifetime still shows its
// pictures and plays its music; Settings shows and clears the cache; without the library server
// cached media still show and the header says "Offline" once.
//
// The preview's demo server issues media URLs that live URL_TTL_SECONDS; the demo server and the
// media cache share a clock that the test moves on, so the lifetime runs out at once instead of
// after a wait (and never by accident halfway through a test on a slow machine). The catalogue is
// generated (many items, small shared files).

import type { Page } from '@playwright/test';
import type { BrowserPreview } from '../../electron/dev-browser/main';
import { catalogueReady, expect, screenshot, testWithPreview } from './fixtures';
import type { AppPage } from './fixtures';
import type { ImageLike, MediaElementLike } from './page-types';
import { previewMediaBase } from './server-data';

interface ThumbLike {
  dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { top: number; bottom: number };
}

const URL_TTL_SECONDS = 120;
/** The demo server's and the media cache's clock: real time plus what the tests moved it on. */
let clockMovedMs = 0;
const clock = (): number => Date.now() + clockMovedMs;
const test = testWithPreview({ demoItems: 600, demoUrlTtlSeconds: URL_TTL_SECONDS, clock });
test.describe.configure({ mode: 'serial' });

async function demoLog(preview: BrowserPreview) {
  return (await preview.demoServer()).requestLog();
}

/** Thumbnails on screen (lazy ones below the fold never start), by their state. */
function onScreenStates(page: Page): Promise<string[]> {
  return page.locator('.tile .thumb').evaluateAll((elements) => {
    const view = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return elements
      .map((element) => element as unknown as ThumbLike)
      .filter((thumb) => {
        const box = thumb.getBoundingClientRect();
        return box.bottom > 0 && box.top < view;
      })
      .map((thumb) => thumb.dataset['state'] ?? '');
  });
}

/** The media ids of the rendered tiles whose thumbnail is in this state. */
function tilesWithThumb(page: Page, state: 'loaded' | 'failed'): Promise<string[]> {
  return page
    .locator(`.tile:has(.thumb[data-state="${state}"])`)
    .evaluateAll((tiles) =>
      tiles.map((tile) => (tile as unknown as ThumbLike).dataset['mediaId'] ?? ''),
    );
}

/**
 * Every thumbnail on screen has finished (loaded or fallen back), and at least `min` loaded. One
 * condition, polled: a grid whose tiles have not rendered yet has nothing loading either, so
 * checking "nothing loading" first and the count once afterwards raced the first render.
 */
async function thumbnailsSettled(page: Page, min: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const states = await onScreenStates(page);
        return {
          loading: states.filter((s) => s === 'loading').length,
          enoughLoaded: states.filter((s) => s === 'loaded').length >= min,
        };
      },
      { timeout: 30_000 },
    )
    .toEqual({ loading: 0, enoughLoaded: true });
}

/**
 * A visit has fetched all it will: the thumbnails on screen have settled, and so have the lazy
 * ones just below the fold that Chromium loads ahead: the cache has no fetch under way and the
 * server's log has not grown between two looks half a second apart. Counting a visit's upstream
 * requests before that would charge the previous visit's late covers to the next one.
 */
async function visitSettled(page: Page, preview: BrowserPreview): Promise<void> {
  await thumbnailsSettled(page, 12);
  let seen = -1;
  await expect
    .poll(
      async () => {
        const logged = (await demoLog(preview)).length;
        const quiet = logged === seen && preview.services.mediaCache.fetchesInFlight === 0;
        seen = logged;
        return quiet;
      },
      { intervals: [500], timeout: 30_000 },
    )
    .toBe(true);
}

/**
 * Every URL issued so far expires, for the server and the cache alike. The clock moves only
 * while no fetch is under way (checked and moved in one step of this process, which hosts the
 * cache): a fetch that had read its link as valid just before the move would reach the server
 * after it and be refused, which real time, moving smoothly within the cache's margin, never does.
 */
async function lifetimeRunsOut(preview: BrowserPreview): Promise<void> {
  await expect
    .poll(
      () => {
        if (preview.services.mediaCache.fetchesInFlight > 0) return false;
        clockMovedMs += (URL_TTL_SECONDS + 1) * 1000;
        return true;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function imageShows(page: Page, selector: string): Promise<void> {
  const image = page.locator(selector);
  await expect
    .poll(
      () =>
        image.evaluate((element) => {
          const img = element as unknown as ImageLike;
          return img.complete && img.naturalWidth > 0;
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function playsAudio(app: AppPage): Promise<void> {
  const audio = app.details.locator('audio');
  await audio.evaluate(async (element) => {
    const player = element as unknown as MediaElementLike;
    player.muted = true;
    await player.play();
  });
  await expect
    .poll(() => audio.evaluate((a) => (a as unknown as MediaElementLike).readyState), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(2);
}

test('a reload shows every cover from the cache: zero upstream requests', async ({
  app,
  page,
  preview,
}) => {
  // Both visits show the same list: the one from the local catalogue, once it has synced (before
  // that the grid pages through the service, in another order).
  await catalogueReady(page);
  await thumbnailsSettled(page, 12);
  const src = await app.tiles.first().locator('img').getAttribute('src');
  expect(src?.startsWith(previewMediaBase(preview))).toBe(true);
  const first = (await demoLog(preview)).filter((e) => e.path.startsWith('/media/'));
  expect(first.length, 'the first visit fetched the covers upstream').toBeGreaterThanOrEqual(12);

  // One reload first: the page's layout after a reload (catalogue note, toolbar) can show a few
  // more tiles than the very first load did; from here on every tile on screen has been seen.
  await page.reload();
  await expect(app.tiles.first()).toBeVisible();
  await visitSettled(page, preview);
  const mark = (await demoLog(preview)).length;
  await page.reload();
  await expect(app.tiles.first()).toBeVisible();
  await visitSettled(page, preview);
  const after = (await demoLog(preview)).slice(mark);
  expect(after.filter((e) => e.action === 'ListPublicMediaBasicInfos').length).toBeGreaterThan(0);
  expect(after.filter((e) => e.path.startsWith('/media/'))).toEqual([]);
});

test('past the URL lifetime, pictures still show and music still plays', async ({
  app,
  page,
  preview,
}) => {
  // Stickers are listed at load; their links run out while the window stays open.
  await thumbnailsSettled(page, 12);
  await lifetimeRunsOut(preview);
  const mark = (await demoLog(preview)).length;
  // The details show the sticker file itself, never fetched before: its link has expired.
  await app.tiles.nth(3).click();
  await imageShows(page, '.preview__image img');
  await expect(app.tiles.first().locator('.thumb')).toHaveAttribute('data-state', 'loaded');

  // Music: listed now, played after its links ran out.
  await app.businessType('Background music').click();
  await app.useGrid();
  await thumbnailsSettled(page, 6);
  await lifetimeRunsOut(preview);
  await app.tiles.nth(2).click();
  await playsAudio(app);
  await imageShows(page, '.preview__cover img');

  const after = (await demoLog(preview)).slice(mark);
  // Fresh links came from GetPublicMediaInfo, before any expired link was used.
  expect(after.filter((e) => e.action === 'GetPublicMediaInfo').length).toBeGreaterThan(0);
  expect(after.filter((e) => e.status === 403)).toEqual([]);
  await screenshot(page, '20-music-after-url-lifetime');
});

test('Settings shows the space the cache uses, and clears it', async ({ app, page }) => {
  await thumbnailsSettled(page, 12);
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const usage = dialog.getByTestId('cache-usage');
  await expect(usage).toContainText(/of 2 GB used/);
  await expect(usage).not.toContainText(/^0 B/);
  await expect(dialog.getByRole('radio', { name: '2 GB' })).toBeChecked();
  await dialog.getByText('Media cache').scrollIntoViewIfNeeded();
  await screenshot(page, '21-settings-media-cache');
  await dialog.getByRole('button', { name: 'Clear cache' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'The cache is empty.' })).toBeVisible();
  await expect(usage).toContainText('0 B of 2 GB used');
  // The limit is the main process's: a radio shows the new choice once it has answered, so the
  // test clicks and waits for that (check() looks at once and can see the old state).
  const limit = (name: string) => dialog.getByRole('radio', { name });
  await limit('1 GB').click();
  await expect(limit('1 GB')).toBeChecked();
  await expect(usage).toContainText('of 1 GB used');
  await limit('2 GB').click();
  await expect(limit('2 GB')).toBeChecked();
  await page.keyboard.press('Escape');
  void app;
});

test.describe('without the library server', () => {
  // Uncached media fail to load while the server is gone; the header says so once instead.
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('cached covers still show, uncached music says so, and the header says Offline', async ({
    app,
    page,
    preview,
  }) => {
    await app.businessType('Background music').click();
    await app.useGrid();
    await thumbnailsSettled(page, 6);
    await expect(page.getByTestId('offline-note')).toBeEmpty();
    const seen = await tilesWithThumb(page, 'loaded');
    await (await preview.demoServer()).close();

    await app.tiles.nth(4).click();
    // The cover comes from the cache; the track was never fetched, so it cannot play yet.
    await imageShows(page, '.preview__cover img');
    await expect(page.getByTestId('offline-note')).toContainText('Offline', { timeout: 30_000 });
    await expect(app.details.locator('.preview__note')).toHaveText(
      'This track is not cached yet. It will play when the connection is back.',
      { timeout: 30_000 },
    );
    // No cover already seen turned into an error: they all still show. (Tiles never seen before
    // the server went, such as those the narrower grid brings on screen, may fail.)
    const failed = await tilesWithThumb(page, 'failed');
    expect(failed.filter((id) => seen.includes(id))).toEqual([]);
    expect((await tilesWithThumb(page, 'loaded')).filter((id) => seen.includes(id))).not.toEqual(
      [],
    );
    await screenshot(page, '22-offline');
  });
});
