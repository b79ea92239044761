import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient, IceClientConfig } from '../../../../electron/services/ice/ice-client';
import { DOCUMENTED_TAGS, documentedTagsFor } from '../../../../shared/tags';
import { catalogue, mediaInfo, sendJson, startTestServer } from './helpers/test-server';
import type { TestServer } from './helpers/test-server';
import { rejectionOf as caught } from '../../../support/app-error';

const credentials = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'test-secret-value' };

let server: TestServer;
let clients: IceClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await server.close();
});

function client(overrides: Partial<IceClientConfig> = {}): IceClient {
  const c = createIceClient({
    endpoint: server.endpoint,
    credentials,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
  clients.push(c);
  return c;
}

describe('listPublicMediaBasicInfos', () => {
  it('sends all seven parameters, signed with V3, and normalizes the page', async () => {
    server.handle((req, res) =>
      sendJson(res, 200, {
        RequestId: 'req-1',
        TotalCount: 1,
        NextToken: 'abc+/==',
        MaxResults: 5,
        MediaInfos: [mediaInfo('m1')],
      }),
    );
    const page = await client().listPublicMediaBasicInfos({
      businessType: 'sticker',
      mediaTagId: 'sticker-cute',
      nextToken: 'tok+en/with=',
      maxResults: 5,
      pageNo: 2,
      pageSize: 20,
      includeFileBasicInfo: true,
    });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.action).toBe('ListPublicMediaBasicInfos');
    expect(req.headers['x-acs-version']).toBe('2020-11-09');
    expect(req.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI-test-id,/);
    expect(req.rawQuery).toBe(
      'BusinessType=sticker&IncludeFileBasicInfo=true&MaxResults=5&MediaTagId=sticker-cute' +
        '&NextToken=tok%2Ben%2Fwith%3D&PageNo=2&PageSize=20',
    );
    expect(page.requestId).toBe('req-1');
    expect(page.nextToken).toBe('abc+/==');
    expect(page.items[0]).toMatchObject({
      mediaId: 'm1',
      title: '贴纸 1',
      tags: ['sticker-cute', 'sticker-daily'],
      files: [{ fileName: 'm1.png', fileSize: 1000, width: 512, height: 512, duration: null }],
    });
  });

  it('sends unsigned calls without credentials', async () => {
    server.handle((req, res) => sendJson(res, 200, { RequestId: 'r', TotalCount: 0 }));
    const page = await client({ credentials: undefined }).listPublicMediaBasicInfos({});
    expect(page.items).toEqual([]);
    const req = server.requests[0]!;
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers['x-acs-action']).toBe('ListPublicMediaBasicInfos');
  });

  it('signs with V1 in the query when asked', async () => {
    server.handle((req, res) => sendJson(res, 200, { RequestId: 'r', TotalCount: 0 }));
    await client({ signatureMethod: 'v1' }).listPublicMediaBasicInfos({ pageSize: 10 });
    const q = server.requests[0]!.query;
    expect(q.get('Action')).toBe('ListPublicMediaBasicInfos');
    expect(q.get('SignatureMethod')).toBe('HMAC-SHA1');
    expect(q.get('AccessKeyId')).toBe('LTAI-test-id');
    expect(q.get('Signature')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('rejects out-of-range paging before any call', async () => {
    const err = await caught(client().listPublicMediaBasicInfos({ pageSize: 101 }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(server.requests).toHaveLength(0);
  });

  it('names the field when the response is not the documented shape', async () => {
    const infos = [mediaInfo('a'), mediaInfo('b'), mediaInfo('c'), mediaInfo('d')];
    (infos[3]!.MediaBasicInfo as Record<string, unknown>).Title = { zh: 'x' };
    server.handle((_req, res) => sendJson(res, 200, { TotalCount: 4, MediaInfos: infos }));
    const err = await caught(client().listPublicMediaBasicInfos({}));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('MediaInfos[3].MediaBasicInfo.Title: expected string');
  });
});

describe('listAllMedia', () => {
  it('fetches PageNo pages concurrently (at most 8 at once) and yields items in order', async () => {
    const answer = catalogue(1050);
    let inFlight = 0;
    let maxInFlight = 0;
    server.handle(async (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Later pages answer sooner, so out-of-order arrival is certain.
      const pageNo = Number(req.query.get('PageNo'));
      await new Promise((r) => setTimeout(r, 40 - pageNo * 3));
      inFlight--;
      sendJson(res, 200, answer(req));
    });
    const ids: string[] = [];
    for await (const item of client().listAllMedia({ businessType: 'sticker' })) {
      ids.push(item.mediaId);
    }
    expect(ids).toEqual(Array.from({ length: 1050 }, (_, i) => `media-${i + 1}`));
    expect(server.requests).toHaveLength(11);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(8);
  });

  it('shares its page limit between listings that run side by side', async () => {
    const answer = catalogue(400);
    let inFlight = 0;
    let maxInFlight = 0;
    server.handle(async (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      sendJson(res, 200, answer(req));
    });
    const shared = client({ listConcurrency: 3 });
    const count = async (businessType: 'sticker' | 'bgm') => {
      let n = 0;
      for await (const _item of shared.listAllMedia({ businessType, pageSize: 20 })) n++;
      return n;
    };
    expect(await Promise.all([count('sticker'), count('bgm')])).toEqual([400, 400]);
    expect(server.requests).toHaveLength(40);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(3);
  });

  // A page holds one of the listing's places while it is on the wire and while it is throttled or
  // failing, and gives it up once a good answer is in, so its parsing overlaps the next request.
  const pagesAsked = async (firstAnswerOfPage2: (res: ServerResponse) => void) => {
    const answer = catalogue(300);
    const order: number[] = [];
    server.handle((req, res) => {
      const pageNo = Number(req.query.get('PageNo'));
      order.push(pageNo);
      if (pageNo === 2 && order.filter((n) => n === 2).length === 1) firstAnswerOfPage2(res);
      else sendJson(res, 200, answer(req));
    });
    const ids: string[] = [];
    const one = client({ listConcurrency: 1 });
    for await (const item of one.listAllMedia({ pageSize: 100 })) ids.push(item.mediaId);
    expect(ids).toHaveLength(300);
    return order;
  };

  it('keeps a throttled page in its place through its back-off', async () => {
    const order = await pagesAsked((res) =>
      sendJson(res, 429, { Code: 'Throttling.User' }, { 'x-acs-retry-after': '0' }),
    );
    expect(order).toEqual([1, 2, 2, 3]);
  });

  it('frees the place of a page once its answer is in: an unreadable one asks again after the next', async () => {
    const order = await pagesAsked((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"TotalCount":300,"MediaInfos":[');
    });
    expect(order).toEqual([1, 2, 3, 2]);
  });

  it('asks for the pages it expects together with the first, and reads what the first one’s total says', async () => {
    const answer = catalogue(250); // three pages of 100
    const list = async (expectedTotal: number) => {
      server.requests.length = 0;
      let askedWhenFirstAnswered: number[] = [];
      server.handle(async (req, res) => {
        if (req.query.get('PageNo') === '1') {
          // Answered once the other expected pages are asked for (or, if they never are, after
          // a second, so that the assertion below fails instead of the test hanging).
          const until = Date.now() + 1_000;
          while (server.requests.length < Math.ceil(expectedTotal / 100) && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 5));
          }
          askedWhenFirstAnswered = server.requests.map((r) => Number(r.query.get('PageNo')));
        }
        sendJson(res, 200, answer(req));
      });
      const ids: string[] = [];
      for await (const item of client().listAllMedia({ pageSize: 100 }, { expectedTotal })) {
        ids.push(item.mediaId);
      }
      expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => `media-${i + 1}`));
      return askedWhenFirstAnswered.sort((a, b) => a - b);
    };
    // A guess too high: five pages asked at once, the two the catalogue no longer has unread.
    expect(await list(500)).toEqual([1, 2, 3, 4, 5]);
    // A guess too low: the first page's total still brings the rest.
    expect(await list(100)).toEqual([1]);
  });

  it('follows NextToken pages whose tokens contain + / =', async () => {
    const answer = catalogue(25);
    server.handle((req, res) => sendJson(res, 200, answer(req)));
    const ids: string[] = [];
    for await (const item of client().listAllMedia({ maxResults: 10 })) ids.push(item.mediaId);
    expect(ids).toHaveLength(25);
    expect(ids[24]).toBe('media-25');
    expect(server.requests.map((r) => r.query.get('NextToken'))).toEqual([
      null,
      'p+/10==',
      'p+/20==',
    ]);
  });

  it('stops fetching when the consumer breaks out', async () => {
    const answer = catalogue(5000);
    server.handle(async (req, res) => {
      await new Promise((r) => setTimeout(r, 20));
      sendJson(res, 200, answer(req));
    });
    let count = 0;
    for await (const _item of client({ listConcurrency: 2 }).listAllMedia({ pageSize: 10 })) {
      if (++count === 15) break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests.length).toBeLessThan(10);
  });

  it('fails the iteration with the failing page’s error', async () => {
    const answer = catalogue(300);
    server.handle((req, res) => {
      if (req.query.get('PageNo') === '2') {
        sendJson(res, 403, { Code: 'Forbidden.RAM', Message: 'no', RequestId: 'req-403' });
      } else sendJson(res, 200, answer(req));
    });
    const seen: string[] = [];
    const err = await caught(
      (async () => {
        for await (const item of client().listAllMedia({})) seen.push(item.mediaId);
      })(),
    );
    expect(err.code).toBe('AUTH_FORBIDDEN');
    expect(err.requestId).toBe('req-403');
    expect(seen).toHaveLength(100);
  });
});

describe('retries', () => {
  it('retries throttling after x-acs-retry-after, with a fresh nonce and signature', async () => {
    let calls = 0;
    server.handle((_req, res) => {
      if (++calls <= 2) {
        sendJson(
          res,
          400,
          { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
          { 'x-acs-retry-after': '0' },
        );
      } else sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 });
    });
    const page = await client().listPublicMediaBasicInfos({});
    expect(page.requestId).toBe('ok');
    const nonces = server.requests.map((r) => r.headers['x-acs-signature-nonce']);
    expect(new Set(nonces).size).toBe(3);
    expect(new Set(server.requests.map((r) => r.headers.authorization)).size).toBe(3);
  });

  it('waits as long as Retry-After says', async () => {
    let calls = 0;
    server.handle((_req, res) => {
      if (++calls === 1) sendJson(res, 429, { Code: 'Throttling' }, { 'retry-after': '1' });
      else sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 });
    });
    await client().listPublicMediaBasicInfos({});
    const gap = server.requests[1]!.receivedAt - server.requests[0]!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('gives THROTTLED with the wait when Retry-After exceeds the cap', async () => {
    server.handle((_req, res) =>
      sendJson(
        res,
        400,
        { Code: 'Throttling.User', RequestId: 'req-t' },
        { 'x-acs-retry-after': '120' },
      ),
    );
    const err = await caught(client().listPublicMediaBasicInfos({}));
    expect(err.code).toBe('THROTTLED');
    expect(err.retryAfterSeconds).toBe(120);
    expect(err.message).toContain('Too many requests');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['a 500', (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => sendJson(res, 500, {})],
    [
      'ServiceUnavailable',
      (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) =>
        sendJson(res, 503, { Code: 'ServiceUnavailable' }),
    ],
    [
      'a reset connection',
      (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => res.socket?.destroy(),
    ],
    [
      'a body cut short of its Content-Length',
      (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"RequestId":"x","TotalCount":1,"Media');
        setTimeout(() => res.socket?.destroy(), 10);
      },
    ],
    [
      'truncated JSON',
      (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"RequestId":"x","TotalCount":1,"MediaInfos":[{"Med');
      },
    ],
  ])('recovers from %s', async (_name, fault) => {
    let calls = 0;
    server.handle((_req, res) => {
      if (++calls === 1) fault(res);
      else sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 });
    });
    const page = await client().listPublicMediaBasicInfos({});
    expect(page.requestId).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('asks for compression and reads a %s body', async (encoding, compress) => {
    const answer = catalogue(30);
    server.handle((req, res) => {
      const body = compress(Buffer.from(JSON.stringify(answer(req))));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(body);
    });
    const page = await client().listPublicMediaBasicInfos({ pageSize: 20 });
    expect(page.items.map((i) => i.mediaId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `media-${i + 1}`),
    );
    expect(server.requests[0]!.headers['accept-encoding']).toContain(encoding);
  });

  it('refuses a response over the size cap, on the wire or once decompressed', async () => {
    const big = JSON.stringify({ RequestId: 'x', TotalCount: 0, Pad: 'a'.repeat(50_000) });
    let compressed = false;
    server.handle((_req, res) => {
      if (compressed) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.from(big))); // a few hundred bytes on the wire
      } else sendJson(res, 200, JSON.parse(big));
    });
    const small = client({ maxResponseBytes: 10_000 });
    const onTheWire = await caught(small.listPublicMediaBasicInfos({}));
    expect(onTheWire.code).toBe('BAD_RESPONSE');
    expect(onTheWire.message).toContain('too large');
    compressed = true;
    const inflated = await caught(small.listPublicMediaBasicInfos({}));
    expect(inflated.code).toBe('BAD_RESPONSE');
    expect(inflated.message).toContain('too large');
    expect(server.requests).toHaveLength(2); // not retried
  });

  it('gives up after the retry limit with SERVER_ERROR and the RequestId', async () => {
    server.handle((_req, res) =>
      sendJson(res, 500, { Code: 'InternalError', Message: 'boom', RequestId: 'req-500' }),
    );
    const err = await caught(
      client({ retry: { limit: 2, baseDelayMs: 1 } }).listPublicMediaBasicInfos({}),
    );
    expect(err.code).toBe('SERVER_ERROR');
    expect(err.requestId).toBe('req-500');
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a wrong secret', async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, { Code: 'SignatureDoesNotMatch', RequestId: 'r9' }),
    );
    const err = await caught(client().listPublicMediaBasicInfos({}));
    expect(err.code).toBe('AUTH_SIGNATURE_MISMATCH');
    expect(err.message).toBe('The AccessKey secret does not match this AccessKey id.');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a silent server', async () => {
    server.handle(() => undefined);
    const err = await caught(
      client({
        timeouts: { responseMs: 150 },
        retry: { limit: 1, baseDelayMs: 1 },
      }).listPublicMediaBasicInfos({}),
    );
    expect(err.code).toBe('TIMEOUT');
    expect(server.requests).toHaveLength(2);
  });

  it('cancels on abort, including during a backoff wait', async () => {
    server.handle((_req, res) => sendJson(res, 503, { Code: 'ServiceUnavailable' }));
    const controller = new AbortController();
    const pending = client({
      retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 },
    }).listPublicMediaBasicInfos({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await caught(pending);
    expect(err.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('clock skew', () => {
  const skewMs = 20 * 60_000;
  function skewedServer(sendDate: boolean) {
    server.handle((req, res) => {
      const serverNow = Date.now() + skewMs;
      const sent = Date.parse(req.headers['x-acs-date'] ?? '');
      const dateHeader: Record<string, string> = sendDate
        ? { date: new Date(serverNow).toUTCString() }
        : {};
      if (Math.abs(serverNow - sent) > 15 * 60_000) {
        sendJson(
          res,
          400,
          { Code: 'InvalidTimeStamp.Expired', RequestId: 'req-clock' },
          dateHeader,
        );
      } else {
        sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 }, dateHeader);
      }
    });
  }

  it('measures the offset from Date, retries once and keeps the offset', async () => {
    skewedServer(true);
    const c = client();
    await c.listPublicMediaBasicInfos({});
    expect(server.requests).toHaveLength(2);
    expect(Math.abs(c.clockOffsetMs - skewMs)).toBeLessThan(2_000);
    await c.listPublicMediaBasicInfos({});
    expect(server.requests).toHaveLength(3);
  });

  it('says how far off the clock is when correction is impossible', async () => {
    server.handle((_req, res) =>
      sendJson(
        res,
        400,
        { Code: 'InvalidTimeStamp.Expired', RequestId: 'req-clock' },
        {
          date: new Date(Date.now() + skewMs).toUTCString(),
        },
      ),
    );
    const err = await caught(client().listPublicMediaBasicInfos({}));
    expect(err.code).toBe('AUTH_CLOCK_SKEW');
    expect(err.message).toContain("Your computer's clock is off by 20 minutes");
    expect(err.requestId).toBe('req-clock');
  });

  it('without a Date header, reports the skew', async () => {
    skewedServer(false);
    const err = await caught(client().listPublicMediaBasicInfos({}));
    expect(err.code).toBe('AUTH_CLOCK_SKEW');
  });
});

describe('listAllPublicMediaTags', () => {
  it('assigns names by script, not by field name', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        RequestId: 'r',
        MediaTagList: [
          { MediaTagId: 'sticker-cute', MediaTagNameChinese: 'Cute', MediaTagNameEnglish: '可爱' },
          { MediaTagId: 'sticker-new', MediaTagNameChinese: '新的', MediaTagNameEnglish: 'New' },
        ],
      }),
    );
    const tags = await client().listAllPublicMediaTags('sticker');
    expect(tags).toEqual([
      { id: 'sticker-cute', businessType: 'sticker', nameZh: '可爱', nameEn: 'Cute' },
      { id: 'sticker-new', businessType: 'sticker', nameZh: '新的', nameEn: 'New' },
    ]);
    expect(server.requests[0]!.query.get('BusinessType')).toBe('sticker');
  });

  it('falls back to the documented tags on failure or an empty list', async () => {
    server.handle((_req, res) => sendJson(res, 404, { Code: 'InvalidAction.NotFound' }));
    expect(await client().listAllPublicMediaTags('bgm')).toEqual(documentedTagsFor('bgm'));
    server.handle((_req, res) => sendJson(res, 200, { RequestId: 'r', MediaTagList: [] }));
    expect(await client().listAllPublicMediaTags()).toEqual([...DOCUMENTED_TAGS]);
  });
});

describe('getPublicMediaInfo', () => {
  it('returns the normalized item', async () => {
    server.handle((req, res) =>
      sendJson(res, 200, { RequestId: 'r', MediaInfo: mediaInfo(req.query.get('MediaId') ?? '') }),
    );
    const item = await client().getPublicMediaInfo('abc/+ 1');
    expect(item.mediaId).toBe('abc/+ 1');
    expect(server.requests[0]!.rawQuery).toBe('MediaId=abc%2F%2B%201');
  });

  it('maps a missing media to NOT_FOUND', async () => {
    server.handle((_req, res) =>
      sendJson(res, 404, { Code: 'InvalidParameter.NotFound', RequestId: 'r404' }),
    );
    const err = await caught(client().getPublicMediaInfo('nope'));
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('endpoint', () => {
  it('maps a region to its https endpoint and refuses other schemes', () => {
    const c = createIceClient({ endpoint: 'cn-shanghai' });
    clients.push(c);
    expect(c.endpoint.origin).toBe('https://ice.cn-shanghai.aliyuncs.com');
    expect(() =>
      createIceClient({ endpoint: { scheme: 'ftp' as 'http', host: 'example.com' } }),
    ).toThrow(expect.objectContaining({ code: 'UNSAFE_URL' }));
    expect(() => createIceClient({ endpoint: 'mars-1' as 'cn-beijing' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
