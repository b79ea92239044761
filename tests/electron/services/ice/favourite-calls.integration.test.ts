// The favourite-media calls of the client against the real demo server behind a signature
// verifier: batching, paging, each account's own list, refusals of unsigned calls, throttling
// and malformed answers.

import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer } from '../../../../electron/demo-library/index';
import { createSignatureVerifier } from '../../../../electron/demo-library/verify-signature';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient, IceClientConfig } from '../../../../electron/services/ice/ice-client';
import {
  FAVOURITE_BATCH,
  FAVOURITE_PAGE_SIZE,
} from '../../../../electron/services/ice/favourite-calls';
import { rejectionOf as rejection } from '../../../support/app-error';
import { sendJson, startTestServer } from './helpers/test-server';

const KEY = { accessKeyId: 'LTAI-fav-it', accessKeySecret: 'fav-it-secret' };
const OTHER = { accessKeyId: 'LTAI-fav-other', accessKeySecret: 'fav-other-secret' };

let mediaDir: string;
const servers: DemoServer[] = [];
const clients: IceClient[] = [];

beforeAll(() => {
  mediaDir = inject('demoMediaDir');
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function demo(
  options: Partial<Parameters<typeof startDemoServer>[0]> = {},
): Promise<DemoServer> {
  const server = await startDemoServer({
    mediaDir,
    catalogue: { generated: 250 },
    verifier: createSignatureVerifier({
      credentials: [KEY, OTHER],
      anonymousActions: ['ListPublicMediaBasicInfos', 'ListAllPublicMediaTags'],
    }),
    ...options,
  });
  servers.push(server);
  return server;
}

function clientFor(server: DemoServer, config: Partial<IceClientConfig> = {}): IceClient {
  const client = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
    credentials: KEY,
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
    ...config,
  });
  clients.push(client);
  return client;
}

async function catalogueIds(client: IceClient, count: number): Promise<string[]> {
  const page = await client.listPublicMediaBasicInfos({ pageNo: 1, pageSize: 100 });
  const more = await client.listPublicMediaBasicInfos({ pageNo: 2, pageSize: 100 });
  return [...page.items, ...more.items].map((i) => i.mediaId).slice(0, count);
}

