// The client, downloader and verifier against the real demo server (the other side the app
// talks to), including every fault the server can inject.

import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer } from '../../../../electron/demo-library/index';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient, IceClientConfig } from '../../../../electron/services/ice/ice-client';
import { createSignatureVerifier } from '../../../../electron/demo-library/verify-signature';
import { downloadFile } from '../../../../electron/services/ice/download-file';
import { documentedTagsFor } from '../../../../shared/tags';
import { rejectionOf as rejection } from '../../../support/app-error';

const KEY = { accessKeyId: 'LTAI-demo-it', accessKeySecret: 'demo-it-secret' };
const STS = {
  accessKeyId: 'STS.demo-it',
  accessKeySecret: 'demo-it-sts-secret',
  securityToken: 'CAIS+demo/token==',
};

let workDir: string;
let mediaDir: string;
const servers: DemoServer[] = [];
const clients: IceClient[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-demo-it-'));
  mediaDir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function demo(
  options: Partial<Parameters<typeof startDemoServer>[0]> = {},
): Promise<DemoServer> {
  const server = await startDemoServer({ mediaDir, catalogue: { generated: 250 }, ...options });
  servers.push(server);
  return server;
}

function clientFor(server: DemoServer, config: Partial<IceClientConfig> = {}): IceClient {
  const client = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
    ...config,
  });
  clients.push(client);
  return client;
}

