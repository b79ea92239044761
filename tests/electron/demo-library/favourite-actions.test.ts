// The demo server's favourite actions over raw HTTP: the request checks and answers the client
// relies on, each account's own list, and the refusal of anonymous requests. A stand-in verifier
// names the account from a test header (signature checks have their own tests).

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { callApi } from './helpers/http';

type Json = Record<string, unknown>;

let server: DemoServer;
let ids: string[];

beforeAll(async () => {
  server = await startDemoServer({
    mediaDir: inject('demoMediaDir'),
    catalogue: { generated: 60 },
    verifier: (request) => ({ ok: true, accessKeyId: request.headers['x-test-key'] ?? null }),
  });
  const { body } = await callApi(server.url, {
    Action: 'ListPublicMediaBasicInfos',
    PageSize: '5',
  });
  ids = (body.MediaInfos as Json[]).map((m) => m.MediaId as string);
});
afterAll(async () => {
  await server?.close();
});

const as = (key: string) => ({ headers: { 'x-test-key': key } });

describe('favourite actions', () => {
  it('adds, lists with Favorite=true (newest first), and cancels, per account', async () => {
    const [a, b, c] = ids;
    const added = await callApi(
      server.url,
      { Action: 'AddFavoritePublicMedia', MediaIds: `${a},${b},icepublic-unknown` },
      as('alice'),
    );
    expect(added.status).toBe(200);
    expect(added.body.IgnoredList).toEqual(['icepublic-unknown']);
    await callApi(server.url, { Action: 'AddFavoritePublicMedia', MediaIds: `${c}` }, as('alice'));
    expect(server.favouritesOf('alice')).toEqual([c, b, a]);
    expect(server.favouritesOf('bob')).toEqual([]);

    const page = await callApi(
      server.url,
      { Action: 'SearchPublicMediaInfo', Favorite: 'true', PageNo: '1', PageSize: '2' },
      as('alice'),
    );
    expect(page.body.TotalCount).toBe(3);
    const infos = page.body.PublicMediaInfos as Json[];
    expect(infos.map((i) => (i.MediaInfo as Json).MediaId)).toEqual([c, b]);
    expect(infos.every((i) => i.Favorite === true && i.Authorized === false)).toBe(true);

    const cancelled = await callApi(
      server.url,
      { Action: 'CancelFavoritePublicMedia', MediaIds: `${b},${ids[4]}` },
      as('alice'),
    );
    expect(cancelled.body.IgnoredList).toEqual([ids[4]]);
    expect(server.favouritesOf('alice')).toEqual([c, a]);
  });

  it('refuses anonymous requests as a request without an AccessKeyId', async () => {
    for (const Action of [
      'AddFavoritePublicMedia',
      'CancelFavoritePublicMedia',
      'SearchPublicMediaInfo',
    ]) {
      const { status, body } = await callApi(server.url, { Action, MediaIds: ids[0] ?? '' });
      expect(status).toBe(400);
      expect(body.Code).toBe('MissingParameter');
      expect(body.Message).toContain('AccessKeyId');
    }
  });

  it('checks its parameters', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ Action: 'AddFavoritePublicMedia' }, 'MissingParameter'],
      [{ Action: 'AddFavoritePublicMedia', MediaIds: 'a,,b' }, 'InvalidParameter'],
      [{ Action: 'SearchPublicMediaInfo', PageSize: '500' }, 'InvalidParameter'],
      [{ Action: 'SearchPublicMediaInfo', Favorite: 'yes' }, 'InvalidParameter'],
    ];
    for (const [params, code] of cases) {
      const { status, body } = await callApi(server.url, params, as('carol'));
      expect(status, JSON.stringify(params)).toBe(400);
      expect(body.Code).toBe(code);
    }
  });
});
