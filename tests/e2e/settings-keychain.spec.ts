// When the keychain cannot take the key: plain words, an explicit "this session only", and the
// key written nowhere else. And when the settings file is unreadable: a message, not a crash.

import { readdir } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { MESSAGES } from '../../renderer/src/i18n';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../electron/services/secrets/keytar-store';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { ACCOUNT, ACCOUNT_LIBRARY_SIZE, expect, test } from './account-fixtures';
import { filesUnder } from './data-files';
import { AppPage, screenshot } from './fixtures';
import { SettingsSheet, sourceSwitch } from './settings-page';

const en = MESSAGES.en;

/** A machine without a Secret Service: nothing stored, and storing fails as keytar reports it. */
class NoKeychainStore implements SecretStore {
  readonly kind = 'keychain' as const;
  writes = 0;
  async get(): Promise<string | null> {
    return null;
  }
  async set(): Promise<void> {
    this.writes += 1;
    throw new AppError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_MESSAGE);
  }
  async delete(): Promise<boolean> {
    return false;
  }
}

test('no keychain: the app says so, keeps the key for this session only on request, writes no file', async ({
  page,
  startPreview,
  accountServer,
}) => {
  const store = new NoKeychainStore();
  const { open, dataDir } = await startPreview({ keychain: store });
  await open(page);
  const app = new AppPage(page);
  const sheet = new SettingsSheet(page);
  await sheet.open();
  await sheet.fill({ ...ACCOUNT, endpoint: accountServer.url });
  await sheet.saveButton.click();

  await expect(sheet.keychainProblem).toBeVisible();
  await expect(sheet.keychainProblem).toContainText(en.account.keychain.unavailableTitle);
  await expect(sheet.keychainProblem).toContainText(en.account.keychain.neverElsewhere);
  expect(store.writes).toBe(1);
  // Nothing was saved on its own: the form still holds what was typed, no account is configured.
  await expect(sheet.secret).toHaveValue(ACCOUNT.accessKeySecret);
  await expect(sheet.status).toHaveCount(0);
  await expect(sourceSwitch(page).getByRole('button', { pressed: true })).toHaveText(
    en.header.sources.demo,
  );
  await screenshot(page, '26-settings-no-keychain');

  await sheet.keychainProblem
    .getByRole('button', { name: en.account.keychain.keepForSession })
    .click();
  await expect(sheet.status).toContainText(en.account.outcome.savedSession);
  await expect(sheet.status.getByTestId('account-storage')).toHaveText(
    en.account.status.storageSession,
  );
  await expect(sheet.status).toContainText(`The library has ${ACCOUNT_LIBRARY_SIZE} items.`);
  expect(store.writes, 'the keychain is not tried again for a session-only key').toBe(1);
  await screenshot(page, '26b-settings-session-only');
  await sheet.close();
  await expect(sourceSwitch(page).getByRole('button', { pressed: true })).toHaveText(
    en.header.sources.account,
  );
  await expect(app.tiles.first().locator('.tile__title')).toContainText('#');

  const leaks = (await filesUnder(dataDir)).filter((f) =>
    f.bytes.includes(Buffer.from(ACCOUNT.accessKeySecret)),
  );
  expect(leaks.map((f) => f.path)).toEqual([]);
});

test('a corrupt settings file is set aside with a message, and the app still works', async ({
  page,
  startPreview,
}) => {
  const { open, dataDir } = await startPreview({ settings: '{"region": "cn-shanghai", oops' });
  await open(page);
  const app = new AppPage(page);
  const notice = page.getByTestId('settings-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(en.notice.settingsReset);
  const aside = (await readdir(dataDir)).find((name) => name.startsWith('settings.corrupt-'));
  expect(aside, 'the unreadable file was kept aside').toBeDefined();
  await expect(notice).toContainText(aside!);
  await expect(app.tiles.first()).toBeVisible();
  await screenshot(page, '28-settings-notice');

  await notice.getByRole('button', { name: en.notice.dismiss }).click();
  await expect(notice).toHaveCount(0);
});
