import { formatDuration } from '../../renderer/src/media/media-facts';
import { expect, screenshot, test } from './fixtures';
import type { ClipboardGlobals, ImageLike, MediaElementLike } from './page-types';
import { cachedFileUrl, firstTagWithMedia, serverPage, serverTags } from './server-data';

test('the first screen shows the three business types, the source and stickers', async ({
  app,
  page,
  preview,
}) => {
  for (const name of ['Stickers', 'Background music', 'Background images']) {
    await expect(app.businessType(name)).toBeVisible();
  }
  await expect(app.businessType('Stickers')).toHaveAttribute('aria-current', 'true');
  await expect(
    page.getByRole('group', { name: 'Library source' }).getByRole('button', { pressed: true }),
  ).toHaveText('Demo library');
  await expect(app.heading).toHaveText('All');

  const expected = await serverPage(preview, 'sticker');
  await expect(app.tiles.first()).toBeVisible();
  await expect(app.tiles.first().locator('.thumb')).toHaveAttribute('data-state', 'loaded');
  const titles = await app.visibleTitles();
  expect(titles).toEqual(expected.items.slice(0, titles.length).map((i) => i.title));
  await screenshot(page, '01-first-screen-stickers');
});

test('every sticker tag is listed, and choosing one shows its media from the server', async ({
  app,
  page,
  preview,
}) => {
  const tags = await serverTags(preview, 'sticker');
  const tagList = page.locator('.tag-list').getByRole('button');
  await expect(tagList).toHaveText(['All', ...tags.map((t) => t.nameEn)]);

  const { tag, page: firstPage } = await firstTagWithMedia(preview, 'sticker');
  await app.tag(tag.nameEn).click();
  await expect(app.tag(tag.nameEn)).toHaveAttribute('aria-current', 'true');
  await expect(app.heading).toHaveText(tag.nameEn);
  await expect(app.tile(firstPage.items[0]!.mediaId)).toBeVisible();
  const titles = await app.visibleTitles();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles).toEqual(firstPage.items.slice(0, titles.length).map((i) => i.title));
  const total = firstPage.totalCount ?? firstPage.items.length;
  await expect(page.getByTestId('media-count')).toContainText(String(total));
});

test('the details panel shows the sticker with its file facts and media id', async ({
  app,
  page,
  preview,
}) => {
  const { tag, page: firstPage } = await firstTagWithMedia(preview, 'sticker');
  const item = firstPage.items[0]!;
  const file = item.files[0]!;
  await app.tag(tag.nameEn).click();
  await app.tile(item.mediaId).click();

  const details = app.details;
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(item.title);
  await expect(details.getByTestId('media-id')).toHaveText(item.mediaId);
  await expect(details.locator('.file-card__name')).toContainText(file.fileName);
  if (file.width !== null && file.height !== null) {
    await expect(details.locator('.fact-list')).toContainText(`${file.width} × ${file.height}`);
  }
  const preview_ = details.locator('.preview__image');
  await expect(preview_).toHaveClass(/thumb--checker/);
  await expect(preview_).toHaveAttribute('data-state', 'loaded');
  await expect(details.locator('.chip')).toContainText([tag.nameEn]);
  await screenshot(page, '02-sticker-details');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await details.getByRole('button', { name: 'Copy' }).click();
  await expect(details.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() =>
    (globalThis as unknown as ClipboardGlobals).navigator.clipboard.readText(),
  );
  expect(copied).toBe(item.mediaId);
});

test('animated stickers carry a badge and their details play the GIF file itself', async ({
  app,
  page,
  preview,
}) => {
  const gifPage = await serverPage(preview, 'sticker', 'sticker-gif');
  const gif = gifPage.items.find((i) =>
    i.files.some((f) => /gif/i.test(f.formatName ?? f.fileName)),
  );
  expect(gif, 'the demo library has an animated GIF sticker').toBeDefined();
  await app.tag('GIF').click();
  const tile = app.tile(gif!.mediaId);
  await expect(tile.getByText('Animated')).toBeVisible();
  await tile.click();
  const image = app.details.locator('.preview__image img');
  const gifFile = gif!.files.find((f) => /gif/i.test(f.formatName ?? f.fileName))!;
  // The file itself, from the media cache (never the signed URL).
  await expect
    .poll(() => image.getAttribute('src'))
    .toBe(cachedFileUrl(preview, gif!.mediaId, gifFile.fileName));
  await expect
    .poll(() =>
      image.evaluate((element) => {
        const img = element as unknown as ImageLike;
        return img.complete && img.naturalWidth > 0;
      }),
    )
    .toBe(true);
  await screenshot(page, '03-gif-details');
});

test('music shows durations, and its details play the track', async ({ app, page, preview }) => {
  const music = await serverPage(preview, 'bgm');
  const track = music.items[0]!;
  const file = track.files[0]!;
  await app.businessType('Background music').click();
  // Music is a list: the row shows the duration.
  const tile = app.tile(track.mediaId);
  await expect(tile).toContainText(formatDuration(file.duration)!);
  await tile.locator('.media-row__title').click(); // the waveform plays instead of opening

  const audio = app.details.locator('audio');
  await expect
    .poll(() => audio.getAttribute('src'))
    .toBe(cachedFileUrl(preview, track.mediaId, file.fileName));
  await expect(app.details.locator('.fact-list')).toContainText(formatDuration(file.duration)!);
  await audio.evaluate(async (element) => {
    const player = element as unknown as MediaElementLike;
    player.muted = true;
    await player.play();
  });
  await expect
    .poll(() => audio.evaluate((a) => (a as unknown as MediaElementLike).readyState))
    .toBeGreaterThanOrEqual(2);
  await expect
    .poll(() => audio.evaluate((a) => (a as unknown as MediaElementLike).currentTime))
    .toBeGreaterThan(0.2);
  await screenshot(page, '04-music-details');
  await audio.evaluate((element) => (element as unknown as MediaElementLike).pause());
});

test('background images show their size facts in wide tiles', async ({ app, page, preview }) => {
  const images = await serverPage(preview, 'bgi');
  const first = images.items[0]!;
  await app.businessType('Background images').click();
  const tile = app.tile(first.mediaId);
  await expect(tile).toBeVisible();
  const file = first.files[0]!;
  if (file.width !== null && file.height !== null) {
    await expect(tile.locator('.tile__facts')).toContainText(`${file.width} × ${file.height}`);
  }
  const box = await tile.locator('.tile__media').boundingBox();
  expect(box!.width).toBeGreaterThan(box!.height * 1.5);
  await expect(tile.locator('.thumb')).toHaveAttribute('data-state', 'loaded');
  await screenshot(page, '05-backgrounds');

  await tile.click();
  const preview_ = app.details.locator('.preview__image');
  await expect(preview_).toHaveAttribute('data-state', 'loaded');
  await expect(preview_).not.toHaveClass(/thumb--checker/);
  await screenshot(page, '05b-background-details');
});
