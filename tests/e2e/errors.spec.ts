// Service failures. Before the first catalogue sync the grid shows the service's answer, errors
// included; once the catalogue is synced, browsing reads it and a failing service only fails
// the catalogue's update, which the note says.

import { MESSAGES } from '../../renderer/src/i18n';
import { AppPage, expect, screenshot, test, testWithPreview } from './fixtures';

// The page sees a local catalogue that is still empty, so it shows the service's answers: this
// preview never syncs by itself, and no test here asks it to.
const unsynced = testWithPreview({ catalogueSyncOnOpen: false });

test.describe('with the catalogue synced', () => {
  test.afterEach(async ({ preview }) => {
    (await preview.demoServer()).setFaults({});
  });

  test('a failing service keeps browsing and the note says so', async ({ app, page, preview }) => {
    const note = page.getByTestId('catalogue-note');
    await expect(note).toContainText('Catalogue updated', { timeout: 60_000 });
    (await preview.demoServer()).setFaults({ serverError: { count: 1_000, status: 503 } });
    await note.getByRole('button', { name: 'Update now' }).click();
    await expect(note).toContainText(MESSAGES.en.catalogue.syncFailed, { timeout: 30_000 });
    await expect(note).toContainText(MESSAGES.en.errors.SERVER_ERROR);
    await app.tag('Cute').click();
    await expect(app.tiles.first()).toBeVisible();

    (await preview.demoServer()).setFaults({});
    await note.getByRole('button', { name: 'Update now' }).click();
    await expect(note).not.toContainText(MESSAGES.en.catalogue.syncFailed, { timeout: 30_000 });
  });
});

unsynced.describe('before the first catalogue sync', () => {
  unsynced.afterEach(async ({ preview }) => {
    (await preview.demoServer()).setFaults({});
  });

  unsynced(
    'a failing library shows the error in words, and Retry recovers',
    async ({ page, preview }) => {
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
    },
  );

  unsynced(
    'an error while switching tags stays on that tag and recovers there',
    async ({ app, preview }) => {
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
    },
  );
});
