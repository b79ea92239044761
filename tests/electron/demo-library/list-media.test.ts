import { afterAll, beforeAll, inject, describe, expect, it } from 'vitest';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { callApi } from './helpers/http';

type Json = Record<string, unknown>;
const LIST = 'ListPublicMediaBasicInfos';
const ITEMS = 250;

const BASIC_INFO_KEYS = [
  'MediaId',
  'InputURL',
  'MediaType',
  'BusinessType',
  'Source',
  'Title',
  'Description',
  'Category',
  'MediaTags',
  'CoverURL',
  'UserData',
  'Snapshots',
  'Status',
  'TranscodeStatus',
  'CreateTime',
  'ModifiedTime',
  'DeletedTime',
].sort();
const FILE_INFO_KEYS = [
  'FileName',
  'FileStatus',
  'FileType',
  'FileSize',
  'FileUrl',
  'Region',
  'FormatName',
  'Duration',
  'Bitrate',
  'Width',
  'Height',
].sort();

let dir: string;
let server: DemoServer;

beforeAll(async () => {
  dir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
  server = await startDemoServer({ mediaDir: dir, catalogue: { generated: ITEMS } });
});

afterAll(async () => {
  await server?.close();
});

const list = (params: Record<string, string>, init?: RequestInit) =>
  callApi(server.url, { Action: LIST, ...params }, init);
const infos = (body: Json) => body.MediaInfos as Json[];
const ids = (body: Json) => infos(body).map((m) => m.MediaId as string);

async function collectByToken(
  params: Record<string, string>,
  maxResults: number,
): Promise<{ ids: string[]; tokens: string[] }> {
  const all: string[] = [];
  const tokens: string[] = [];
  let token = '';
  for (let guard = 0; guard < 1000; guard++) {
    const { status, body } = await list({
      ...params,
      MaxResults: String(maxResults),
      ...(token ? { NextToken: token } : {}),
    });
    expect(status).toBe(200);
    all.push(...ids(body));
    token = body.NextToken as string;
    if (token === '') return { ids: all, tokens };
    tokens.push(token);
  }
  throw new Error('pagination did not end');
}

