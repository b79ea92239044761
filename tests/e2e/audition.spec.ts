// Auditioning music: the list with waveforms, the global player bar and its keys.

import type { Page } from '@playwright/test';
import { catalogueReady, expect, screenshot, test } from './fixtures';

const player = (page: Page) => page.getByTestId('player');

/** Seconds played, read from the audio element. */
async function currentTime(page: Page): Promise<number> {
  return page
    .locator('[data-testid="player"] audio')
    .evaluate((a) => (a as { currentTime: number }).currentTime);
}

async function paused(page: Page): Promise<boolean> {
  return page
    .locator('[data-testid="player"] audio')
    .evaluate((a) => (a as { paused: boolean }).paused);
}

test('music is a list with waveforms; Space plays, arrows move and seek, the bar follows', async ({
  app,
  page,
}) => {
  await catalogueReady(page);
  await app.businessType('Background music').click();
  const rows = app.grid.getByRole('gridcell');
  await expect(rows.first()).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'List' }),
  ).toHaveAttribute('aria-pressed', 'true');
  // Waveforms arrive from the main process.
  await expect(rows.first().getByTestId('waveform')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });

  const titles = await rows.locator('.media-row__title').allTextContents();
  await rows.first().focus();
  await page.keyboard.press('Space');
  await expect(player(page)).toBeVisible();
  await expect(player(page).locator('.player__title')).toHaveText(titles[0]!);
  await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(0.2);

  // ↓ moves to the next track and keeps playing.
  await page.keyboard.press('ArrowDown');
  await expect(player(page).locator('.player__title')).toHaveText(titles[1]!);
  await expect.poll(() => paused(page)).toBe(false);

  // → seeks forward 5 s (tracks are longer than that).
  const before = await currentTime(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => currentTime(page)).toBeGreaterThan(before + 3);

  // Space from the body pauses; again resumes.
  await page.locator('body').focus();
  await page.keyboard.press('Space');
  await expect.poll(() => paused(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => paused(page)).toBe(false);
  await screenshot(page, '23-music-list-playing');

  // Clicking the waveform of the third track plays it from about the middle.
  const third = rows.nth(2);
  const wave = third.getByTestId('waveform');
  const box = (await wave.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(player(page).locator('.player__title')).toHaveText(titles[2]!);
  // The new track's length is known once its metadata has loaded (from the media cache).
  const durationOf = () =>
    page
      .locator('[data-testid="player"] audio')
      .evaluate((a) => (a as { duration: number }).duration);
  await expect
    .poll(async () => Number.isFinite(await durationOf()), { timeout: 15_000 })
    .toBe(true);
  const fileDuration = await durationOf();
  await expect
    .poll(() => currentTime(page), { timeout: 15_000 })
    .toBeGreaterThan(fileDuration * 0.4);

  // Space in the search box types a space; it does not pause.
  await page.getByRole('searchbox').focus();
  await page.keyboard.type('a b');
  await expect(page.getByRole('searchbox')).toHaveValue('a b');
  expect(await paused(page)).toBe(false);
});

test('the layout toggle turns music into a grid and back', async ({ app, page }) => {
  await app.businessType('Background music').click();
  const toggle = page.getByRole('group', { name: 'Layout' });
  await toggle.getByRole('button', { name: 'Grid' }).click();
  await expect(app.grid.locator('.tile').first()).toBeVisible();
  await toggle.getByRole('button', { name: 'List' }).click();
  await expect(app.grid.locator('.media-row').first()).toBeVisible();
});

test('Space on an image opens quick look; arrows move on, Escape closes back to the tile', async ({
  app,
  page,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  const first = app.tiles.first();
  const firstTitle = (await first.locator('.tile__title').textContent())!;
  const secondTitle = (await app.tiles.nth(1).locator('.tile__title').textContent())!;
  await first.focus();
  await page.keyboard.press('Space');
  const look = page.getByRole('dialog');
  await expect(look).toBeVisible();
  await expect(look.getByRole('heading')).toHaveText(firstTitle);
  await expect(look.locator('.quick-look__img')).toHaveJSProperty('complete', true);
  await expect(look.locator('.quick-look__stage')).toHaveCSS('background-image', /gradient/);
  await screenshot(page, '24-quick-look');
  await page.keyboard.press('ArrowRight');
  await expect(look.getByRole('heading')).toHaveText(secondTitle);
  await page.keyboard.press('Escape');
  await expect(look).toBeHidden();
  await expect(app.tiles.nth(1)).toBeFocused();
});

test('an animated sticker plays its GIF while hovered', async ({ app, page }) => {
  await app.tag('GIF').click();
  const tile = app.tiles.first();
  await expect(tile.locator('.badge')).toHaveText('Animated');
  await expect(tile.locator('.gif-on-hover__img')).toHaveCount(0);
  await tile.hover();
  await expect(tile.locator('.gif-on-hover__img')).toHaveAttribute('src', /\.gif/);
  await page.mouse.move(1, 1);
  await expect(tile.locator('.gif-on-hover__img')).toHaveCount(0);
});

test('a GIF the wheel slides under a still pointer waits for the pointer to move', async ({
  app,
  page,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  const columns = Number(await app.grid.getAttribute('aria-colcount'));
  // The rows join the grid over a few frames after the first: wait for an animated sticker
  // below the first row (the demo stickers have one).
  const animatedBelowRowOne = () =>
    app.tiles
      .evaluateAll((tiles) =>
        tiles.flatMap((tile) =>
          tile.querySelector('.tile__badge') ? [Number(tile.getAttribute('data-index'))] : [],
        ),
      )
      .then((animated) => animated.find((i) => i >= columns));
  await expect.poll(animatedBelowRowOne).toBeDefined();
  const index = (await animatedBelowRowOne())!;
  const target = page.locator(`[role="gridcell"][data-index="${index}"]`);
  const above = (await page.locator(`[data-index="${index - columns}"]`).boundingBox())!;
  const pointer = { x: above.x + above.width / 2, y: above.y + above.height / 2 };
  await page.mouse.move(pointer.x, pointer.y);
  const before = (await target.boundingBox())!;
  await page.mouse.wheel(0, before.y - above.y);
  // The tile has slid under the pointer and the page has hovered it (two frames on).
  await expect
    .poll(async () => {
      const box = (await target.boundingBox())!;
      return box.y <= pointer.y && pointer.y <= box.y + box.height;
    })
    .toBe(true);
  await expect.poll(() => target.evaluate((tile) => tile.matches(':hover'))).toBe(true);
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
  );
  await expect(target.locator('.gif-on-hover__img')).toHaveCount(0);
  // The pointer moves: now it is aiming at the sticker, which plays.
  await page.mouse.move(pointer.x + 3, pointer.y + 2);
  await expect(target.locator('.gif-on-hover__img')).toHaveAttribute('src', /\.gif/);
});

test('thumbnail size, a collapsible sidebar and a resizable details panel', async ({
  app,
  page,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  const columns = () => app.grid.getAttribute('aria-colcount').then(Number);
  const before = await columns();
  await page.getByRole('slider', { name: 'Thumbnail size' }).fill('2');
  await expect.poll(columns).toBeLessThan(before);

  await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.getByRole('button', { name: 'Expand the sidebar' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();

  await app.tiles.first().click();
  await expect(app.details).toBeVisible();
  const width = async () => (await app.details.boundingBox())!.width;
  const start = await width();
  const handle = page.getByRole('separator', { name: 'Resize the details panel' });
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(width).toBeGreaterThan(start + 40);
});
