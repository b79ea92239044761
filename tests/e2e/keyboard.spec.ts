import type { Page } from '@playwright/test';
import { catalogueReady, expect, screenshot, test } from './fixtures';
import type { KeyboardGlobals, PageGlobals } from './page-types';
import { serverPage } from './server-data';

/** What has focus, in words a failing assertion can show. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = (globalThis as unknown as PageGlobals).document.activeElement;
    return {
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null,
      text: el?.textContent?.trim().slice(0, 40) ?? '',
      index: el?.dataset.index ?? null,
      inSidebar: el?.closest('nav') !== null,
    };
  });
}

test('Tab reaches the sidebar and the grid; arrows move, Enter opens, Escape closes', async ({
  app,
  page,
  preview,
}) => {
  const stickers = await serverPage(preview, 'sticker');
  await expect(app.tiles.first()).toBeVisible();

  const visited: Array<Awaited<ReturnType<typeof focused>>> = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    visited.push(now);
    if (now.role === 'gridcell') break;
  }
  expect(visited.some((f) => f.inSidebar && f.text === 'Stickers')).toBe(true);
  expect(visited.at(-1)).toMatchObject({ role: 'gridcell', index: '0' });

  const columns = await app.grid.getByRole('row').first().getByRole('gridcell').count();
  expect(columns).toBeGreaterThan(1);
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toMatchObject({ role: 'gridcell', index: '1' });
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toMatchObject({ index: String(1 + columns) });
  await page.keyboard.press('ArrowLeft');
  expect(await focused(page)).toMatchObject({ index: String(columns) });
  await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toMatchObject({ index: '0' });
  await page.keyboard.press('ArrowDown');

  await page.keyboard.press('Enter');
  const item = stickers.items[columns]!;
  await expect(app.details).toBeVisible();
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(item.title);
  await expect(app.tile(item.mediaId)).toHaveAttribute('aria-selected', 'true');
  // Opening the panel narrows the grid; focus stays on the same tile.
  await expect.poll(async () => (await focused(page)).index).toBe(String(columns));
  await screenshot(page, '07-keyboard-details');

  await page.keyboard.press('Escape');
  await expect(app.details).toBeHidden();
  await expect.poll(async () => (await focused(page)).index).toBe(String(columns));
});

test('Tab from a tile reaches its own star, then leaves the grid and the music list', async ({
  app,
  page,
}) => {
  const star = (item: ReturnType<typeof page.locator>) =>
    item.getByRole('button', { name: 'Add to favourites' });
  const inside = (list: ReturnType<typeof page.locator>) =>
    list.evaluate((element) => element.contains(element.ownerDocument.activeElement));

  await app.tiles.nth(1).click();
  await page.keyboard.press('Escape');
  await expect(app.details).toBeHidden();
  await expect(app.tiles.nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(star(app.tiles.nth(1))).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inside(app.grid)).toBe(false);

  await app.businessType('Background music').click();
  const rows = app.grid.getByRole('gridcell');
  await rows.nth(1).locator('.media-row__title').click();
  await page.keyboard.press('Escape');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(star(rows.nth(1))).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inside(app.grid)).toBe(false);
});

test('Escape from inside the details panel returns focus to the grid', async ({ app, page }) => {
  await app.tiles.nth(2).click();
  await expect(app.details).toBeVisible();
  await app.details.getByRole('button', { name: 'Close details' }).focus();
  await page.keyboard.press('Escape');
  await expect(app.details).toBeHidden();
  await expect(app.tiles.nth(2)).toBeFocused();
});

/**
 * Presses keys within one task of the page, as a busy computer delivers keys typed while it was
 * working: back to back, with no frame (and no scroll event) in between.
 */
function pressAtOnce(page: Page, keys: string[]) {
  return page.evaluate((keys) => {
    const { document, KeyboardEvent } = globalThis as unknown as KeyboardGlobals;
    for (const key of keys) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      document.activeElement?.dispatchEvent(event);
    }
  }, keys);
}

test('keys typed faster than the grid draws all count', async ({ app, page }) => {
  // A page's worth of tiles is measured once below and expected again later: the layout must
  // not change in between, as it does when the first sync lands (the filter bar appears).
  await catalogueReady(page);
  const columns = await app.grid.getAttribute('aria-colcount');
  await app.tiles.first().click();
  await page.keyboard.press('Escape');
  await expect(app.details).toBeHidden();
  // The grid takes its width back from the closed panel a frame later: until it has its columns
  // again, a PageDown steps by the narrow grid's rows.
  await expect(app.grid).toHaveAttribute('aria-colcount', columns!);
  const focusedIndex = async () => (await focused(page)).index;
  await expect.poll(focusedIndex).toBe('0');

  // Two pages down, one key at a time, each waiting for its tile.
  await page.keyboard.press('PageDown');
  await expect.poll(focusedIndex).not.toBe('0');
  const onePage = await focusedIndex();
  await page.keyboard.press('PageDown');
  await expect.poll(focusedIndex).not.toBe(onePage);
  const twoPages = await focusedIndex();

  await page.keyboard.press('Control+Home');
  await expect.poll(focusedIndex).toBe('0');
  // The same two keys before the first page's tile is drawn: the second goes on from the first.
  await pressAtOnce(page, ['PageDown', 'PageDown']);
  await expect.poll(focusedIndex).toBe(twoPages);
  await expect(app.tileAt(twoPages!)).toBeInViewport();
});
