// The preview pointed at another ICE-compatible server (--endpoint with the environment's key):
// calls are signed and verified there, covers come through the preview's cache route, and the
// key stays in memory: no file in the data folder holds the secret.

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startBrowserPreview } from '../../../electron/dev-browser/main';
import type { BrowserPreview } from '../../../electron/dev-browser/main';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { parseEndpointUrl } from '../../../electron/services/ice/endpoint';
import { createSignatureVerifier } from '../../../electron/demo-library/verify-signature';
import { MemoryStore } from '../../../electron/services/secrets/memory-store';
import { REQUEST_CHANNELS } from '../../../shared/ipc-channels';
import type { MediaPage } from '../../../shared/domain';
import { RENDERER_DIR, requireBuilt } from '../main/built-shell';

const KEY_ID = 'LTAI5tPreviewEndpoint01';
const SECRET = 'Preview-Endpoint-Secret-7Qx';

let server: DemoServer;
let preview: BrowserPreview;
let dataDir: string;

beforeAll(async () => {
  requireBuilt(join(RENDERER_DIR, 'index.html'));
  server = await startDemoServer({
    mediaDir: inject('demoMediaDir'), // the run's shared media (tests/vitest.global-setup.ts)
    catalogue: { generated: 30 },
    verifier: createSignatureVerifier({
      credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET }],
    }),
  });
  dataDir = await mkdtemp(join(tmpdir(), 'ice-preview-endpoint-'));
  preview = await startBrowserPreview({
    dataDir,
    keychain: new MemoryStore(),
    demoMediaDir: inject('demoMediaDir'),
    log: () => undefined,
    remote: {
      endpoint: parseEndpointUrl(server.url),
      signatureMethod: 'v1',
      credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET },
    },
  });
}, 120_000);

afterAll(async () => {
  await preview?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the preview with --endpoint', () => {
  it('browses that server with the signed key, covers through the cache route', async () => {
    const source = await preview.services.router.dispatch(
      REQUEST_CHANNELS.getLibrarySource,
      undefined,
    );
    expect(source).toMatchObject({
      ok: true,
      value: { kind: 'account', endpoint: new URL(server.url).host },
    });
    const listed = await preview.services.router.dispatch(REQUEST_CHANNELS.listMedia, {
      businessType: 'sticker',
      pageNo: 1,
      pageSize: 5,
    });
    expect(listed.ok).toBe(true);
    const item = (listed as { ok: true; value: MediaPage }).value.items[0]!;
    const token = new URLSearchParams(new URL(preview.url).hash.slice(1)).get('token')!;
    const cover = await fetch(`${preview.origin}/__preview/media/${token}/cover/${item.mediaId}`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toMatch(/^image\//);
    expect(
      server.requestLog().some((e) => e.action === 'ListPublicMediaBasicInfos' && e.status === 200),
    ).toBe(true);
  });

  it('writes the secret nowhere in its data folder', async () => {
    await preview.services.mediaCache.saveNow();
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect((await readFile(file)).includes(SECRET), file).toBe(false);
    }
  });
});
