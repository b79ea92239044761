// Auditioning music: the list with waveforms, the global player bar and its keys.

import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

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
  await expect(page.getByTestId('catalogue-note')).toContainText('Catalogue updated', {
    timeout: 60_000,
  });
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
  const fileDuration = await page
    .locator('[data-testid="player"] audio')
    .evaluate((a) => (a as { duration: number }).duration);
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
