// A whole session with an STS key, recorded at the bridge: add the key, test it, save it, browse,
// remove it. The secret and the token may cross the bridge only inward, inside the validate /
// test / save requests; never in a reply or an event, never in a log line, the page's console or
// a file under the app's data folder.

import { MESSAGES } from '../../renderer/src/i18n';
import { CREDENTIALS_ACCOUNT } from '../../electron/services/secrets/secret-store';
import { STS_ACCOUNT, expect, test } from './account-fixtures';
import { filesUnder } from './data-files';
import { AppPage } from './fixtures';
import { SettingsSheet, sourceSwitch } from './settings-page';

const en = MESSAGES.en;
const SENSITIVE = {
  secret: STS_ACCOUNT.accessKeySecret,
  token: STS_ACCOUNT.securityToken,
};
/** The only frames that may carry them: the form going in. */
const INWARD_FORM_CHANNELS = ['account:validate', 'account:test', 'account:save'];

/** The value as is and in the encodings it could take on the way to a file or a log. */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

test('a recorded session never sends the secret or the STS token outward', async ({
  page,
  startPreview,
  accountServer,
  keychain,
}) => {
  test.setTimeout(90_000);
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const { open, frames, logs, dataDir } = await startPreview();
  await open(page);
  const app = new AppPage(page);
  const sheet = new SettingsSheet(page);
  const sources = sourceSwitch(page);

  // Add the key, test it, save it.
  await sheet.open();
  await sheet.fill({ ...STS_ACCOUNT, endpoint: accountServer.url });
  await expect(sheet.token).toHaveCSS('-webkit-text-security', 'disc');
  await sheet.testButton.click();
  await expect(sheet.outcome).toContainText(en.account.outcome.connected);
  await sheet.saveButton.click();
  await expect(sheet.status).toContainText(en.account.status.sts);
  expect(await page.content(), 'the saved secret is gone from the page').not.toContain(
    SENSITIVE.secret,
  );
  expect(await page.content()).not.toContain(SENSITIVE.token);
  await sheet.close();

  // Browse the account: stickers, a tile's details, music; then reload the page (a new socket).
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(
    en.header.sources.account,
  );
  await app.tiles.first().click();
  await expect(app.details).toBeVisible();
  await app.businessType('Background music').click();
  await expect(app.tiles.first()).toBeVisible();
  await page.reload();
  await expect(app.tiles.first()).toBeVisible();
  await sources.getByRole('button', { name: en.header.sources.demo }).click();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  await sources.getByRole('button', { name: en.header.sources.account }).click();
  await expect(app.tiles.first().locator('.tile__title')).toContainText('#');

  // Remove the key.
  await sheet.open();
  await sheet.status.getByRole('button', { name: en.account.status.remove }).click();
  await sheet.dialog.getByRole('button', { name: en.account.status.removeConfirmButton }).click();
  await expect(sheet.accessKeyId).toBeVisible();
  await sheet.close();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  expect(await keychain.store.get(CREDENTIALS_ACCOUNT)).toBeNull();

  // The recording covers the whole session: requests, replies and events.
  const channels = new Set(frames.map((f) => `${f.direction} ${f.channel}`));
  for (const expected of [
    'in account:validate',
    'in account:test',
    'in account:save',
    'out account:save',
    'out account:changed',
    'out library:source-changed',
    'in library:list-media',
    'out library:list-media',
    'in account:clear',
  ]) {
    expect(channels, expected).toContain(expected);
  }

  for (const [name, value] of Object.entries(SENSITIVE)) {
    const carrying = frames.filter((f) => forms(value).some((form) => f.json.includes(form)));
    expect(
      carrying.filter((f) => f.direction === 'in' && f.channel === 'account:save').length,
      `the ${name} did go in with the save (so the recording would have seen it elsewhere)`,
    ).toBeGreaterThan(0);
    const elsewhere = carrying.filter(
      (f) => f.direction !== 'in' || !INWARD_FORM_CHANNELS.includes(f.channel),
    );
    expect(
      elsewhere.map((f) => `${f.direction} ${f.channel}`),
      `frames carrying the ${name} outside the inward form requests`,
    ).toEqual([]);

    const logLines = [...logs, ...consoleLines].filter((line) =>
      forms(value).some((form) => line.includes(form)),
    );
    expect(logLines, `log or console lines with the ${name}`).toEqual([]);

    const files = await filesUnder(dataDir);
    expect(files.length, 'the data folder holds the settings at least').toBeGreaterThan(0);
    const leaking = files.filter((file) =>
      forms(value).some((form) => file.bytes.includes(Buffer.from(form))),
    );
    expect(
      leaking.map((f) => f.path),
      `files with the ${name}`,
    ).toEqual([]);
  }
  test.info().annotations.push({
    type: 'keychain',
    description: keychain.real ? 'the OS keychain (Secret Service)' : 'in-memory store',
  });
});
