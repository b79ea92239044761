// Test fixtures: one browser preview per worker (fresh data folder, in-memory keychain), a page
// opened on it, and a check that no test leaves console errors or CSP violations behind.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { startBrowserPreview } from '../../electron/dev-browser/main';
import type { BrowserPreview, BrowserPreviewOptions } from '../../electron/dev-browser/main';
import { demoMediaDirFromEnv } from '../support/demo-media';
import { MemoryStore } from '../../electron/services/secrets/memory-store';
import type { PageGlobals } from './page-types';

/**
 * What the desktop shell would have done for the preview of this worker: folders shown, files
 * opened, and the folder the next "Save to…" / Change… picks (null: the user cancels).
 */
export const previewShell = {
  shown: [] as string[],
  opened: [] as string[],
  folderChoice: null as string | null,
};

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Saves a screenshot for a person to look at, once the visible artwork has faded in. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.mouse.move(1, 1); // no hover state from the last click
  await page
    .locator('.thumb[data-state="loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined); // images far below the fold may stay lazy; shoot anyway
  await page.waitForTimeout(300); // the fade-in
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * The catalogue has been synced (the note says when). Until then the grid shows the service's
 * pages and the filter bar is missing: the layout, and so what a key like PageDown does, changes
 * when the sync lands.
 */
export async function catalogueReady(page: Page): Promise<void> {
  await expect(page.getByTestId('catalogue-note')).toContainText('Catalogue updated', {
    timeout: 60_000,
  });
}

/** The app's landmarks and controls, found the way a user (or a screen reader) finds them. */
export class AppPage {
  constructor(readonly page: Page) {}

  get sidebar(): Locator {
    return this.page.getByRole('navigation');
  }
  businessType(name: string | RegExp): Locator {
    return this.sidebar.getByRole('button', { name, exact: typeof name === 'string' });
  }
  tag(name: string): Locator {
    return this.sidebar.locator('.tag-list').getByRole('button', { name, exact: true });
  }
  get grid(): Locator {
    return this.page.getByRole('grid');
  }
  get tiles(): Locator {
    return this.grid.getByRole('gridcell');
  }
  /** A tile by media id (titles may repeat). */
  tile(mediaId: string): Locator {
    return this.grid.locator(`[role="gridcell"][data-media-id="${mediaId}"]`);
  }
  /** A tile by its place in the list (0 is the first), whether or not it is drawn. */
  tileAt(index: number | string): Locator {
    return this.grid.locator(`[role="gridcell"][data-index="${index}"]`);
  }
  get details(): Locator {
    return this.page.getByRole('complementary');
  }
  get errorState(): Locator {
    return this.page.getByTestId('error-state');
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  /** Shows the current business type as a grid of tiles (music starts as a list). */
  async useGrid(): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Layout' })
      .getByRole('button', { name: 'Grid' })
      .click();
  }

  /**
   * The titles of the tiles rendered, in grid order, once there is at least one and every
   * rendered tile has its item. allTextContents() does not wait: read before the grid's first
   * render it gave [], and read while a new answer's tiles still waited for their items (a
   * placeholder has no title) it gave fewer titles than tiles, the first one another tile's.
   */
  async visibleTitles(): Promise<string[]> {
    let titles: string[] = [];
    await expect
      .poll(async () => {
        const tiles = await this.tiles.count();
        titles = await this.tiles.locator('.tile__title').allTextContents();
        return tiles > 0 && titles.length === tiles;
      })
      .toBe(true);
    return titles;
  }
}

interface WorkerFixtures {
  /** The demo library's catalogue; a file that needs more media says `test.use({...})`. */
  demoCatalogue: BrowserPreviewOptions['demoCatalogue'];
  preview: BrowserPreview;
}

interface TestFixtures {
  /** Console messages that are expected in this test (e.g. a deliberately broken image). */
  allowedConsoleErrors: RegExp[];
  consoleProblems: string[];
  app: AppPage;
}

/** A preview with a fresh data folder and an in-memory keychain, closed when the worker ends. */
async function withPreview(
  options: Partial<BrowserPreviewOptions>,
  use: (preview: BrowserPreview) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ice-e2e-'));
  const preview = await startBrowserPreview({
    dataDir,
    // The demo server's own cache: generated once, shared by every preview of the run.
    demoMediaDir: demoMediaDirFromEnv(),
    keychain: new MemoryStore(),
    log: () => undefined,
    downloadsDir: join(dataDir, 'Downloads'),
    shell: {
      showItemInFolder: (path) => previewShell.shown.push(path),
      openPath: async (path) => {
        previewShell.opened.push(path);
      },
      pickFolder: async () => previewShell.folderChoice,
    },
    ...options,
  });
  try {
    await use(preview);
  } finally {
    await preview.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoCatalogue: [undefined, { scope: 'worker', option: true }],

  preview: [
    async ({ demoCatalogue }, use) =>
      withPreview(demoCatalogue === undefined ? {} : { demoCatalogue }, use),
    { scope: 'worker', timeout: 180_000 },
  ],

  allowedConsoleErrors: [[], { option: true }],

  consoleProblems: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      const allowed = (text: string) => allowedConsoleErrors.some((re) => re.test(text));
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        if (!allowed(message.text())) problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // Chromium reports CSP violations on the console too; this also catches report-only ones.
      await page.addInitScript(() => {
        const { document } = globalThis as unknown as PageGlobals;
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],

  app: async ({ page, preview }, use) => {
    await page.goto(preview.url);
    await use(new AppPage(page));
  },
});

/** The same fixtures over a preview started with other options (a spec file of its own). */
export function testWithPreview(options: Partial<BrowserPreviewOptions>) {
  return test.extend<object, WorkerFixtures>({
    preview: [
      // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
      async ({}, use) => withPreview(options, use),
      { scope: 'worker', timeout: 180_000 },
    ],
  });
}

export { expect };
