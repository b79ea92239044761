// The settings view against a signature-verifying library server (the account's endpoint):
// what is caught before any call, what each failure says, and a full add-browse-remove cycle.

import { MESSAGES } from '../../renderer/src/i18n';
import { createIceClient } from '../../electron/services/ice/ice-client';
import { PAGE_SIZE } from '../../renderer/src/store/library-slice';
import type { ClipboardGlobals, PageGlobals } from './page-types';
import { ACCOUNT, ACCOUNT_LIBRARY_SIZE, expect, test } from './account-fixtures';
import { AppPage, catalogueReady, screenshot } from './fixtures';
import { SettingsSheet, sourceSwitch } from './settings-page';

const en = MESSAGES.en;

test('Settings opens from the gear and Ctrl+comma, keeps focus inside, and Escape closes it', async ({
  page,
  startPreview,
}) => {
  const { open } = await startPreview();
  await open(page);
  const sheet = new SettingsSheet(page);

  await sheet.open();
  await expect(sheet.accessKeyId).toBeFocused();
  await expect(sheet.dialog.getByRole('heading', { name: 'Alibaba Cloud account' })).toBeVisible();
  await expect(sheet.secret).toHaveAttribute('type', 'password');
  await expect(sheet.endpoint).toHaveAttribute(
    'placeholder',
    'https://ice.cn-shanghai.aliyuncs.com',
  );
  await sheet.region.selectOption('ap-southeast-1');
  await expect(sheet.endpoint).toHaveAttribute(
    'placeholder',
    'https://ice.ap-southeast-1.aliyuncs.com',
  );
  await expect(sheet.region.locator('option')).toHaveText([
    'China (Beijing) · cn-beijing',
    'China (Hangzhou) · cn-hangzhou',
    'China (Shanghai) · cn-shanghai',
    'China (Shenzhen) · cn-shenzhen',
    'Singapore · ap-southeast-1',
    'US (Silicon Valley) · us-west-1',
  ]);
  await sheet.region.selectOption('cn-shanghai');
  await expect(sheet.dialog.getByRole('radio', { name: /V3 · ACS3-HMAC-SHA256/ })).toBeChecked();
  await screenshot(page, '20-settings-empty');

  // Tab and Shift+Tab cycle inside the sheet; the app behind it is never reached.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.activeElement?.closest('dialog') !== null;
    });
    expect(inside, `focus after ${i + 1} Tab presses`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('dialog :focus')).toHaveCount(1);

  // The secret can be shown and hidden again.
  await sheet.secret.fill('visible-for-a-moment');
  await sheet.dialog.getByRole('button', { name: 'Show the secret' }).click();
  await expect(sheet.secret).toHaveAttribute('type', 'text');
  await sheet.dialog.getByRole('button', { name: 'Hide the secret' }).click();
  await expect(sheet.secret).toHaveAttribute('type', 'password');

  await sheet.close();
  await expect(sheet.gear).toBeFocused();

  await page.keyboard.press('Control+Comma');
  await expect(sheet.dialog).toBeVisible();
  await sheet.dialog.getByRole('button', { name: 'Close settings' }).click();
  await expect(sheet.dialog).toBeHidden();
});

