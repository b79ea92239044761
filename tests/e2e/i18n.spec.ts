import type { SettingsSnapshot } from '../../shared/account';
import { BUSINESS_TYPE_INFO } from '../../shared/tags';
import { expect, screenshot, test } from './fixtures';
import { firstTagWithMedia, serverTags } from './server-data';

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test.afterEach(async ({ preview }) => {
    // The switch saves the language in the app's settings; later tests start from the browser's.
    await preview.services.router.dispatch('settings:update', { language: 'system' });
  });

  test('follows the browser language, localizes tags, and switches to English', async ({
    app,
    page,
    preview,
  }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // The window title (Electron shows the page's) follows the language.
    await expect(page).toHaveTitle('ICE 素材库');
    for (const info of BUSINESS_TYPE_INFO)
      await expect(app.businessType(info.nameZh)).toBeVisible();
    await expect(
      page.getByRole('group', { name: '素材来源' }).getByRole('button', { pressed: true }),
    ).toHaveText('演示素材库');
    const tags = await serverTags(preview, 'sticker');
    await expect(page.locator('.tag-list').getByRole('button')).toHaveText([
      '全部',
      ...tags.map((t) => t.nameZh),
    ]);
    const { tag, page: media } = await firstTagWithMedia(preview, 'sticker');
    await app.tag(tag.nameZh).click();
    await app.tile(media.items[0]!.mediaId).click();
    await expect(app.details.getByRole('heading', { name: '描述' })).toBeVisible();
    await screenshot(page, '08-zh-CN-details');

    await app.businessType('背景音乐').click();
    await expect(app.tiles.first()).toBeVisible();
    await screenshot(page, '09-zh-CN-music');

    await page
      .getByRole('group', { name: '语言' })
      .getByRole('button', { name: 'English' })
      .click();
    await expect(app.businessType('Background music')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('ICE Media Library');
    // The choice is saved in the app's settings (the switch shows at once, the write follows)
    // and survives a reload.
    await expect
      .poll(async () => {
        const read = await preview.services.router.dispatch('settings:get', undefined);
        return read.ok ? (read.value as SettingsSnapshot).settings.language : read.error.code;
      })
      .toBe('en');
    await page.reload();
    await expect(app.businessType('Stickers')).toBeVisible();
  });
});
