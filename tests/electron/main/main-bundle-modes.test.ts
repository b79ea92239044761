// The built main process in its other situations: a second instance, development with the
// electron-vite dev server, a packaged app, and a start-up failure.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { copyDemoMedia } from '../../support/demo-media';
import { requestChannels } from '../../../shared/ipc-contract';
import { FakeElectron, FakeEvent } from './fake-electron';
import type { FakeElectronOptions } from './fake-electron';
import { loadMainBundle } from './built-shell';

const DEV_URL = 'http://localhost:5173/';
// An upper bound on a loaded machine; the demo media are the run's (copied below), not generated.
const BOOT_TIMEOUT_MS = 60_000;
const cleanups: Array<() => Promise<void>> = [];
let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'ice-shell-modes-'));
  await copyDemoMedia(inject('demoMediaDir'), join(userData, 'demo-library'));
});

afterAll(async () => {
  if (userData) await rm(userData, { recursive: true, force: true, maxRetries: 5 });
});

async function boot(options: Partial<FakeElectronOptions>, env: { rendererUrl?: string } = {}) {
  const fake = new FakeElectron({ userDataDir: userData, ...options });
  if (env.rendererUrl === undefined) delete process.env['ELECTRON_RENDERER_URL'];
  else process.env['ELECTRON_RENDERER_URL'] = env.rendererUrl;
  try {
    await loadMainBundle(fake);
  } finally {
    delete process.env['ELECTRON_RENDERER_URL'];
  }
  cleanups.push(async () => {
    fake.app.emit('will-quit', new FakeEvent());
    // Wait for the services to close when they were started.
    if (fake.windows.length > 0) {
      await vi.waitFor(() => expect(fake.quitCalls.length).toBeGreaterThan(0), { timeout: 10_000 });
    }
  });
  return fake;
}

async function bootToWindow(options: Partial<FakeElectronOptions>, env = {}) {
  const fake = await boot(options, env);
  fake.becomeReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: BOOT_TIMEOUT_MS });
  return { fake, window: fake.windows[0]! };
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the built main process, other situations', () => {
  it('a second instance quits at once and sets nothing up', async () => {
    const fake = await boot({ singleInstanceLock: false });
    expect(fake.quitCalls).toEqual(['quit']);
    fake.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.protocolHandlers.size).toBe(0);
  });

  it(
    'in development loads the dev server and trusts only its origin',
    async () => {
      const { fake, window } = await bootToWindow({}, { rendererUrl: DEV_URL });
      expect(window.loadedUrls).toEqual([DEV_URL]);
      expect(window.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
      });

      const channel = requestChannels.getAppInfo.channel;
      const top = window.webContents.mainFrame;
      expect(await fake.invokeFrom(window.webContents, top, channel)).toMatchObject({ ok: true });
      top.url = 'app://renderer/index.html';
      expect(await fake.invokeFrom(window.webContents, top, channel)).toMatchObject({
        error: { code: 'FORBIDDEN_SENDER' },
      });

      expect(window.webContents.attempt('will-navigate', 'http://localhost:5173/?reload')).toBe(
        false,
      );
      expect(window.webContents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true);
      expect(window.webContents.attempt('will-navigate', 'app://renderer/index.html')).toBe(true);
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    'ignores a dev server URL that is not loopback http, and any in a packaged app',
    async () => {
      for (const [options, rendererUrl] of [
        [{}, 'https://evil.example/'],
        [{}, 'http://192.168.1.5:5173/'],
        [{}, 'file:///tmp/index.html'],
        [{ isPackaged: true }, DEV_URL],
      ] as const) {
        const { window } = await bootToWindow(options, { rendererUrl });
        expect(window.loadedUrls, rendererUrl).toEqual(['app://renderer/index.html']);
        for (const cleanup of cleanups.splice(0)) await cleanup();
      }
    },
    BOOT_TIMEOUT_MS,
  );

  it('a second launch after the window was closed opens a new window', async () => {
    const { fake, window } = await bootToWindow({});
    window.close();
    fake.app.emit('second-instance', new FakeEvent(), [], process.cwd());
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.loadedUrls).toEqual(['app://renderer/index.html']);
  });

  it(
    'quitting during a first start stops the demo generation (in its worker) instead of waiting for it',
    async () => {
      const fresh = await mkdtemp(join(tmpdir(), 'ice-shell-first-start-'));
      try {
        const fake = new FakeElectron({ userDataDir: fresh });
        await loadMainBundle(fake);
        fake.becomeReady();
        await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: BOOT_TIMEOUT_MS });
        fake.app.emit('will-quit', new FakeEvent());
        await vi.waitFor(() => expect(fake.quitCalls).toContain('quit'), {
          timeout: BOOT_TIMEOUT_MS,
        });
        // Had quitting waited for the generation, its stamp would have been written first.
        expect(existsSync(join(fresh, 'demo-library', 'demo-media.json'))).toBe(false);
      } finally {
        await rm(fresh, { recursive: true, force: true, maxRetries: 5 });
      }
    },
    BOOT_TIMEOUT_MS * 2,
  );

  it('reports a start-up failure in an error box and exits with status 1', async () => {
    const fake = await boot({ userDataDir: new Error('userData folder unavailable') });
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.exitCode).toBe(1));
    expect(fake.errorBoxes).toEqual([
      { title: 'ICE Media Library could not start', content: 'userData folder unavailable' },
    ]);
    expect(fake.windows).toHaveLength(0);
  });
});
