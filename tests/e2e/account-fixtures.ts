// Fixtures for the account and settings tests: a signature-verifying library server standing in
// for the account's endpoint, the keychain (the real one when this process reaches a Secret
// Service, otherwise in memory, said out loud), and browser previews started per test with their
// own data folder, log and bridge recording.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserPreview } from '../../electron/dev-browser/main';
import type { BrowserPreview } from '../../electron/dev-browser/main';
import { startDemoServer } from '../../electron/demo-library/index';
import { demoMediaDirFromEnv } from '../support/demo-media';
import type { DemoServer } from '../../electron/demo-library/index';
import { createSignatureVerifier } from '../../electron/demo-library/verify-signature';
import { KeytarStore } from '../../electron/services/secrets/keytar-store';
import { MemoryStore } from '../../electron/services/secrets/memory-store';
import { CREDENTIALS_ACCOUNT } from '../../electron/services/secrets/secret-store';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { probeSecretService, uniqueServiceName } from '../electron/services/secrets/secret-service';
import { test as base } from './fixtures';

/** Fresh per run, so a value found anywhere can only have come from this run. */
export const ACCOUNT = {
  accessKeyId: `LTAI5t${randomBytes(9).toString('hex')}`,
  accessKeySecret: randomBytes(22).toString('base64url'),
};

/** A temporary (STS) key: its token carries '+', '/' and '=' like real ones. */
export const STS_ACCOUNT = {
  accessKeyId: `STS.NUgY${randomBytes(10).toString('hex')}`,
  accessKeySecret: randomBytes(22).toString('base64url'),
  securityToken: `CAIS${randomBytes(300).toString('base64')}`,
};

/** The size of the account server's library: different from the demo library's. */
export const ACCOUNT_LIBRARY_SIZE = 90;

export interface BridgeFrame {
  direction: 'in' | 'out';
  channel: string;
  json: string;
}

export interface TestPreview {
  preview: BrowserPreview;
  dataDir: string;
  /** Everything the preview logged. */
  logs: string[];
  /** Every WebSocket frame between the page and the preview, in order. */
  frames: BridgeFrame[];
  /** Opens the app in the page and waits for the library source. */
  open(page: Page): Promise<void>;
}

export interface PreviewSetup {
  keychain?: SecretStore;
  /** Written to settings.json before the preview starts (raw text when a string). */
  settings?: Record<string, unknown> | string;
}

export interface TestKeychain {
  store: SecretStore;
  /** True when this is the OS keychain (a Secret Service), not memory. */
  real: boolean;
}

let probe: ReturnType<typeof probeSecretService> | undefined;
let noteShown = false;

function secretServiceProbe(): ReturnType<typeof probeSecretService> {
  probe ??= probeSecretService();
  if (!probe.available && !noteShown) {
    noteShown = true;
    console.warn(
      `[e2e] NOTE: the real keychain was not exercised in e2e (${probe.reason}); ` +
        'the account tests keep the AccessKey in an in-memory store instead.',
    );
  }
  return probe;
}

interface AccountFixtures {
  keychain: TestKeychain;
  accountServer: DemoServer;
  startPreview: (setup?: PreviewSetup) => Promise<TestPreview>;
}

export const test = base.extend<AccountFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  keychain: async ({}, use, testInfo) => {
    const found = secretServiceProbe();
    if (!found.available) {
      testInfo.annotations.push({
        type: 'note',
        description: `real keychain not exercised: ${found.reason}`,
      });
      await use({ store: new MemoryStore(), real: false });
      return;
    }
    const store = new KeytarStore({ service: uniqueServiceName(), timeoutMs: 10_000 });
    try {
      await use({ store, real: true });
    } finally {
      // Whatever the test left in the keychain goes, with this run's unique service name.
      await store.delete(CREDENTIALS_ACCOUNT).catch(() => undefined);
    }
  },

  // Servers close only after the page: a page still loading thumbnails from a closed server would
  // log connection errors that belong to no test step.
  accountServer: async ({ page }, use) => {
    const server = await startDemoServer({
      catalogue: { generated: ACCOUNT_LIBRARY_SIZE },
      mediaDir: demoMediaDirFromEnv(),
      verifier: createSignatureVerifier({ credentials: [ACCOUNT, STS_ACCOUNT] }),
    });
    try {
      await use(server);
    } finally {
      await page.close();
      await server.close();
    }
  },

  startPreview: async ({ keychain, page }, use) => {
    const started: Array<{ preview: BrowserPreview; dataDir: string }> = [];
    await use(async (setup = {}) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'ice-e2e-account-'));
      if (setup.settings !== undefined) {
        const text =
          typeof setup.settings === 'string'
            ? setup.settings
            : `${JSON.stringify(setup.settings, null, 2)}\n`;
        await writeFile(join(dataDir, 'settings.json'), text);
      }
      const logs: string[] = [];
      const frames: BridgeFrame[] = [];
      const preview = await startBrowserPreview({
        dataDir,
        demoMediaDir: demoMediaDirFromEnv(),
        keychain: setup.keychain ?? keychain.store,
        log: (message) => logs.push(message),
        onBridgeMessage: (direction, channel, json) => frames.push({ direction, channel, json }),
      });
      started.push({ preview, dataDir });
      return {
        preview,
        dataDir,
        logs,
        frames,
        async open(page) {
          await page.goto(preview.url);
          await page
            .getByRole('group', { name: /Library source|素材来源/ })
            .getByRole('button', { pressed: true })
            .waitFor();
        },
      };
    });
    await page.close();
    for (const { preview, dataDir } of started.reverse()) {
      await preview.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from './fixtures';
