// Theme and language in Settings: saved in the app's settings, applied at start, and the
// settings view itself in light and in Chinese.

import { MESSAGES } from '../../renderer/src/i18n';
import { ACCOUNT, expect, test } from './account-fixtures';
import { savedSettings } from './data-files';
import { AppPage, screenshot } from './fixtures';
import { SettingsSheet } from './settings-page';

const en = MESSAGES.en;
const zh = MESSAGES['zh-CN'];

test('the theme follows the system, and a chosen one is saved and applied at start', async ({
  page,
  startPreview,
  accountServer,
}) => {
  const { open, dataDir } = await startPreview();
  await open(page);
  const html = page.locator('html');
  // "System" by default: the browser says dark here, and the page follows a change live.
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');

  const sheet = new SettingsSheet(page);
  await sheet.open();
  const themes = sheet.dialog.getByRole('group', { name: en.settings.theme });
  await themes.getByRole('radio', { name: en.settings.themes.light }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(245, 246, 248)');
  await expect.poll(async () => (await savedSettings(dataDir))?.['theme']).toBe('light');

  await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  await screenshot(page, '30-settings-light');
  await sheet.close();
  await screenshot(page, '31-library-light');

  // Applied at start, even though the system says dark.
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await new AppPage(page).tiles.first().waitFor();
  await sheet.open();
  await expect(themes.getByRole('radio', { name: en.settings.themes.light })).toBeChecked();
  await themes.getByRole('radio', { name: en.settings.themes.system }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the settings view speaks Chinese, field errors and service errors included', async ({
    page,
    startPreview,
    accountServer,
  }) => {
    const { open } = await startPreview();
    await open(page);
    await page.getByRole('button', { name: zh.header.settings, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: zh.settings.title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: zh.settings.accountHeading })).toBeVisible();
    const region = dialog.getByLabel(zh.account.region, { exact: true });
    await expect(region.locator('option').first()).toHaveText('华北2（北京） · cn-beijing');

    await dialog.getByRole('button', { name: zh.account.save }).click();
    const id = dialog.getByLabel(zh.account.accessKeyId, { exact: true });
    await expect(id).toHaveAccessibleDescription(zh.account.fieldErrors.idEmpty);

    await id.fill(ACCOUNT.accessKeyId);
    await dialog.getByLabel(zh.account.accessKeySecret, { exact: true }).fill('wrong-secret-000');
    await dialog.getByLabel(new RegExp(`^${zh.account.endpoint}`)).fill(accountServer.url);
    await dialog.getByRole('button', { name: zh.account.test }).click();
    const outcome = dialog.getByTestId('connection-outcome');
    await expect(outcome).toContainText(zh.account.outcome.failed);
    await expect(outcome).toContainText(zh.account.errors.AUTH_SIGNATURE_MISMATCH!);
    await screenshot(page, '32-settings-zh-CN');
  });
});