describe('ListPublicMediaBasicInfos response shape', () => {
  it('has exactly the documented fields, with FileBasicInfo numbers as strings', async () => {
    const { status, headers, body } = await list({ IncludeFileBasicInfo: 'true', PageSize: '20' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(body).sort()).toEqual([
      'MaxResults',
      'MediaInfos',
      'NextToken',
      'RequestId',
      'TotalCount',
    ]);
    expect(body.TotalCount).toBe(ITEMS);
    expect(body.MaxResults).toBe(20);
    expect(typeof body.RequestId).toBe('string');
    expect(infos(body)).toHaveLength(20);
    for (const media of infos(body)) {
      expect(Object.keys(media).sort()).toEqual(['FileInfoList', 'MediaBasicInfo', 'MediaId']);
      const basic = media.MediaBasicInfo as Json;
      expect(Object.keys(basic).sort()).toEqual(BASIC_INFO_KEYS);
      expect(basic.MediaId).toBe(media.MediaId);
      expect(basic.Snapshots).toBe('null');
      for (const value of Object.values(basic)) expect(typeof value).toBe('string');
      const files = media.FileInfoList as Json[];
      expect(files).toHaveLength(1);
      const file = (files[0] as Json).FileBasicInfo as Json;
      expect(Object.keys(file).sort()).toEqual(FILE_INFO_KEYS);
      for (const value of Object.values(file)) expect(typeof value).toBe('string');
      expect(file.FileSize).toMatch(/^\d+$/);
      expect(Number(file.FileSize)).toBeGreaterThan(0);
      if (basic.BusinessType === 'bgm') {
        expect(file.FormatName).toBe('wav');
        expect(file.Duration).toMatch(/^\d+\.\d{6}$/);
        expect(file.Bitrate).toMatch(/^\d+\.\d{2}$/);
      } else {
        expect(file.Width).toMatch(/^\d+$/);
        expect(file.Height).toMatch(/^\d+$/);
      }
      expect(file.FileUrl).toMatch(/[?&]Expires=\d+&OSSAccessKeyId=demo&Signature=[^&]+$/);
      expect(basic.CoverURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+\?Expires=\d+/);
    }
  });

  it('returns FileInfoList only when IncludeFileBasicInfo=true', async () => {
    for (const params of [{}, { IncludeFileBasicInfo: 'false' }] as Record<string, string>[]) {
      const { body } = await list(params);
      for (const media of infos(body)) expect(media).not.toHaveProperty('FileInfoList');
    }
    const { body } = await list({ IncludeFileBasicInfo: 'TRUE' });
    for (const media of infos(body)) expect(media).toHaveProperty('FileInfoList');
  });

  it('defaults to page 1 of 10 items', async () => {
    const { body } = await list({});
    expect(infos(body)).toHaveLength(10);
    expect(body.MaxResults).toBe(10);
    const { body: second } = await list({ PageNo: '2' });
    expect(ids(second)).not.toContain(ids(body)[0]);
  });
});

describe('pagination', () => {
  it('PageNo/PageSize reaches every item exactly once', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(ITEMS / 37); page++) {
      const { body } = await list({ PageNo: String(page), PageSize: '37' });
      expect(body.TotalCount).toBe(ITEMS);
      seen.push(...ids(body));
    }
    expect(seen).toHaveLength(ITEMS);
    expect(new Set(seen).size).toBe(ITEMS);
    const { body: beyond } = await list({ PageNo: '999', PageSize: '37' });
    expect(infos(beyond)).toEqual([]);
    expect(beyond.TotalCount).toBe(ITEMS);
    expect(beyond.NextToken).toBe('');
  });

  it('NextToken/MaxResults reaches every item exactly once, in the same order', async () => {
    const byToken = await collectByToken({}, 23);
    expect(byToken.ids).toHaveLength(ITEMS);
    expect(new Set(byToken.ids).size).toBe(ITEMS);
    const { body } = await list({ PageNo: '1', PageSize: '100' });
    expect(byToken.ids.slice(0, 100)).toEqual(ids(body));
  });

  it('issues opaque base64 tokens that contain +, / and =', async () => {
    const { tokens } = await collectByToken({}, 50);
    expect(tokens.length).toBe(Math.ceil(ITEMS / 50) - 1);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(token).toContain('+');
      expect(token).toContain('/');
      expect(token).toContain('=');
    }
  });

  it('a PageNo/PageSize response carries a NextToken that continues after it', async () => {
    const { body } = await list({ PageNo: '2', PageSize: '10' });
    const { body: next } = await list({ NextToken: body.NextToken as string, MaxResults: '10' });
    const { body: page3 } = await list({ PageNo: '3', PageSize: '10' });
    expect(ids(next)).toEqual(ids(page3));
  });

  it('refuses unknown, mangled and foreign tokens with InvalidParameter', async () => {
    const { body } = await list({ MaxResults: '5' });
    const token = body.NextToken as string;
    const bad = [
      'pSa1SQ0wCe5pzVrQ6mWZEw==', // the documentation's example
      'not a token',
      token.replace(/.$/, token.endsWith('=') ? 'A' : '='),
      token.slice(0, 4) + (token[4] === 'A' ? 'B' : 'A') + token.slice(5),
    ];
    for (const NextToken of bad) {
      const res = await list({ NextToken });
      expect(res.status).toBe(400);
      expect(res.body.Code).toBe('InvalidParameter');
      expect(res.body.Message).toContain('NextToken');
    }
    // A client that forgets to percent-encode sends '+' raw, which the server reads as a space.
    const raw = await fetch(`${server.url}/?Action=${LIST}&MaxResults=5&NextToken=${token}`);
    expect(raw.status).toBe(400);
    // A token is bound to the filter it was issued for.
    const { body: stickers } = await list({ BusinessType: 'sticker', MaxResults: '5' });
    const foreign = await list({ BusinessType: 'bgm', NextToken: stickers.NextToken as string });
    expect(foreign.status).toBe(400);
    expect(foreign.body.Code).toBe('InvalidParameter');
  });

  it('a token from another server instance is refused', async () => {
    const other = await startDemoServer({ mediaDir: dir, catalogue: { generated: ITEMS } });
    try {
      const { body } = await callApi(other.url, { Action: LIST, MaxResults: '5' });
      const res = await list({ NextToken: body.NextToken as string });
      expect(res.status).toBe(400);
    } finally {
      await other.close();
    }
  });
});