test('bad input is caught before any call reaches the service', async ({
  page,
  startPreview,
  accountServer,
}) => {
  const { open, frames } = await startPreview();
  await open(page);
  const sheet = new SettingsSheet(page);
  await sheet.open();

  // Empty fields.
  await sheet.saveButton.click();
  await expect(sheet.accessKeyId).toHaveAccessibleDescription(en.account.fieldErrors.idEmpty);
  await expect(sheet.secret).toHaveAccessibleDescription(en.account.fieldErrors.secretEmpty);
  await expect(sheet.accessKeyId).toBeFocused();
  await expect(sheet.accessKeyId).toHaveAttribute('aria-invalid', 'true');

  // Whitespace pasted around the id is removed at once (and said so)...
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(
    (text) => (globalThis as unknown as ClipboardGlobals).navigator.clipboard.writeText(text),
    `  ${ACCOUNT.accessKeyId}\r\n`,
  );
  await sheet.accessKeyId.fill('');
  await sheet.accessKeyId.press('ControlOrMeta+V');
  await expect(sheet.accessKeyId).toHaveValue(ACCOUNT.accessKeyId);
  await expect(sheet.accessKeyId).toHaveAccessibleDescription(en.account.trimmed);
  // ...and typed spaces on Test; a line break inside the secret and an endpoint that is not
  // an http(s) URL are refused.
  await sheet.accessKeyId.fill(`  ${ACCOUNT.accessKeyId}\n`);
  await sheet.secret.fill(
    `${ACCOUNT.accessKeySecret.slice(0, 8)}\n${ACCOUNT.accessKeySecret.slice(8)}`,
  );
  await sheet.endpoint.fill('ftp://127.0.0.1:21');
  await sheet.testButton.click();
  await expect(sheet.accessKeyId).toHaveValue(ACCOUNT.accessKeyId);
  await expect(sheet.accessKeyId).toHaveAccessibleDescription(en.account.trimmed);
  await expect(sheet.secret).toHaveAccessibleDescription(en.account.fieldErrors.secretInvisible);
  await expect(sheet.endpoint).toHaveAccessibleDescription(
    new RegExp(`^${escape(en.account.fieldErrors.endpointScheme)}`),
  );
  await expect(sheet.outcome).toHaveText(en.account.outcome.fixFields);
  await sheet.endpoint.fill('not a url');
  await sheet.testButton.click();
  await expect(sheet.endpoint).toHaveAccessibleDescription(
    new RegExp(`^${escape(en.account.fieldErrors.endpointNotUrl)}`),
  );
  await screenshot(page, '21-settings-field-errors');

  // An STS id without its token.
  await sheet.accessKeyId.fill('STS.NUgYabcdef123456');
  await sheet.secret.fill(ACCOUNT.accessKeySecret);
  await sheet.endpoint.fill(accountServer.url);
  await sheet.testButton.click();
  await expect(sheet.dialog.getByText(en.account.fieldErrors.tokenNeeded)).toBeVisible();

  // The secret and the token stay masked until asked; each Show names what it reveals, and a
  // token removed and added again starts masked.
  const button = (name: string) => sheet.dialog.getByRole('button', { name, exact: true });
  await expect(sheet.secret).toHaveAttribute('type', 'password');
  await button(en.account.showSecret).click();
  await expect(sheet.secret).toHaveAttribute('type', 'text');
  await expect(button(en.account.hideSecret)).toHaveAttribute('aria-pressed', 'true');
  await button(en.account.hideSecret).click();
  await expect(sheet.secret).toHaveAttribute('type', 'password');
  await button(en.account.addToken).click();
  await expect(sheet.token).toBeFocused();
  await expect(sheet.token).toHaveCSS('-webkit-text-security', 'disc');
  await button(en.account.showToken).click();
  await expect(sheet.token).toHaveCSS('-webkit-text-security', 'none');
  await button(en.account.removeToken).click();
  await expect(sheet.token).toHaveCount(0);
  await button(en.account.addToken).click();
  await expect(sheet.token).toHaveCSS('-webkit-text-security', 'disc');
  await button(en.account.removeToken).click();

  expect(accountServer.requestLog(), 'requests that reached the service').toEqual([]);
  const sent = frames.filter((f) => f.direction === 'in').map((f) => f.channel);
  expect(sent).not.toContain('account:test');
  expect(sent).not.toContain('account:save');

  // Fixed, the same form goes through: nothing typed was lost on the way.
  await sheet.accessKeyId.fill(`\u200B${ACCOUNT.accessKeyId} `);
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  expect(accountServer.requestLog().length).toBeGreaterThan(0);
});

test('a wrong secret or unknown id is named in words, with the RequestId to copy', async ({
  page,
  startPreview,
  accountServer,
}) => {
  const { open } = await startPreview();
  await open(page);
  const sheet = new SettingsSheet(page);
  await sheet.open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  await sheet.fill({
    ...ACCOUNT,
    accessKeySecret: 'not-the-right-secret-123',
    endpoint: accountServer.url,
  });
  await sheet.saveButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.saveFailed);
  await expect(sheet.outcome).toContainText('The secret does not match this AccessKey ID');
  await expect(sheet.outcome).toContainText('AUTH_SIGNATURE_MISMATCH');
  const requestId = await sheet.outcome.getByTestId('request-id').textContent();
  const served = accountServer.requestLog().filter((r) => r.status !== 200);
  expect(served.length).toBeGreaterThan(0);
  expect(requestId).toMatch(/^[0-9A-F-]{36}$/);
  await sheet.outcome.getByRole('button', { name: 'Copy' }).click();
  await expect(sheet.outcome.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() =>
    (globalThis as unknown as ClipboardGlobals).navigator.clipboard.readText(),
  );
  expect(copied).toBe(requestId);
  // Nothing typed is lost, nothing was saved.
  await expect(sheet.accessKeyId).toHaveValue(ACCOUNT.accessKeyId);
  await expect(sheet.secret).toHaveValue('not-the-right-secret-123');
  await expect(sheet.status).toHaveCount(0);
  await screenshot(page, '22-settings-wrong-secret');

  await sheet.accessKeyId.fill('LTAI5tUnknownKey00000000');
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.failed);
  await expect(sheet.outcome).toContainText('This AccessKey ID does not exist');
});