async function all(client: IceClient, query: Parameters<IceClient['listAllMedia']>[0]) {
  const ids: string[] = [];
  for await (const item of client.listAllMedia(query)) ids.push(item.mediaId);
  return ids;
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

describe('against the demo server', () => {
  it('browses the demo library anonymously: tags, pages, details and a download', async () => {
    const server = await demo({ catalogue: 'demo' });
    const client = clientFor(server);
    const tags = await client.listAllPublicMediaTags('bgm');
    expect(tags.map((t) => t.id)).toEqual(documentedTagsFor('bgm').map((t) => t.id));

    const page = await client.listPublicMediaBasicInfos({
      businessType: 'bgm',
      pageNo: 1,
      pageSize: 5,
      includeFileBasicInfo: true,
    });
    expect(page.items.length).toBeGreaterThan(0);
    const first = page.items[0]!;
    expect(first.businessType).toBe('bgm');
    expect(first.files[0]!.fileSize).toBeGreaterThan(0);

    const detail = await client.getPublicMediaInfo(first.mediaId);
    expect(detail.mediaId).toBe(first.mediaId);
    const file = detail.files[0]!;
    const dir = join(workDir, 'anon');
    const result = await downloadFile({
      url: file.url,
      dir,
      fileName: file.fileName,
      expectedSize: file.fileSize,
      allowInternalHosts: client.endpoint.internal,
    });
    expect(result.bytes).toBe(file.fileSize);
    expect((await stat(result.path)).size).toBe(file.fileSize);
  });

  it('lists the whole catalogue identically in both pagination styles', async () => {
    const server = await demo();
    const client = clientFor(server);
    const byPage = await all(client, { pageSize: 30 });
    const byToken = await all(client, { maxResults: 40 });
    expect(byPage).toHaveLength(server.catalogueSize);
    expect(new Set(byPage).size).toBe(server.catalogueSize);
    expect(byToken).toEqual(byPage);
  });

  it.each(['v3', 'v1'] as const)(
    'passes the verifier with %s signatures, STS included',
    async (signatureMethod) => {
      const verifier = createSignatureVerifier({ credentials: [KEY, STS] });
      const server = await demo({ verifier });
      for (const credentials of [KEY, STS]) {
        const ids = await all(clientFor(server, { credentials, signatureMethod }), {
          businessType: 'sticker',
          mediaTagId: 'sticker-cute',
          maxResults: 7,
        });
        expect(ids.length).toBeGreaterThan(0);
      }
      expect(server.requestLog().every((entry) => entry.status === 200)).toBe(true);
      const wrong = clientFor(server, {
        credentials: { ...KEY, accessKeySecret: 'nope' },
        signatureMethod,
      });
      const error = await rejection(wrong.listPublicMediaBasicInfos({}));
      expect(error.code).toBe('AUTH_SIGNATURE_MISMATCH');
      expect(error.requestId).toBeTruthy();
    },
  );

  it('rides out throttling, 5xx, truncated JSON and cut bodies', async () => {
    const server = await demo({
      faults: {
        throttle: { count: 2, retryAfterSeconds: 0 },
        serverError: { count: 1, status: 503 },
        truncatedJson: { count: 1 },
        cutBody: { count: 1, afterBytes: 200 },
      },
    });
    // Five faults in a row: one more retry than the default limit allows.
    const client = clientFor(server, { retry: { limit: 5, baseDelayMs: 1, maxDelayMs: 10 } });
    const page = await client.listPublicMediaBasicInfos({ pageSize: 10 });
    expect(page.items).toHaveLength(10);
    expect(server.requestLog().map((e) => e.status)).toEqual([400, 400, 503, 200, 200, 200]);
  });

  it('reports a wrong shape as BAD_RESPONSE naming the field', async () => {
    const server = await demo({ faults: { wrongShape: { count: 1 } } });
    const error = await rejection(clientFor(server).listPublicMediaBasicInfos({}));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('MediaInfos: expected array');
  });

  it('hands a long throttle back to the caller with the wait', async () => {
    const server = await demo({ faults: { throttle: { count: 5, retryAfterSeconds: 120 } } });
    const error = await rejection(clientFor(server).listPublicMediaBasicInfos({}));
    expect(error).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 120 });
    expect(server.requestLog()).toHaveLength(1);
  });

  it('corrects for a server clock 20 minutes ahead and remembers the offset', async () => {
    const server = await demo({
      verifier: createSignatureVerifier({ credentials: [KEY] }),
      faults: { clockSkewSeconds: 1200 },
    });
    const client = clientFor(server, { credentials: KEY });
    await client.listPublicMediaBasicInfos({});
    expect(Math.abs(client.clockOffsetMs - 1_200_000)).toBeLessThan(2_000);
    await client.listPublicMediaBasicInfos({});
    expect(server.requestLog().map((e) => e.status)).toEqual([400, 200, 200]);
  });

  it('gives URL_EXPIRED for expired media links; a fresh listing downloads fine', async () => {
    const server = await demo({ faults: { expireUrlsNow: true } });
    const client = clientFor(server);
    const dir = join(workDir, 'expired');
    const [stale] = (await client.listPublicMediaBasicInfos({ includeFileBasicInfo: true })).items;
    const staleFile = stale!.files[0]!;
    const error = await rejection(
      downloadFile({
        url: staleFile.url,
        dir,
        fileName: staleFile.fileName,
        allowInternalHosts: true,
      }),
    );
    expect(error.code).toBe('URL_EXPIRED');
    expect(error.message).not.toContain('Signature');

    server.setFaults({});
    const fresh = await client.getPublicMediaInfo(stale!.mediaId);
    const result = await downloadFile({
      url: fresh.files[0]!.url,
      dir,
      fileName: fresh.files[0]!.fileName,
      expectedSize: fresh.files[0]!.fileSize,
      allowInternalHosts: true,
    });
    expect(result.bytes).toBe(fresh.files[0]!.fileSize);
    expect(await readdir(dir)).toEqual([fresh.files[0]!.fileName]);
  });

  it('resumes a cut file download with Range, ending with the same bytes', async () => {
    const bytes = 3 * 1024 * 1024;
    const server = await demo({ bigFileBytes: bytes });
    const options = {
      url: `${server.url}/media/big.bin`,
      expectedSize: bytes,
      allowInternalHosts: true,
      retryBaseDelayMs: 1,
    };
    const clean = await downloadFile({
      ...options,
      dir: join(workDir, 'clean'),
      fileName: 'big.bin',
    });
    server.setFaults({ cutBody: { count: 2, afterBytes: 1024 * 1024, target: 'file' } });
    const before = server.requestLog().length;
    const resumed = await downloadFile({
      ...options,
      dir: join(workDir, 'cut'),
      fileName: 'big.bin',
    });
    expect(resumed.bytes).toBe(bytes);
    expect(await sha256(resumed.path)).toBe(await sha256(clean.path));
    const statuses = server
      .requestLog()
      .slice(before)
      .map((e) => e.status);
    // Two cut responses, then the rest; bytes that arrived before a cut are resumed with Range
    // (206). A reset can also discard data still in the socket, so 200 may repeat.
    expect(statuses.length).toBe(3);
    expect(statuses.every((s) => s === 200 || s === 206)).toBe(true);
  });
});
