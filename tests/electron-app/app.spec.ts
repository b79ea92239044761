// The built app in the real Electron runtime: first screen, window security, the page's reach.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { BUSINESS_TYPE_INFO } from '../../shared/tags';
import { BRIDGE_GLOBAL, EVENT_NAMES, REQUEST_NAMES, SEND_NAMES } from '../../shared/ipc-contract';
import { findElectronRuntime } from '../../electron/launcher/electron-runtime';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const runtime = findElectronRuntime();

test.describe('the Electron app', () => {
  test.skip(!runtime.ok, runtime.ok ? '' : runtime.reason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!runtime.ok) return;
    userData = await mkdtemp(join(tmpdir(), 'ice-electron-app-'));
    const env = { ...process.env };
    delete env['ELECTRON_RENDERER_URL'];
    delete env['ELECTRON_RUN_AS_NODE'];
    app = await electron.launch({
      executablePath: runtime.executablePath,
      args: [REPO_ROOT, `--user-data-dir=${userData}`],
      cwd: REPO_ROOT,
      env: env as Record<string, string>,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('the first screen shows the three business types', async () => {
    await expect(page).toHaveURL('app://renderer/index.html');
    for (const type of BUSINESS_TYPE_INFO) {
      await expect(
        page.getByText(new RegExp(`${type.nameEn}|${type.nameZh}`)).first(),
      ).toBeVisible();
    }
  });

  test('thumbnails come from the media: scheme and show', async () => {
    const image = page.locator('[role="gridcell"] img').first();
    await expect(image).toHaveAttribute('src', /^media:\/\/cover\//, { timeout: 90_000 });
    await expect
      .poll(
        () =>
          image.evaluate((element) => {
            const img = element as unknown as { complete: boolean; naturalWidth: number };
            return img.complete && img.naturalWidth > 0;
          }),
        { timeout: 90_000 },
      )
      .toBe(true);
  });

  test('the window runs with the secure web preferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      // getLastWebPreferences is undocumented (absent from electron.d.ts) but is what Electron's
      // own tests use to read the preferences a window really runs with.
      const contents = windows[0]?.webContents as unknown as { getLastWebPreferences(): object };
      return { count: windows.length, prefs: contents?.getLastWebPreferences() };
    });
    expect(prefs.count).toBe(1);
    expect(prefs.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  test('the page has no Node, only the bridge, and the CSP blocks eval', async () => {
    const reach = await page.evaluate((bridgeGlobal) => {
      const g = globalThis as unknown as Record<string, unknown>;
      let evalBlocked = false;
      try {
        (0, eval)('1');
      } catch {
        evalBlocked = true;
      }
      return {
        require: typeof g['require'],
        process: typeof g['process'],
        bridgeKeys: Object.keys((g[bridgeGlobal] as object) ?? {}).sort(),
        evalBlocked,
      };
    }, BRIDGE_GLOBAL);
    expect(reach).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: [...REQUEST_NAMES, ...EVENT_NAMES, ...SEND_NAMES].sort(),
      evalBlocked: true,
    });
  });

  test('the page reaches the main process through the bridge', async () => {
    const info = await page.evaluate(async (bridgeGlobal) => {
      const api = (globalThis as unknown as Record<string, { getAppInfo(): Promise<unknown> }>)[
        bridgeGlobal
      ];
      return api!.getAppInfo();
    }, BRIDGE_GLOBAL);
    expect(info).toMatchObject({ ok: true, value: { browserPreview: false } });
  });

  test('dragging a tile starts the OS drag with existing, real-named files and an icon', async () => {
    // Playwright cannot perform a drag out of the window, so startDrag is observed instead.
    await app.evaluate(({ webContents }) => {
      const g = globalThis as unknown as { drags: unknown[] };
      g.drags = [];
      for (const contents of webContents.getAllWebContents()) {
        contents.startDrag = (item) => {
          g.drags.push({
            file: item.file,
            files: item.files ?? [item.file],
            iconEmpty: typeof item.icon === 'string' || item.icon.isEmpty(),
          });
        };
      }
    });
    const tile = page.getByRole('gridcell').first();
    await tile.click(); // selecting it fetches its file ahead of a drag
    await expect(tile).toHaveAttribute('data-local', 'ready', { timeout: 30_000 });
    await tile.dispatchEvent('dragstart');
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { drags: unknown[] }).drags.length))
      .toBe(1);
    const drag = await app.evaluate(() => {
      const g = globalThis as unknown as {
        drags: Array<{ file: string; files: string[]; iconEmpty: boolean }>;
        process: { getBuiltinModule(name: string): { statSync(path: string): { size: number } } };
      };
      const fs = g.process.getBuiltinModule('node:fs');
      const [first] = g.drags;
      return { ...first!, sizes: first!.files.map((f) => fs.statSync(f).size) };
    });
    expect(drag.iconEmpty).toBe(false);
    expect(drag.files[0]).toBe(drag.file);
    for (const size of drag.sizes) expect(size).toBeGreaterThan(0);
    expect(drag.file).toMatch(/\.(png|gif|jpe?g|webp)$/);
  });

  test('window.open is denied', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { open(url: string): unknown }).open('app://renderer/index.html');
    });
    await page.waitForTimeout(300);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
