import { afterAll, afterEach, beforeAll, describe, inject, expect, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import type { IncomingApiRequest } from '../../../electron/demo-library/server-types';
import { callApi, download } from './helpers/http';

type Json = Record<string, unknown>;
const TAGS = { Action: 'ListAllPublicMediaTags' };

let dir: string;
let server: DemoServer;
const seen: IncomingApiRequest[] = [];

beforeAll(async () => {
  dir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
  server = await startDemoServer({
    mediaDir: dir,
    catalogue: { generated: 40 },
    verifier: (request) => {
      seen.push(request);
      return { ok: true, accessKeyId: null };
    },
  });
});

afterEach(() => server.setFaults({}));

afterAll(async () => {
  await server?.close();
});

const api = (params: Record<string, string> = TAGS) =>
  fetch(`${server.url}/?${new URLSearchParams(params)}`);

async function someFileUrl(): Promise<string> {
  const { body } = await callApi(server.url, {
    Action: 'ListPublicMediaBasicInfos',
    BusinessType: 'bgm',
    PageSize: '1',
    IncludeFileBasicInfo: 'true',
  });
  const media = (body.MediaInfos as Json[])[0] as Json;
  return (((media.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json).FileUrl as string;
}

describe('counted API faults', () => {
  it('throttle answers Throttling.User with x-acs-retry-after for the next N requests', async () => {
    server.setFaults({ throttle: { count: 2, retryAfterSeconds: 3 } });
    for (let i = 0; i < 2; i++) {
      const res = await api();
      expect(res.status).toBe(400);
      expect(res.headers.get('x-acs-retry-after')).toBe('3');
      const body = (await res.json()) as Json;
      expect(body.Code).toBe('Throttling.User');
      expect(Object.keys(body).sort()).toEqual([
        'Code',
        'HostId',
        'Message',
        'Recommend',
        'RequestId',
      ]);
    }
    const after = await api();
    expect(after.status).toBe(200);
    expect(after.headers.get('x-acs-retry-after')).toBeNull();
    await after.arrayBuffer();
  });

  it('a list of waits gives each throttled answer its own, the last one repeating', async () => {
    server.setFaults({ throttle: { count: 4, retryAfterSeconds: [0, 1, 5] } });
    const waits: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      const res = await api();
      waits.push(res.headers.get('x-acs-retry-after'));
      await res.arrayBuffer();
    }
    expect(waits).toEqual(['0', '1', '5', '5', null]);
  });

  it('hold keeps API requests unanswered until a plan without it is set', async () => {
    server.setFaults({ hold: true });
    const mark = server.requestLog().length;
    let answered = false;
    const pending = api().then((res) => {
      answered = true;
      return res;
    });
    // The request has arrived (it is logged) and still has no answer.
    await expect.poll(() => server.requestLog().length).toBe(mark + 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    server.setFaults({});
    const res = await pending;
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it('serverError answers InternalError (500) or ServiceUnavailable (503)', async () => {
    server.setFaults({ serverError: { count: 1 } });
    const first = await callApi(server.url, TAGS);
    expect(first.status).toBe(500);
    expect(first.body.Code).toBe('InternalError');
    server.setFaults({ serverError: { count: 1, status: 503 } });
    const second = await callApi(server.url, TAGS);
    expect(second.status).toBe(503);
    expect(second.body.Code).toBe('ServiceUnavailable');
    expect((await callApi(server.url, TAGS)).status).toBe(200);
  });

  it('wrongShape answers 200 with a body that is not the documented shape', async () => {
    server.setFaults({ wrongShape: { count: 3 } });
    const list = await callApi(server.url, { Action: 'ListPublicMediaBasicInfos' });
    expect(list.status).toBe(200);
    expect(typeof list.body.MediaInfos).toBe('string');
    const tags = await callApi(server.url, TAGS);
    expect(typeof tags.body.MediaTagList).toBe('string');
    const { body: one } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageSize: '1',
    });
    expect(Array.isArray(one.MediaInfos)).toBe(false);
    const { body: normal } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageSize: '1',
    });
    expect(Array.isArray(normal.MediaInfos)).toBe(true);
  });

  it('truncatedJson sends valid headers and half a JSON body', async () => {
    server.setFaults({ truncatedJson: { count: 1 } });
    const res = await api({ Action: 'ListPublicMediaBasicInfos' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(text)).toThrow();
    expect((await callApi(server.url, TAGS)).status).toBe(200);
  });

  it('cutBody drops the connection partway through an API body', async () => {
    server.setFaults({ cutBody: { count: 1, afterBytes: 20 } });
    const res = await api({ Action: 'ListPublicMediaBasicInfos', PageSize: '50' });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect((await callApi(server.url, TAGS)).status).toBe(200);
  });

  it('applies at most one counted fault per request, in a fixed order', async () => {
    server.setFaults({
      throttle: { count: 2, retryAfterSeconds: 1 },
      serverError: { count: 1 },
      wrongShape: { count: 1 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api();
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([400, 400, 500, 200, 200]);
    const log = server.requestLog().slice(-5);
    expect(log.map((e) => e.status)).toEqual(statuses);
  });

  it('faults given at start apply from the first request, and setFaults replaces the plan', async () => {
    const faulty = await startDemoServer({
      mediaDir: dir,
      catalogue: { generated: 5 },
      faults: { serverError: { count: 5 } },
    });
    try {
      expect((await callApi(faulty.url, TAGS)).status).toBe(500);
      faulty.setFaults({});
      expect((await callApi(faulty.url, TAGS)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

describe('file faults', () => {
  it('holdFiles sends the first bytes of a file, then the rest only once released', async () => {
    const url = await someFileUrl();
    const whole = (await download(url)).bytes;
    server.setFaults({ holdFiles: { afterBytes: 1000 } });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = 0;
    while (received < 1000) received += (await reader.read()).value?.length ?? 0;
    expect(received).toBe(1000);
    // Nothing more arrives while held: the next read is still pending after the server idles.
    let more = false;
    const next = reader.read().then((chunk) => {
      more = true;
      return chunk;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(more).toBe(false);
    server.setFaults({});
    const chunks = [Buffer.from((await next).value ?? [])];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
    }
    const rest = Buffer.concat(chunks);
    expect(Buffer.concat([whole.subarray(0, 1000), rest]).equals(whole)).toBe(true);
  });

  it('cutBody with target file cuts a download and leaves API requests alone', async () => {
    const url = await someFileUrl();
    server.setFaults({ cutBody: { count: 1, afterBytes: 1000, target: 'file' } });
    expect((await callApi(server.url, TAGS)).status).toBe(200);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    await expect(res.arrayBuffer()).rejects.toThrow();
    const again = await download(url);
    expect(again.bytes.length).toBe(Number(again.headers.get('content-length')));
  });

  it('API faults are not consumed by file requests', async () => {
    const url = await someFileUrl();
    server.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 } });
    expect((await download(url)).status).toBe(200);
    expect((await callApi(server.url, TAGS)).status).toBe(400);
  });
});

describe('latency, clock and URL expiry', () => {
  it('latencyMs delays API and file responses', async () => {
    const url = await someFileUrl();
    server.setFaults({ latencyMs: 150 });
    let start = performance.now();
    await callApi(server.url, TAGS);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    start = performance.now();
    await download(url, { method: 'HEAD' });
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('clockSkewSeconds moves the Date header, the verifier clock and URL expiry', async () => {
    const skew = -3 * 3600;
    server.setFaults({ clockSkewSeconds: skew });
    const { headers, body } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageSize: '1',
    });
    const now = Date.now();
    expect(Math.abs(Date.parse(headers.get('date') ?? '') - (now + skew * 1000))).toBeLessThan(
      5000,
    );
    expect(
      Math.abs((seen.at(-1) as IncomingApiRequest).receivedAt - (now + skew * 1000)),
    ).toBeLessThan(5000);
    const cover = ((body.MediaInfos as Json[])[0] as Json).MediaBasicInfo as Json;
    const expires = Number(new URL(cover.CoverURL as string).searchParams.get('Expires'));
    expect(Math.abs(expires - (now / 1000 + skew + 3600))).toBeLessThan(5);
    // The server judges expiry by its own clock, so its URL still works for it.
    expect((await download(cover.CoverURL as string)).status).toBe(200);
  });

  it('expireUrlsNow issues file and cover URLs that are already expired', async () => {
    server.setFaults({ expireUrlsNow: true });
    const { body } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageSize: '3',
      IncludeFileBasicInfo: 'true',
    });
    for (const media of body.MediaInfos as Json[]) {
      const cover = (media.MediaBasicInfo as Json).CoverURL as string;
      const file = (((media.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json)
        .FileUrl as string;
      for (const url of [cover, file]) {
        expect(Number(new URL(url).searchParams.get('Expires'))).toBeLessThan(Date.now() / 1000);
        const res = await download(url);
        expect(res.status).toBe(403);
        expect(res.bytes.toString()).toContain('Request has expired');
      }
    }
    server.setFaults({});
    expect((await download(await someFileUrl())).status).toBe(200);
  });
});