test('add a key, browse the account, switch to the demo and back in one click, remove the key', async ({
  page,
  startPreview,
  accountServer,
  keychain,
}) => {
  const { open, preview } = await startPreview();
  await open(page);
  const app = new AppPage(page);
  const sheet = new SettingsSheet(page);
  const sources = sourceSwitch(page);
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  // The demo's first tile as it will be shown again below: from its synced catalogue (until the
  // first sync lands the grid pages through the service, in another order).
  await catalogueReady(page);
  const demoFirst = (await app.visibleTitles())[0];

  await sheet.open();
  await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
  // A slow service: the button says what is happening, and nothing can be clicked twice. The
  // server holds its answer until the test has looked (a fixed delay could be over before the
  // first look on a loaded machine).
  accountServer.setFaults({ hold: true });
  await sheet.testButton.click();
  await expect(sheet.testButton).toHaveText(en.account.testing);
  await expect(sheet.testButton).toHaveAttribute('aria-busy', 'true');
  await expect(sheet.saveButton).toHaveAttribute('aria-disabled', 'true');
  accountServer.setFaults({});
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  await expect(sheet.outcome).toContainText(`The library has ${ACCOUNT_LIBRARY_SIZE} items.`);
  await sheet.saveButton.click();
  await expect(sheet.status).toBeVisible();
  await expect(sheet.status).toContainText(en.account.outcome.saved);
  await expect(sheet.status).toContainText(`The library has ${ACCOUNT_LIBRARY_SIZE} items.`);
  const masked = `${ACCOUNT.accessKeyId.slice(0, 4)}****${ACCOUNT.accessKeyId.slice(-4)}`;
  await expect(sheet.status.getByTestId('masked-access-key-id')).toHaveText(masked);
  await expect(sheet.status).toContainText(accountServer.url);
  await expect(sheet.status.getByTestId('account-storage')).toHaveText(
    en.account.status.storageKeychain,
  );
  expect(await keychain.store.get('alibaba-cloud-access-key')).toContain(ACCOUNT.accessKeyId);
  // The secret left the page with the form.
  await expect(sheet.secret).toHaveCount(0);
  await screenshot(page, '23-settings-saved');
  await sheet.close();

  // The library now reads the account's server.
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(
    en.header.sources.account,
  );
  const signed = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: accountServer.port },
    credentials: ACCOUNT,
  });
  const accountPage = await signed.listPublicMediaBasicInfos({
    businessType: 'sticker',
    pageNo: 1,
    pageSize: PAGE_SIZE,
  });
  signed.close();
  await expect(app.tiles.first().locator('.tile__title')).toHaveText(accountPage.items[0]!.title);
  await expect(page.getByTestId('media-count')).toHaveText(
    en.library.itemCount(accountPage.totalCount ?? 0),
  );
  await screenshot(page, '27-account-library');

  // One click back to the demo library, and the grid reloads from it.
  await sources.getByRole('button', { name: en.header.sources.demo }).click();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  await expect(app.tiles.first().locator('.tile__title')).toHaveText(demoFirst!);
  await sources.getByRole('button', { name: en.header.sources.account }).click();
  await expect(app.tiles.first().locator('.tile__title')).toHaveText(accountPage.items[0]!.title);

  // Replacing starts from an empty form next to the card; Cancel keeps the key as it was.
  await sheet.open();
  await sheet.status.getByRole('button', { name: en.account.status.replace }).click();
  await expect(sheet.accessKeyId).toBeFocused();
  await expect(sheet.accessKeyId).toHaveValue('');
  await expect(sheet.endpoint).toHaveValue(accountServer.url);
  await sheet.dialog.getByRole('button', { name: en.account.cancel, exact: true }).click();
  await expect(sheet.accessKeyId).toHaveCount(0);

  // Remove the key (with confirmation): back to the demo library.
  await sheet.status.getByRole('button', { name: en.account.status.remove }).click();
  await expect(sheet.dialog.getByText(en.account.status.removeConfirm)).toBeVisible();
  await screenshot(page, '23b-settings-remove-confirm');
  await expect(sheet.dialog.getByRole('button', { name: en.account.cancel })).toBeFocused();
  // Escape leaves the confirmation, not the sheet.
  await page.keyboard.press('Escape');
  await expect(sheet.dialog).toBeVisible();
  await expect(sheet.dialog.getByText(en.account.status.removeConfirm)).toBeHidden();
  await sheet.status.getByRole('button', { name: en.account.status.remove }).click();
  await sheet.dialog.getByRole('button', { name: en.account.status.removeConfirmButton }).click();
  await expect(sheet.status).toHaveCount(0);
  await expect(sheet.accessKeyId).toBeFocused();
  await expect(sheet.accessKeyId).toHaveValue('');
  await sheet.close();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  await expect(app.tiles.first().locator('.tile__title')).toHaveText(demoFirst!);
  const status = await preview.services.router.dispatch('account:get-status', undefined);
  expect(status.ok && (status.value as { configured: boolean }).configured).toBe(false);
  expect(await keychain.store.get('alibaba-cloud-access-key')).toBeNull();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
