import { MESSAGES } from '../../renderer/src/i18n';
import { AppPage, expect, screenshot, testWithPreview } from './fixtures';

// Errors reach the user when there is no local catalogue to fall back on: before the first sync.
const test = testWithPreview({ catalogueSyncOnOpen: false });

test.afterEach(async ({ preview }) => {
  (await preview.demoServer()).setFaults({});
});

test('a failing library shows the error in words, and Retry recovers', async ({
  page,
  preview,
}) => {
  // Every API call fails with 503 (enough for the client's own retries) until the plan is cleared.
  (await preview.demoServer()).setFaults({ serverError: { count: 1_000, status: 503 } });
  await page.goto(preview.url);
  const app = new AppPage(page);

  await expect(app.errorState).toBeVisible();
  await expect(app.errorState.getByRole('heading')).toHaveText(MESSAGES.en.library.errorTitle);
  await expect(app.errorState).toContainText(MESSAGES.en.errors.SERVER_ERROR);
  await expect(app.errorState.locator('.error-meta')).toContainText('SERVER_ERROR');
  // The sidebar still works: tags fall back to the documented list.
  await expect(app.tag('Cute')).toBeVisible();
  await screenshot(page, '10-error-state');

  (await preview.demoServer()).setFaults({});
  await app.errorState.getByRole('button', { name: 'Retry' }).click();
  await expect(app.errorState).toBeHidden();
  await expect(app.tiles.first()).toBeVisible();
});

test('an error while switching tags stays on that tag and recovers there', async ({
  app,
  preview,
}) => {
  await expect(app.tiles.first()).toBeVisible();
  (await preview.demoServer()).setFaults({ wrongShape: { count: 1_000 } });
  await app.tag('Bubble').click();
  await expect(app.errorState).toBeVisible();
  await expect(app.errorState).toContainText(MESSAGES.en.errors.BAD_RESPONSE);

  // The list that loaded before the fault is still there; going back to the failed tag tries
  // again (and fails again while the fault lasts).
  await app.tag('All').click();
  await expect(app.tiles.first()).toBeVisible();
  await app.tag('Bubble').click();
  await expect(app.errorState).toBeVisible();

  (await preview.demoServer()).setFaults({});
  await app.errorState.getByRole('button', { name: 'Retry' }).click();
  await expect(app.tiles.first()).toBeVisible();
  await expect(app.heading).toHaveText('Bubble');
});
