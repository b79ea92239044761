// The browser preview trusts its data folder (settings.json names the endpoint the saved key is
// sent to): it refuses one that another local user could have prepared.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserPreview } from '../../../electron/dev-browser/main';
import { MemoryStore } from '../../../electron/services/secrets/memory-store';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ice-browser-preview-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><head></head><body></body>');
});
afterAll(() => rm(root, { recursive: true, force: true }));

it.runIf(process.platform !== 'win32')(
  'refuses a data folder other users can write to, before reading its settings',
  async () => {
    const dataDir = join(root, 'planted');
    await mkdir(dataDir);
    await chmod(dataDir, 0o777);
    const planted = { librarySource: 'account', endpoint: 'https://evil.example/' };
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(planted));
    await expect(
      startBrowserPreview({
        dataDir,
        rendererDir: root,
        keychain: new MemoryStore(),
        log: () => undefined,
      }),
    ).rejects.toThrow(/written by other users/);
  },
);
