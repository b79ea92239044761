import { mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { callApi, download, rawGet } from './helpers/http';

type Json = Record<string, unknown>;
const BIG = 3 * 1024 * 1024 + 123;

let dir: string;
let server: DemoServer;
let wavUrl: string;
let wavSize: number;
let wav: Buffer;

async function fileUrls(
  target: DemoServer,
  businessType: string,
): Promise<{ file: Json; cover: string }> {
  const { body } = await callApi(target.url, {
    Action: 'ListPublicMediaBasicInfos',
    BusinessType: businessType,
    PageSize: '1',
    IncludeFileBasicInfo: 'true',
  });
  const media = (body.MediaInfos as Json[])[0] as Json;
  const file = ((media.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json;
  return { file, cover: (media.MediaBasicInfo as Json).CoverURL as string };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-files-'));
  server = await startDemoServer({
    mediaDir: dir,
    catalogue: { generated: 20 },
    bigFileBytes: BIG,
  });
  const { file } = await fileUrls(server, 'bgm');
  wavUrl = file.FileUrl as string;
  wavSize = Number(file.FileSize);
  wav = (await download(wavUrl)).bytes;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serving files', () => {
  it('serves the whole file with its type, length, ETag, Last-Modified and Accept-Ranges', async () => {
    const res = await download(wavUrl);
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBe(wavSize);
    expect(res.headers.get('content-length')).toBe(String(wavSize));
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"[0-9A-F]{32}"$/);
    expect(Number.isNaN(Date.parse(res.headers.get('last-modified') ?? ''))).toBe(false);
    expect(Number.isNaN(Date.parse(res.headers.get('date') ?? ''))).toBe(false);
    expect(res.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  });

  it('serves images with image content types', async () => {
    const { file, cover } = await fileUrls(server, 'sticker');
    const sticker = await download(file.FileUrl as string);
    expect(sticker.headers.get('content-type')).toMatch(/^image\/(png|gif)$/);
    expect(sticker.bytes.length).toBe(Number(file.FileSize));
    expect((await download(cover)).headers.get('content-type')).toBe('image/png');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await fetch(wavUrl, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(wavSize));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const etag = (await fetch(wavUrl, { method: 'HEAD' })).headers.get('etag') as string;
    const res = await fetch(wavUrl, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    const changed = await fetch(wavUrl, { headers: { 'If-None-Match': '"other"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });
});

describe('byte ranges', () => {
  const cases: [string, (size: number) => [number, number]][] = [
    ['bytes=0-99', () => [0, 99]],
    ['bytes=100-', (size) => [100, size - 1]],
    ['bytes=-50', (size) => [size - 50, size - 1]],
    ['bytes=1000-999999999', (size) => [1000, size - 1]],
    ['bytes=7-7', () => [7, 7]],
  ];
  for (const [header, expected] of cases) {
    it(`${header} returns exactly those bytes with 206 and Content-Range`, async () => {
      const [start, end] = expected(wavSize);
      const res = await download(wavUrl, { headers: { Range: header } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${wavSize}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(res.bytes.equals(wav.subarray(start, end + 1))).toBe(true);
    });
  }

  it('answers 416 with Content-Range */size when the range starts past the end', async () => {
    for (const header of [
      `bytes=${wavSize}-`,
      `bytes=${wavSize + 10}-${wavSize + 20}`,
      'bytes=-0',
    ]) {
      const res = await fetch(wavUrl, { headers: { Range: header } });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${wavSize}`);
      await res.arrayBuffer();
    }
  });

  it('ignores multi-range, malformed and stale If-Range requests and sends the whole file', async () => {
    for (const headers of [
      { Range: 'bytes=0-1,5-6' },
      { Range: 'bytes=abc' },
      { Range: 'bytes=9-3' },
      { Range: 'bytes=0-9', 'If-Range': '"stale"' },
    ] as Record<string, string>[]) {
      const res = await download(wavUrl, { headers });
      expect(res.status).toBe(200);
      expect(res.bytes.length).toBe(wavSize);
    }
  });

  it('honours If-Range with the current ETag', async () => {
    const etag = (await fetch(wavUrl, { method: 'HEAD' })).headers.get('etag') as string;
    const res = await download(wavUrl, { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(res.status).toBe(206);
    expect(res.bytes.equals(wav.subarray(0, 10))).toBe(true);
  });
});

describe('signed URLs', () => {
  it('refuses a missing or tampered signature with 403 and an OSS XML error', async () => {
    const url = new URL(wavUrl);
    const unsigned = await download(`${url.origin}${url.pathname}`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('content-type')).toBe('application/xml');
    expect(unsigned.bytes.toString()).toContain('<Code>AccessDenied</Code>');

    const tampered = new URL(wavUrl);
    tampered.searchParams.set('Signature', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    const bad = await download(tampered.toString());
    expect(bad.status).toBe(403);
    expect(bad.bytes.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');

    const later = new URL(wavUrl);
    later.searchParams.set('Expires', String(Number(later.searchParams.get('Expires')) + 3600));
    expect((await download(later.toString())).status).toBe(403);

    const otherFile = new URL(wavUrl);
    otherFile.pathname = otherFile.pathname.replace(/[^/]+$/, 'jingle-cover.png');
    expect((await download(otherFile.toString())).status).toBe(403);
  });

  it('issues URLs that expire after urlTtlSeconds', async () => {
    const short = await startDemoServer({
      mediaDir: dir,
      catalogue: { generated: 17 },
      urlTtlSeconds: 120,
    });
    try {
      const { file } = await fileUrls(short, 'bgm');
      const expires = Number(new URL(file.FileUrl as string).searchParams.get('Expires'));
      expect(Math.abs(expires - (Date.now() / 1000 + 120))).toBeLessThan(5);
    } finally {
      await short.close();
    }
  });

  it('refuses an expired URL with 403 "Request has expired"', async () => {
    const { file } = await fileUrls(server, 'bgi');
    const url = file.FileUrl as string;
    expect((await download(url)).status).toBe(200);
    // Move the server's clock two hours ahead: the one-hour URL is now stale.
    server.setFaults({ clockSkewSeconds: 7200 });
    try {
      const expired = await download(url);
      expect(expired.status).toBe(403);
      const xml = expired.bytes.toString();
      expect(xml).toContain('<Code>AccessDenied</Code>');
      expect(xml).toContain('Request has expired');
      expect(xml).toMatch(/<Expires>[^<]+<\/Expires>/);
      // Listing again gives a fresh URL that works.
      const { file: fresh } = await fileUrls(server, 'bgi');
      expect((await download(fresh.FileUrl as string)).status).toBe(200);
    } finally {
      server.setFaults({});
    }
  });
});

describe('path safety', () => {
  const attempts = [
    '/media/../shared-media.json',
    '/media/shared/../../etc/passwd',
    '/media/%2e%2e/shared-media.json',
    '/media/%2E%2E%2Fshared-media.json',
    '/media/shared/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/media/./shared/jingle.wav',
    '/media//etc/passwd',
    '/media/%2Fetc%2Fpasswd',
    '/media/shared%5c..%5c..%5cshared-media.json',
    '/media/C:%5cWindows%5cwin.ini',
    '/media/shared/jingle.wav%00.png',
    '/media/%00',
    '/media/%E0%A4%A',
    '/media/',
  ];
  for (const path of attempts) {
    it(`refuses ${path} without revealing anything`, async () => {
      const res = await rawGet(server.port, path);
      expect(res.status).toBe(400);
      expect(res.body.toString()).toContain('<Code>InvalidObjectName</Code>');
    });
  }

  it('never serves a file that is not in the catalogue, even with a valid signature for it', async () => {
    // Plant a file in the media folder: the server only serves catalogue files.
    await writeFile(join(dir, 'shared', 'planted.txt'), 'secret');
    const { file } = await fileUrls(server, 'bgm');
    const url = new URL(file.FileUrl as string);
    url.pathname = '/media/shared/planted.txt';
    const res = await download(url.toString());
    expect(res.status).toBe(403);
    expect(res.bytes.toString()).not.toContain('secret');
    expect(await readFile(join(dir, 'shared', 'planted.txt'), 'utf8')).toBe('secret');
  });

  it('never follows a symlink planted in the media folder to a file outside it', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'demo-private-'));
    await writeFile(join(outside, 'private.txt'), 'private-of-the-developer');
    const { file } = await fileUrls(server, 'bgm');
    const onDisk = join(
      dir,
      ...decodeURIComponent(new URL(file.FileUrl as string).pathname)
        .slice('/media/'.length)
        .split('/'),
    );
    await rename(onDisk, `${onDisk}.aside`);
    try {
      await symlink(join(outside, 'private.txt'), onDisk);
      const res = await download(file.FileUrl as string);
      expect(res.bytes.toString()).not.toContain('private-of-the-developer');
      expect(res.status).toBe(404);
    } finally {
      await rm(onDisk, { force: true });
      await rename(`${onDisk}.aside`, onDisk);
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(wavUrl, { method: 'DELETE' });
    expect(res.status).toBe(405);
    await res.arrayBuffer();
  });
});

describe('the big benchmark file', () => {
  it('streams bigFileBytes bytes, supports ranges, and needs no signature', async () => {
    const full = await download(`${server.url}/media/big.bin`);
    expect(full.status).toBe(200);
    expect(full.bytes.length).toBe(BIG);
    expect(full.headers.get('content-length')).toBe(String(BIG));
    // Incompressible content: not a repeated short pattern.
    expect(full.bytes.subarray(0, 4096).equals(full.bytes.subarray(4096, 8192))).toBe(false);
    const start = (1 << 20) - 10;
    const part = await download(`${server.url}/media/big.bin`, {
      headers: { Range: `bytes=${start}-${start + 99}` },
    });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(full.bytes.subarray(start, start + 100))).toBe(true);
    const tail = await download(`${server.url}/media/big.bin`, { headers: { Range: 'bytes=-5' } });
    expect(tail.bytes.equals(full.bytes.subarray(BIG - 5))).toBe(true);
  });

  it('is absent unless bigFileBytes is set', async () => {
    const plain = await startDemoServer({ mediaDir: dir, catalogue: { generated: 1 } });
    try {
      expect((await fetch(`${plain.url}/media/big.bin`)).status).toBe(403);
    } finally {
      await plain.close();
    }
  });
});