describe('filters', () => {
  it('BusinessType selects only that type, and the types add up to the whole', async () => {
    let total = 0;
    for (const type of ['sticker', 'bgm', 'bgi']) {
      const { ids: all } = await collectByToken(
        { BusinessType: type, IncludeFileBasicInfo: 'true' },
        100,
      );
      const { body } = await list({ BusinessType: type, PageSize: '100' });
      expect(body.TotalCount).toBe(all.length);
      for (const media of infos(body))
        expect((media.MediaBasicInfo as Json).BusinessType).toBe(type);
      total += all.length;
    }
    expect(total).toBe(ITEMS);
  });

  it('MediaTagId selects items carrying that tag, alone or with BusinessType', async () => {
    for (const tag of DOCUMENTED_TAGS) {
      const { body } = await list({ MediaTagId: tag.id, PageSize: '100' });
      expect(body.TotalCount).toBeGreaterThan(0);
      for (const media of infos(body)) {
        const basic = media.MediaBasicInfo as Json;
        expect((basic.MediaTags as string).split(',')).toContain(tag.id);
        expect(basic.BusinessType).toBe(tag.businessType);
      }
      const { body: both } = await list({ MediaTagId: tag.id, BusinessType: tag.businessType });
      expect(both.TotalCount).toBe(body.TotalCount);
    }
    const { body: mismatch } = await list({ MediaTagId: 'bgm-romantic', BusinessType: 'sticker' });
    expect(mismatch.TotalCount).toBe(0);
    expect(mismatch.MediaInfos).toEqual([]);
    const { body: unknown } = await list({ MediaTagId: 'no-such-tag' });
    expect(unknown.TotalCount).toBe(0);
  });
});

describe('parameter validation', () => {
  const cases: [string, Record<string, string>][] = [
    ['PageSize', { PageSize: '0' }],
    ['PageSize', { PageSize: '101' }],
    ['PageSize', { PageSize: 'ten' }],
    ['MaxResults', { MaxResults: '0' }],
    ['MaxResults', { MaxResults: '101' }],
    ['PageNo', { PageNo: '0' }],
    ['PageNo', { PageNo: '-1' }],
    ['IncludeFileBasicInfo', { IncludeFileBasicInfo: 'yes' }],
    ['BusinessType', { BusinessType: 'video' }],
  ];
  for (const [name, params] of cases) {
    it(`rejects ${JSON.stringify(params)} with an InvalidParameter body naming ${name}`, async () => {
      const { status, body } = await list(params);
      expect(status).toBe(400);
      expect(Object.keys(body).sort()).toEqual([
        'Code',
        'HostId',
        'Message',
        'Recommend',
        'RequestId',
      ]);
      expect(body.Code).toBe('InvalidParameter');
      expect(body.Message).toContain(name);
      expect(body.Recommend).toContain(body.RequestId as string);
    });
  }

  it('accepts the limits themselves', async () => {
    expect((await list({ PageSize: '100' })).status).toBe(200);
    expect((await list({ PageSize: '1' })).status).toBe(200);
    expect(infos((await list({ MaxResults: '100' })).body)).toHaveLength(100);
  });
});

describe('transport', () => {
  it('accepts POST with the parameters in the query, and Action in the x-acs-action header', async () => {
    const post = await list({ PageSize: '3' }, { method: 'POST' });
    expect(post.status).toBe(200);
    expect(infos(post.body)).toHaveLength(3);
    const res = await fetch(`${server.url}/?PageSize=4`, {
      method: 'POST',
      headers: { 'x-acs-action': LIST },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).MediaInfos).toHaveLength(4);
    const entry = server.requestLog().at(-1);
    expect(entry).toMatchObject({ action: LIST, path: '/', query: { PageSize: '4' }, status: 200 });
  });

  it('accepts parameters in a form-encoded POST body', async () => {
    const res = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: LIST, PageSize: '2' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).MediaInfos).toHaveLength(2);
  });
});
