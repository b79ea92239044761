// Favourites sync with an Alibaba Cloud account, in the browser preview against a signature-
// verifying library server standing in for the account's endpoint: not offered for the demo
// library; turned on with the keyboard; a star and an unstar reach the account's favourites on
// the server; a favourite added on the service shows up after a catalogue sync; and with the
// service failing, the change waits (said in words, with Retry) and is sent afterwards.

import { createIceClient } from '../../electron/services/ice/ice-client';
import { MESSAGES } from '../../renderer/src/i18n';
import { ACCOUNT, expect, test } from './account-fixtures';
import { AppPage, catalogueReady, screenshot } from './fixtures';
import { SettingsSheet, sourceSwitch } from './settings-page';

const en = MESSAGES.en;

test.describe('with the account', () => {
  // During the outage the service refuses everything, covers not cached yet included: the
  // browser logs those as failed loads (HTTP 502 from the preview), which is the outage, not a bug.
  test.use({ allowedConsoleErrors: [/Failed to load resource: .*502/] });

  test('favourites sync with the account: opt in, star, unstar, a favourite from the service, an outage', async ({
    page,
    startPreview,
    accountServer,
  }) => {
    test.setTimeout(180_000);
    const { open } = await startPreview();
    await open(page);
    const app = new AppPage(page);
    const sheet = new SettingsSheet(page);
    const toggle = sheet.dialog.getByRole('checkbox', { name: en.favouriteSync.toggle });
    const syncStatus = sheet.dialog.getByTestId('favourite-sync-status');

    // The demo library has no account: the option is there, switched off, with the reason.
    await sheet.open();
    await expect(toggle).toBeDisabled();
    await expect(toggle).not.toBeChecked();
    await expect(toggle).toHaveAccessibleDescription(en.favouriteSync.unavailable);

    // With the account, it is offered, off by default.
    await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
    await sheet.saveButton.click();
    await expect(sheet.status).toContainText(en.account.outcome.saved);
    await expect(sourceSwitch(page).getByRole('button', { pressed: true })).toHaveText(
      en.header.sources.account,
    );
    await expect(toggle).toBeEnabled();
    await expect(toggle).not.toBeChecked();
    await expect(toggle).toHaveAccessibleDescription(en.favouriteSync.intro);
    expect(accountServer.requestLog().some((e) => e.action === 'SearchPublicMediaInfo')).toBe(
      false,
    );

    // Turned on from the keyboard.
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect(syncStatus).toContainText('Favourites last synced');
    await toggle.scrollIntoViewIfNeeded();
    await screenshot(page, '40-settings-favourite-sync');
    await sheet.close();

    // A star reaches the account's favourites on the server; an unstar removes it.
    await catalogueReady(page);
    // The tile is held by its media id: the grid may still swap to the synced catalogue's list.
    const starred = await app.tiles.first().getAttribute('data-media-id');
    expect(starred).toBeTruthy();
    const tile = app.tile(starred!);
    await tile.hover();
    await tile.getByRole('button', { name: 'Add to favourites' }).click();
    await expect.poll(() => accountServer.favouritesOf(ACCOUNT.accessKeyId)).toEqual([starred]);
    await tile.hover();
    await tile.getByRole('button', { name: 'Remove from favourites' }).click();
    await expect.poll(() => accountServer.favouritesOf(ACCOUNT.accessKeyId)).toEqual([]);

    // A favourite added on the service (the console, another computer) shows up after a sync.
    const signed = createIceClient({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: accountServer.port },
      credentials: ACCOUNT,
    });
    const [other] = (await signed.listPublicMediaBasicInfos({ businessType: 'bgi', pageSize: 1 }))
      .items;
    await signed.addFavoritePublicMedia([other!.mediaId]);
    signed.close();
    await page.getByRole('button', { name: en.catalogue.refresh }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Favourites' }).click();
    await expect(app.heading).toHaveText('Favourites');
    await expect(app.tiles.locator('.tile__title')).toHaveText([other!.title], { timeout: 30_000 });

    // The service fails: the unstar waits, the status says so with Retry, and goes out after.
    accountServer.setFaults({ serverError: { count: 100_000, status: 503 } });
    await app.tiles.first().hover();
    await app.tiles.first().getByRole('button', { name: 'Remove from favourites' }).click();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await sheet.open();
    // The cause, what is kept, and when the app tries again: said once, with no "try again"
    // advice of its own next to the app's own retry.
    await expect(syncStatus).toContainText(
      en.favouriteSync.failed(en.favouriteSync.passing.SERVER_ERROR),
      { timeout: 60_000 },
    );
    await expect(syncStatus).toContainText(en.favouriteSync.kept(1));
    await expect(syncStatus).toContainText(/Trying again/);
    await expect(syncStatus).not.toContainText(/try again/);
    expect(accountServer.favouritesOf(ACCOUNT.accessKeyId)).toEqual([other!.mediaId]);
    await screenshot(page, '41-settings-favourite-sync-failed');
    accountServer.setFaults({});
    await syncStatus.getByRole('button', { name: en.favouriteSync.retry }).click();
    await expect(syncStatus).toContainText('Favourites last synced', { timeout: 30_000 });
    await expect.poll(() => accountServer.favouritesOf(ACCOUNT.accessKeyId)).toEqual([]);
  });
});

test('in Chinese, the demo library says why favourites sync is not offered', async ({
  page,
  startPreview,
}) => {
  const zh = MESSAGES['zh-CN'];
  const { open } = await startPreview({ settings: { language: 'zh-CN' } });
  await open(page);
  await page.getByRole('button', { name: zh.header.settings, exact: true }).click();
  const dialog = page.getByRole('dialog');
  const toggle = dialog.getByRole('checkbox', { name: zh.favouriteSync.toggle });
  await expect(toggle).toBeDisabled();
  await expect(toggle).toHaveAccessibleDescription(zh.favouriteSync.unavailable);
  await toggle.scrollIntoViewIfNeeded();
  await screenshot(page, '42-settings-favourite-sync-zh');
});