describe('favourite calls against the demo server', () => {
  it('adds in batches, lists every page with Favorite=true, and cancels', async () => {
    const server = await demo();
    const client = clientFor(server);
    const ids = await catalogueIds(client, 120);

    const added = await client.addFavoritePublicMedia([...ids, 'icepublic-not-in-library']);
    expect(added.ignored).toEqual(['icepublic-not-in-library']);
    expect(new Set(server.favouritesOf(KEY.accessKeyId))).toEqual(new Set(ids));
    const addCalls = server.requestLog().filter((e) => e.action === 'AddFavoritePublicMedia');
    // 121 ids: three calls, none over the batch size.
    expect(addCalls.map((e) => e.query.MediaIds?.split(',').length)).toEqual([
      FAVOURITE_BATCH,
      FAVOURITE_BATCH,
      121 - 2 * FAVOURITE_BATCH,
    ]);

    const listed = await client.listFavoritePublicMedia();
    expect(new Set(listed)).toEqual(new Set(ids));
    expect(listed).toHaveLength(ids.length);
    const searches = server.requestLog().filter((e) => e.action === 'SearchPublicMediaInfo');
    expect(searches.map((e) => [e.query.Favorite, e.query.PageNo, e.query.PageSize])).toEqual([
      ['true', '1', String(FAVOURITE_PAGE_SIZE)],
      ['true', '2', String(FAVOURITE_PAGE_SIZE)],
      ['true', '3', String(FAVOURITE_PAGE_SIZE)],
    ]);

    const some = ids.slice(0, 3);
    const page = await client.searchPublicMediaInfo({ mediaIds: [...some, ids[200] ?? 'x'] });
    expect(page.items.filter((i) => i.favourite).map((i) => i.mediaId)).toEqual(
      expect.arrayContaining(some),
    );

    const cancelled = await client.cancelFavoritePublicMedia([...some, 'icepublic-never-added']);
    expect(cancelled.ignored).toEqual(['icepublic-never-added']);
    expect(server.favouritesOf(KEY.accessKeyId)).toHaveLength(ids.length - 3);
    expect(await client.listFavoritePublicMedia()).not.toContain(some[0]);
  });

  it('keeps each account its own favourites', async () => {
    const server = await demo();
    const mine = clientFor(server);
    const theirs = clientFor(server, { credentials: OTHER });
    const [a, b] = await catalogueIds(mine, 2);
    await mine.addFavoritePublicMedia([a ?? '']);
    await theirs.addFavoritePublicMedia([b ?? '']);
    expect(await mine.listFavoritePublicMedia()).toEqual([a]);
    expect(await theirs.listFavoritePublicMedia()).toEqual([b]);
  });

  it('is refused unsigned, with the service code kept, by the verifier and by the bare demo', async () => {
    for (const server of [await demo(), await demo({ verifier: undefined })]) {
      const anonymous = clientFor(server, { credentials: undefined });
      for (const call of [
        anonymous.addFavoritePublicMedia(['icepublic-1']),
        anonymous.cancelFavoritePublicMedia(['icepublic-1']),
        anonymous.listFavoritePublicMedia(),
      ]) {
        const error = await rejection(call);
        expect(error.code).toBe('AUTH_REQUIRED');
        expect(error.serviceCode).toBe('MissingParameter');
        expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
      }
    }
  });

  it('rejects bad ids before any call', async () => {
    const server = await demo();
    const client = clientFor(server);
    for (const ids of [[''], ['a,b'], ['x'.repeat(129)]]) {
      expect((await rejection(client.addFavoritePublicMedia(ids))).code).toBe('INVALID_INPUT');
    }
    expect(server.requestLog()).toHaveLength(0);
  });

  it('retries a short throttle and hands a long one back as THROTTLED with the wait', async () => {
    const server = await demo({ faults: { throttle: { count: 2, retryAfterSeconds: 0 } } });
    const client = clientFor(server);
    const [id] = await catalogueIds(client, 1);
    server.setFaults({ throttle: { count: 2, retryAfterSeconds: 0 } });
    await client.addFavoritePublicMedia([id ?? '']);
    expect(server.favouritesOf(KEY.accessKeyId)).toEqual([id]);

    server.setFaults({ throttle: { count: 10, retryAfterSeconds: 120 } });
    const error = await rejection(client.cancelFavoritePublicMedia([id ?? '']));
    expect(error.code).toBe('THROTTLED');
    expect(error.serviceCode).toBe('Throttling.User');
    expect(error.retryAfterSeconds).toBe(120);
    expect(server.favouritesOf(KEY.accessKeyId)).toEqual([id]);
  });

  it('names the field of a malformed answer', async () => {
    const server = await demo();
    const client = clientFor(server);
    server.setFaults({ wrongShape: { count: 1 } });
    const error = await rejection(client.listFavoritePublicMedia());
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('PublicMediaInfos');
    const [id] = await catalogueIds(client, 1);
    server.setFaults({ wrongShape: { count: 1 } });
    expect((await rejection(client.addFavoritePublicMedia([id ?? '']))).message).toContain(
      'IgnoredList',
    );
  });

  it('reports a server that is down as a network error', async () => {
    const server = await demo();
    const client = clientFor(server, { retry: { limit: 0 } });
    await server.close();
    expect((await rejection(client.addFavoritePublicMedia(['icepublic-1']))).code).toBe('NETWORK');
  });
});

describe('favourite listing against a stand-in server', () => {
  it('stops with BAD_RESPONSE when the service ignores PageNo and repeats a full page', async () => {
    const page = Array.from({ length: FAVOURITE_PAGE_SIZE }, (_, i) => ({
      Favorite: true,
      MediaInfo: { MediaId: `icepublic-${i}` },
    }));
    const server = await startTestServer((_req, res) =>
      sendJson(res, 200, { RequestId: 'R', PublicMediaInfos: page }),
    );
    const client = createIceClient({ endpoint: server.endpoint, credentials: KEY });
    clients.push(client);
    try {
      const error = await rejection(client.listFavoritePublicMedia());
      expect(error.code).toBe('BAD_RESPONSE');
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('reads lenient shapes: booleans as strings, the id only in MediaBasicInfo, no TotalCount', async () => {
    const server = await startTestServer((_req, res) =>
      sendJson(res, 200, {
        RequestId: 'R',
        PublicMediaInfos: [
          { Favorite: 'true', MediaInfo: { MediaBasicInfo: { MediaId: 'icepublic-a' } } },
          { Favorite: false, MediaInfo: { MediaId: 'icepublic-not' } },
          { MediaInfo: { MediaId: 'icepublic-b' } },
        ],
      }),
    );
    const client = createIceClient({ endpoint: server.endpoint, credentials: KEY });
    clients.push(client);
    try {
      expect(await client.listFavoritePublicMedia()).toEqual(['icepublic-a', 'icepublic-b']);
      expect(server.requests[0]?.query.get('Favorite')).toBe('true');
    } finally {
      await server.close();
    }
  });
});
