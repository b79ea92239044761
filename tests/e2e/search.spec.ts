// Finding media in the local catalogue: search as you type (pinyin, Chinese, English), filters
// and sort, favourites, and browsing with the service down.

import type { Page } from '@playwright/test';
import { pinyinOf } from '../../electron/services/catalogue/search-text';
import { catalogueReady, expect, screenshot, test } from './fixtures';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search the library' });

test.afterEach(async ({ preview }) => {
  (await preview.demoServer()).setFaults({});
});

test('three letters of pinyin find a track across every business type', async ({ app, page }) => {
  await catalogueReady(page);
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('ygs');
  await expect(app.heading).toHaveText('Search results');
  await expect(page.getByTestId('media-count')).toHaveText('1 result');
  await expect(app.tiles.locator('.tile__title')).toHaveText(['阳光散步 Sunny walk']);
  // Drawn as music, though the grid was showing stickers: its cover fills the tile, with no
  // sticker checkerboard behind it.
  await expect(app.tiles.first()).toHaveClass(/\btile--bgm\b/);
  await expect(app.tiles.first().locator('.thumb')).toHaveClass(/\bthumb--cover\b/);
  await expect(app.tiles.first().locator('.thumb--checker')).toHaveCount(0);
  await screenshot(page, '20-search-pinyin');

  // Chinese (two characters), then English with the case ignored.
  await searchBox(page).fill('星光');
  await expect(app.tiles.locator('.tile__title')).toHaveText(['星光闪烁 Twinkling stars']);
  await searchBox(page).fill('MORNING');
  // Across business types: a sticker and two tracks; titles without the word stay out.
  await expect(
    app.tiles.locator('.tile__title', { hasText: '早安咖啡 Morning coffee' }),
  ).toHaveCount(1);
  // The results' rows join the grid over a few frames: wait for all three.
  const titles = () => app.tiles.locator('.tile__title').allTextContents();
  await expect
    .poll(titles)
    .toEqual(
      expect.arrayContaining([
        '早安咖啡 Morning coffee',
        '晨雾 Morning mist',
        '早安元气 Good morning',
      ]),
    );
  expect(await titles()).not.toContain('阳光散步 Sunny walk');
  expect(await titles()).not.toContain('星光闪烁 Twinkling stars');

  // Escape clears the search and browsing comes back.
  await searchBox(page).press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(app.heading).toHaveText('All');

  // Ctrl+F focuses it from the grid.
  await app.tiles.first().focus();
  await page.keyboard.press('Control+f');
  await expect(searchBox(page)).toBeFocused();
});

test('filters and sort narrow and order the music', async ({ app, page }) => {
  await catalogueReady(page);
  await app.businessType('Background music').click();
  await expect(page.getByTestId('media-count')).toHaveText('24 items');
  const filters = page.getByRole('group', { name: 'Filters' });
  // Every filter says in words what it shows before one is chosen.
  await expect(
    filters.getByRole('combobox', { name: /^Duration/ }).locator('option:checked'),
  ).toHaveText('Any length');
  await filters.getByLabel('Sort').selectOption('title');
  // Music is a list; by title means Chinese titles in pinyin order among the English ones.
  // The new order comes from the main process: wait for it, not for the rows already shown.
  const rowTitles = app.tiles.locator('.media-row__title');
  const key = (title: string) => pinyinOf(title).full;
  const sortedByTitle = (titles: string[]) =>
    titles.length > 3 && titles.every((title, i) => i === 0 || key(titles[i - 1]!) <= key(title));
  await expect.poll(async () => sortedByTitle(await rowTitles.allTextContents())).toBe(true);

  await searchBox(page).fill('morning');
  await filters.getByLabel('Type').selectOption('bgm');
  await expect(page.getByTestId('media-count')).toHaveText(/\d+ results?/);
  // Music (now the type filter's choice) shows as a list.
  const music = () => app.tiles.locator('.media-row__title').allTextContents();
  await expect.poll(music).toContain('晨雾 Morning mist');
  expect(await music()).not.toContain('早安咖啡 Morning coffee'); // a sticker
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.tiles.locator('.tile__title', { hasText: '早安咖啡' })).toHaveCount(1);
  await screenshot(page, '21-search-filters');
});

/** Seconds played and whether paused, read from the player's audio element. */
function audio(page: Page) {
  const element = page.locator('[data-testid="player"] audio');
  return {
    currentTime: () => element.evaluate((a) => (a as { currentTime: number }).currentTime),
    paused: () => element.evaluate((a) => (a as { paused: boolean }).paused),
  };
}

// The "done": find a track with three letters of pinyin, audition it from the keyboard,
// star it, and find it (and play it) again with the service down.
test.describe('with full motion, as most people have it', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('find a track by pinyin, audition it with the keys, star it, and find it again offline', async ({
    app,
    page,
    preview,
  }) => {
    await catalogueReady(page);
    await page.keyboard.press('/');
    await page.keyboard.type('ygs');
    await expect(app.tiles.locator('.media-row__title, .tile__title')).toHaveText([
      '阳光散步 Sunny walk',
    ]);

    // ↓ leaves the search box for the result; Space plays it, → seeks, Space pauses.
    await page.keyboard.press('ArrowDown');
    await expect(app.tiles.first()).toBeFocused();
    await page.keyboard.press('Space');
    const player = page.getByTestId('player');
    await expect(player.locator('.player__title')).toHaveText('阳光散步 Sunny walk');
    await expect.poll(audio(page).currentTime, { timeout: 15_000 }).toBeGreaterThan(0.2);
    const before = await audio(page).currentTime();
    await page.keyboard.press('ArrowRight');
    await expect.poll(audio(page).currentTime).toBeGreaterThan(before + 3);
    await page.keyboard.press('Space');
    await expect.poll(audio(page).paused).toBe(true);

    // Enter opens the details; its star is a button the keyboard reaches.
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary', { name: 'Media details' });
    const star = details.getByRole('button', { name: 'Add to favourites' });
    await star.focus();
    await page.keyboard.press('Enter');
    await expect(details.getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // The service goes down; the app reloads, still finds it, and still plays it (from the cache).
    (await preview.demoServer()).setFaults({ serverError: { count: 100_000, status: 503 } });
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Favourites' }).click();
    await expect(app.heading).toHaveText('Favourites');
    await expect(app.tiles.locator('.media-row__title, .tile__title')).toHaveText([
      '阳光散步 Sunny walk',
    ]);
    // With no words typed there is nothing to match best: Favourites lists the newest first.
    const sort = page.getByRole('group', { name: 'Filters' }).getByLabel('Sort');
    await expect(sort.locator('option:checked')).toHaveText('Newest');
    await expect(sort.locator('option', { hasText: 'Best match' })).toHaveCount(0);
    await screenshot(page, '22-favourites-offline');
    await app.tiles.first().focus();
    await page.keyboard.press('Space');
    await expect(player.locator('.player__title')).toHaveText('阳光散步 Sunny walk');
    await expect.poll(audio(page).currentTime, { timeout: 15_000 }).toBeGreaterThan(0.2);
    await page.keyboard.press('Space');

    await app.tiles.first().hover();
    await app.tiles.first().getByRole('button', { name: 'Remove from favourites' }).click();
    await expect(page.getByTestId('empty-state')).toContainText('No favourites yet');
  });
});
