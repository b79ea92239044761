// The whole account flow through the router, as the renderer drives it: a real demo server for the
// demo source, a second one that verifies signatures as the account's endpoint, an in-memory
// keychain. The secret may travel inward in a save/test request and nowhere else.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMainServices } from '../../../electron/services/main-services';
import type { MainServices } from '../../../electron/services/main-services';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { createSignatureVerifier } from '../../../electron/demo-library/verify-signature';
import { MemoryStore } from '../../../electron/services/secrets/memory-store';
import { REQUEST_CHANNELS } from '../../../shared/ipc-channels';

const KEY_ID = 'LTAI5tTestKeyForFlow9f3a';
const SECRET = 'S3cr3t-Do-Not-Leak-4bJ8x2QmZ';
/** A colleague's key for the same endpoint. */
const OTHER_KEY_ID = 'LTAI5tOtherKeyForFlow7c1d';
const OTHER_SECRET = 'Other-S3cr3t-Not-Leaked-9wQ2';

let dataDir: string;
let accountServer: DemoServer;
let services: MainServices;
/** The demo library the services started. */
let demo: DemoServer | null = null;
const keychain = new MemoryStore();
const outward: unknown[] = [];

async function call(channel: string, payload?: unknown) {
  const result = await services.router.dispatch(channel, payload);
  outward.push(result);
  return result;
}

function files(dir: string): Promise<string[]> {
  return readdir(dir, { recursive: true, withFileTypes: true }).then((entries) =>
    entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)),
  );
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ice-main-services-'));
  const mediaDir = inject('demoMediaDir');
  accountServer = await startDemoServer({
    mediaDir,
    catalogue: { generated: 240 },
    verifier: createSignatureVerifier({
      credentials: [
        { accessKeyId: KEY_ID, accessKeySecret: SECRET },
        { accessKeyId: OTHER_KEY_ID, accessKeySecret: OTHER_SECRET },
      ],
    }),
  });
  services = await createMainServices({
    dataDir,
    startDemoLibrary: async () => (demo = await startDemoServer({ mediaDir })),
    appVersion: '0.0.0-test',
    platform: 'linux',
    browserPreview: false,
    keychain,
    openExternal: async () => undefined,
  });
  services.events.forward((channel, payload) => outward.push({ channel, payload }));
}, 60_000);

