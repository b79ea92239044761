// The library sources without a key: the demo library and the public library called
// anonymously; "Your account" leads to Settings.

import { startDemoServer } from '../../electron/demo-library/index';
import { demoMediaDirFromEnv } from '../support/demo-media';
import { createSignatureVerifier } from '../../electron/demo-library/verify-signature';
import { MESSAGES } from '../../renderer/src/i18n';
import { expect, test } from './account-fixtures';
import { AppPage, screenshot } from './fixtures';
import { SettingsSheet, sourceSwitch } from './settings-page';

const en = MESSAGES.en;

test('without a key, "Your account" opens Settings', async ({ page, startPreview }) => {
  const { open } = await startPreview();
  await open(page);
  const sources = sourceSwitch(page);
  await expect(sources.getByRole('button')).toHaveText([
    en.header.sources.demo,
    en.header.sources.account,
    en.header.sources.anonymous,
  ]);
  await sources.getByRole('button', { name: en.header.sources.account }).click();
  await expect(new SettingsSheet(page).dialog).toBeVisible();
  await expect(new SettingsSheet(page).accessKeyId).toBeFocused();
});

test('the public library, when it refuses anonymous calls, says an AccessKey is needed', async ({
  page,
  startPreview,
  accountServer,
}) => {
  // The configured endpoint is the verifying server, which accepts signed calls only.
  const { open } = await startPreview({ settings: { endpoint: accountServer.url } });
  await open(page);
  const app = new AppPage(page);
  const sources = sourceSwitch(page);
  await sources.getByRole('button', { name: en.header.sources.anonymous }).click();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(
    en.header.sources.anonymous,
  );
  await expect(app.errorState).toContainText(en.library.publicNeedsKey);
  await expect(app.errorState).toContainText('AUTH_REQUIRED');
  const calls = accountServer.requestLog();
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((c) => !('AccessKeyId' in c.query) && !('Signature' in c.query))).toBe(true);
  await screenshot(page, '29-public-library-needs-key');

  await app.errorState.getByRole('button', { name: en.library.openSettings }).click();
  const sheet = new SettingsSheet(page);
  await expect(sheet.dialog).toBeVisible();
  await sheet.close();
  await app.errorState.getByRole('button', { name: en.library.useDemo }).click();
  await expect(sources.getByRole('button', { pressed: true })).toHaveText(en.header.sources.demo);
  await expect(app.tiles.first()).toBeVisible();
});

test('the public library, when it answers anonymous calls, shows its media', async ({
  page,
  startPreview,
}) => {
  const open = await startDemoServer({
    catalogue: { generated: 12 },
    mediaDir: demoMediaDirFromEnv(),
    verifier: createSignatureVerifier({
      credentials: [],
      anonymousActions: [
        'ListPublicMediaBasicInfos',
        'ListAllPublicMediaTags',
        'GetPublicMediaInfo',
      ],
    }),
  });
  try {
    const preview = await startPreview({ settings: { endpoint: open.url } });
    await preview.open(page);
    const app = new AppPage(page);
    await sourceSwitch(page).getByRole('button', { name: en.header.sources.anonymous }).click();
    await expect(app.tiles.first().locator('.tile__title')).toContainText('#');
    expect(open.requestLog().some((r) => r.action === 'ListPublicMediaBasicInfos')).toBe(true);
  } finally {
    // Leave the page before its server goes: covers still loading would fail on the console.
    await page.goto('about:blank');
    await open.close();
  }
});
