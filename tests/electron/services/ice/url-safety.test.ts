// Internal addresses, however they are written and wherever a name resolves to: a public endpoint
// or file server must never steer the app to loopback, private or link-local hosts.

import { lookup } from 'node:dns/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from '../../../../electron/services/ice/download-file';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import {
  INTERNAL_ADDRESS_CODE,
  checkMediaUrl,
  isInternalHost,
  publicOnlyLookup,
} from '../../../../electron/services/ice/url-safety';
import { rejectionOf } from '../../../support/app-error';
import { sendJson, startTestServer } from './helpers/test-server';
import type { TestServer } from './helpers/test-server';

describe('isInternalHost', () => {
  it.each([
    'localhost.',
    'LOCALHOST..',
    'app.localhost.',
    '[64:ff9b::7f00:1]', // NAT64 of 127.0.0.1
    '[::7f00:1]', // IPv4-compatible 127.0.0.1
    '[2002:7f00:1::]', // 6to4 of 127.0.0.1
    '[fec0::1]',
    '[ff02::1]',
    '198.18.0.1',
    '198.19.255.254',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '[::ffff:10.0.0.1]',
  ])('%s is internal', (host) => {
    expect(isInternalHost(host)).toBe(true);
  });

  it.each(['ice.cn-shanghai.aliyuncs.com', '8.8.8.8', '[2001:4860:4860::8888]', '198.20.0.1'])(
    '%s is public',
    (host) => {
      expect(isInternalHost(host)).toBe(false);
    },
  );
});

describe('checkMediaUrl', () => {
  // Verdicts are kept per scheme and host: a kept one must never answer for another setting,
  // another host that shares a prefix, or a URL the quick form does not describe.
  it('keeps a verdict for its own setting only', () => {
    const url = 'http://127.0.0.1:9000/media/a.png?Expires=1&Signature=x';
    expect(checkMediaUrl(url, true)).toEqual({ ok: true, url });
    expect(checkMediaUrl(url, false).ok).toBe(false);
    expect(checkMediaUrl(url, true)).toEqual({ ok: true, url });
  });

  it('tells hosts apart that share a beginning', () => {
    expect(checkMediaUrl('http://example.com/a', false).ok).toBe(true);
    expect(checkMediaUrl('http://example.com.localhost/a', false).ok).toBe(false);
    expect(checkMediaUrl('http://example.com:8080/a', false).ok).toBe(true);
    expect(checkMediaUrl('http://10.0.0.1/a', false).ok).toBe(false);
    expect(checkMediaUrl('http://10.0.0.1?a', false).ok).toBe(false);
  });

  it('parses in full what the quick form does not describe', () => {
    expect(checkMediaUrl('http://user:pw@example.com/a', false)).toEqual({
      ok: false,
      reason: 'carries embedded credentials',
    });
    // A backslash reads as a slash: the host is 127.0.0.1, not example.com.
    expect(checkMediaUrl('http://127.0.0.1\\@example.com/a', false).ok).toBe(false);
    // Non-ASCII in the path is percent-encoded by the parse.
    expect(checkMediaUrl('http://example.com/星.png', false)).toEqual({
      ok: true,
      url: 'http://example.com/%E6%98%9F.png',
    });
    expect(checkMediaUrl('ftp://example.com/a', false).ok).toBe(false);
  });
});

describe('publicOnlyLookup', () => {
  it('refuses a name that resolves to an internal address', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      publicOnlyLookup('localhost', {}, (e) => resolve(e)),
    );
    expect(error?.code).toBe(INTERNAL_ADDRESS_CODE);
  });
});

// This machine's own name is not written like an internal host, yet it resolves to one (usually
// 127.0.x.x or a private container address): a stand-in for a public name that rebinds inward.
const machineName = hostname();
const resolved = await lookup(machineName).catch(() => null);
const rebinds =
  resolved !== null && isInternalHost(resolved.address) && !isInternalHost(machineName);
if (!rebinds) {
  console.warn(
    `[url-safety] skipped the connect-time cases: ${machineName} does not resolve to an internal address here`,
  );
}

describe.runIf(rebinds)('a name that resolves to an internal address', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      if (req.path === '/file.bin') {
        res.writeHead(200, { 'content-length': 4 });
        res.end('data');
        return;
      }
      sendJson(res, 200, { RequestId: 'r', MediaTagList: [] });
    });
    dir = await mkdtemp(join(tmpdir(), 'ice-url-safety-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is never connected to for listings', async () => {
    const client = createIceClient({
      endpoint: { scheme: 'https', host: machineName, port: server.port },
      retry: { limit: 0 },
    });
    try {
      const error = await rejectionOf(client.listPublicMediaBasicInfos({}));
      expect(error.code).toBe('UNSAFE_URL');
      expect(server.requests).toHaveLength(0);
    } finally {
      client.close();
    }
  });

  it('is never connected to for downloads', async () => {
    const error = await rejectionOf(
      downloadFile({
        url: `http://${machineName}:${server.port}/file.bin`,
        dir,
        fileName: 'file.bin',
      }),
    );
    expect(error.code).toBe('UNSAFE_URL');
    expect(server.requests).toHaveLength(0);
  });
});