afterAll(async () => {
  await services?.close();
  await accountServer?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const form = (secret: string) => ({
  accessKeyId: `  ${KEY_ID}\n`,
  accessKeySecret: secret,
  region: 'cn-shanghai',
  endpoint: accountServer.url,
  signatureMethod: 'v3',
});

describe('main services: account flow', () => {
  it('starts on the demo library with no key configured', async () => {
    expect(await call(REQUEST_CHANNELS.getLibrarySource)).toMatchObject({
      ok: true,
      value: { kind: 'demo' },
    });
    expect(await call(REQUEST_CHANNELS.getAccountStatus)).toMatchObject({
      ok: true,
      value: { configured: false, storage: 'none', maskedAccessKeyId: null },
    });
    const page = await call(REQUEST_CHANNELS.listMedia, {
      businessType: 'bgm',
      pageNo: 1,
      pageSize: 5,
    });
    expect(page).toMatchObject({ ok: true, value: { items: expect.any(Array) } });
  });

  it('reports field errors before any call', async () => {
    const result = await call(REQUEST_CHANNELS.validateAccount, {
      ...form(''),
      endpoint: 'ftp://x',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { accessKeySecret: expect.any(String), endpoint: expect.any(String) },
    });
  });

  it('explains a wrong secret in words, without storing anything', async () => {
    const result = await call(REQUEST_CHANNELS.testAccount, form('wrong-secret'));
    expect(result).toMatchObject({
      ok: true,
      value: {
        ok: false,
        error: { code: 'AUTH_SIGNATURE_MISMATCH', requestId: expect.any(String) },
      },
    });
    const saved = await call(REQUEST_CHANNELS.saveAccount, { form: form('wrong-secret') });
    expect(saved).toMatchObject({ ok: false, error: { code: 'AUTH_SIGNATURE_MISMATCH' } });
    expect(await keychain.get('alibaba-cloud-access-key')).toBeNull();
  });

  it('saves a working key to the keychain, switches to the account and browses signed', async () => {
    const tested = await call(REQUEST_CHANNELS.testAccount, form(SECRET));
    expect(tested).toMatchObject({ ok: true, value: { ok: true, totalCount: 240 } });

    const saved = await call(REQUEST_CHANNELS.saveAccount, { form: form(SECRET) });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        totalCount: 240,
        status: { configured: true, storage: 'keychain', maskedAccessKeyId: 'LTAI****9f3a' },
      },
    });
    expect(await call(REQUEST_CHANNELS.getLibrarySource)).toMatchObject({
      ok: true,
      value: { kind: 'account', endpoint: new URL(accountServer.url).host },
    });
    expect(outward).toContainEqual({
      channel: 'library:source-changed',
      payload: expect.objectContaining({ kind: 'account' }),
    });

    const page = await call(REQUEST_CHANNELS.listMedia, {
      businessType: 'sticker',
      pageNo: 1,
      pageSize: 10,
    });
    expect(page).toMatchObject({ ok: true, value: { items: expect.any(Array) } });
    const signedCalls = accountServer.requestLog().filter((r) => r.status === 200);
    expect(signedCalls.length).toBeGreaterThan(0);
  });

  it('switches between the demo library and the account in one call each', async () => {
    expect(await call(REQUEST_CHANNELS.setLibrarySource, { kind: 'demo' })).toMatchObject({
      ok: true,
      value: { kind: 'demo' },
    });
    expect(await call(REQUEST_CHANNELS.setLibrarySource, { kind: 'account' })).toMatchObject({
      ok: true,
      value: { kind: 'account' },
    });
  });

  it("keeps each AccessKey's favourites apart on the same endpoint", async () => {
    const ids = async () => {
      const page = await call(REQUEST_CHANNELS.listMedia, {
        businessType: 'sticker',
        pageNo: 1,
        pageSize: 2,
      });
      return (page as { value: { items: Array<{ mediaId: string }> } }).value.items.map(
        (item) => item.mediaId,
      );
    };
    const favourites = async () =>
      ((await call(REQUEST_CHANNELS.listFavourites)) as { value: string[] }).value;
    const [first, second] = await ids();
    await call(REQUEST_CHANNELS.setFavourite, { mediaId: first, favourite: true });
    expect(await favourites()).toEqual([first]);

    // Another key on the same endpoint: none of the first key's stars (which a favourites sync
    // would otherwise send to that other account).
    const other = { ...form(OTHER_SECRET), accessKeyId: OTHER_KEY_ID };
    expect(await call(REQUEST_CHANNELS.saveAccount, { form: other })).toMatchObject({ ok: true });
    expect(await favourites()).toEqual([]);
    await call(REQUEST_CHANNELS.setFavourite, { mediaId: second, favourite: true });

    // Back to the first key: its own stars, as it left them.
    expect(await call(REQUEST_CHANNELS.saveAccount, { form: form(SECRET) })).toMatchObject({
      ok: true,
    });
    expect(await favourites()).toEqual([first]);
  });

  it('forgets the key and goes back to the demo library', async () => {
    const cleared = await call(REQUEST_CHANNELS.clearAccount);
    expect(cleared).toMatchObject({ ok: true, value: { configured: false, storage: 'none' } });
    expect(await keychain.get('alibaba-cloud-access-key')).toBeNull();
    expect(await call(REQUEST_CHANNELS.getLibrarySource)).toMatchObject({
      ok: true,
      value: { kind: 'demo' },
    });
    expect(await call(REQUEST_CHANNELS.setLibrarySource, { kind: 'account' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
  });

  it('never sent the secret outward, nor wrote it to any file of the data folder', async () => {
    expect(outward.length).toBeGreaterThan(10);
    expect(JSON.stringify(outward)).not.toContain(SECRET);
    for (const file of await files(dataDir)) {
      const content = await readFile(file);
      expect(content.includes(Buffer.from(SECRET)), file).toBe(false);
    }
  });
});

describe('main services: media cache', () => {
  it('reports its status, takes a new limit from Settings, and clears', async () => {
    const listed = await call(REQUEST_CHANNELS.listMedia, {
      businessType: 'sticker',
      pageNo: 1,
      pageSize: 3,
    });
    expect(listed.ok).toBe(true);
    const item = (listed as { ok: true; value: { items: Array<{ mediaId: string }> } }).value
      .items[0]!;
    const cover = await services.respondToMedia(
      { kind: 'cover', mediaId: item.mediaId },
      { method: 'GET', range: null },
    );
    expect(cover.status).toBe(200);
    await cover.arrayBuffer();
    const status = await call(REQUEST_CHANNELS.getMediaCacheStatus);
    expect(status).toMatchObject({
      ok: true,
      value: { entryCount: 1, limitBytes: 2 * 1024 ** 3, online: true },
    });

    const limit = 512 * 1024 * 1024;
    expect(
      await call(REQUEST_CHANNELS.updateSettings, { mediaCacheLimitBytes: limit }),
    ).toMatchObject({ ok: true, value: { mediaCacheLimitBytes: limit } });
    expect(await call(REQUEST_CHANNELS.getMediaCacheStatus)).toMatchObject({
      ok: true,
      value: { limitBytes: limit },
    });
    expect(
      await call(REQUEST_CHANNELS.updateSettings, { mediaCacheLimitBytes: 1024 }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await call(REQUEST_CHANNELS.clearMediaCache)).toMatchObject({
      ok: true,
      value: { entryCount: 0, usedBytes: 0 },
    });
    expect(await call(REQUEST_CHANNELS.openMediaCacheFolder)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('main services: the local catalogue', () => {
  it('fetches the covers of items shown from the catalogue without asking the service for each item', async () => {
    expect(await call(REQUEST_CHANNELS.setLibrarySource, { kind: 'demo' })).toMatchObject({
      ok: true,
    });
    expect(await call(REQUEST_CHANNELS.syncCatalogue)).toMatchObject({ ok: true });
    const found = await call(REQUEST_CHANNELS.searchCatalogue, {
      text: '',
      businessType: 'sticker',
    });
    const ids = (found as { ok: true; value: { ids: string[] } }).value.ids.slice(0, 4);
    expect(ids).toHaveLength(4);
    expect(await call(REQUEST_CHANNELS.getCatalogueItems, { mediaIds: ids })).toMatchObject({
      ok: true,
      value: ids.map((mediaId) => ({ mediaId })),
    });
    const lookUps = () =>
      demo!.requestLog().filter((r) => r.action === 'GetPublicMediaInfo').length;
    const before = lookUps();
    for (const mediaId of ids) {
      const cover = await services.respondToMedia(
        { kind: 'cover', mediaId },
        { method: 'GET', range: null },
      );
      expect(cover.status).toBe(200);
      expect((await cover.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(lookUps()).toBe(before);
  });
});
