// Paging needs more media than the demo library's ~27 stickers: these tests run on a preview
// whose demo server serves a generated catalogue of 1,000 items (the preview's --demo-items).

import type { MediaPage } from '../../shared/domain';
import { MESSAGES } from '../../renderer/src/i18n';
import { PAGE_SIZE } from '../../renderer/src/store/library-slice';
import { expect, screenshot, testWithPreview } from './fixtures';
import { serverPage } from './server-data';

const test = testWithPreview({ demoItems: 1_000 });

async function countsOf(page: MediaPage) {
  const total = page.totalCount ?? 0;
  expect(total, 'the generated catalogue has several pages of stickers').toBeGreaterThan(
    PAGE_SIZE * 3,
  );
  return { total, lastPageNo: Math.ceil(total / PAGE_SIZE) };
}

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
