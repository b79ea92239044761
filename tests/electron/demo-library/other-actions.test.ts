import { afterAll, beforeAll, inject, describe, expect, it } from 'vitest';
import type {
  IncomingApiRequest,
  VerificationOutcome,
} from '../../../electron/demo-library/server-types';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import { callApi, download } from './helpers/http';

type Json = Record<string, unknown>;

let dir: string;
let server: DemoServer;

beforeAll(async () => {
  dir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
  server = await startDemoServer({ mediaDir: dir, catalogue: { generated: 60 } });
});

afterAll(async () => {
  await server?.close();
});

async function firstItem(businessType: string): Promise<Json> {
  const { body } = await callApi(server.url, {
    Action: 'ListPublicMediaBasicInfos',
    BusinessType: businessType,
    PageSize: '1',
  });
  return (body.MediaInfos as Json[])[0] as Json;
}

describe('ListAllPublicMediaTags', () => {
  it('lists all 17 documented tags with Chinese and English names and empty Options', async () => {
    const { status, body } = await callApi(server.url, { Action: 'ListAllPublicMediaTags' });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['MediaTagList', 'RequestId']);
    const tags = body.MediaTagList as Json[];
    expect(tags.map((t) => t.MediaTagId)).toEqual(DOCUMENTED_TAGS.map((t) => t.id));
    for (const tag of tags) {
      expect(Object.keys(tag).sort()).toEqual([
        'MediaTagId',
        'MediaTagNameChinese',
        'MediaTagNameEnglish',
        'Options',
      ]);
      expect(tag.MediaTagNameChinese).toMatch(/[\u4e00-\u9fff]/);
      expect(tag.MediaTagNameEnglish).toMatch(/^[A-Za-z][A-Za-z &]*$/);
      expect(tag.Options).toEqual([]);
    }
  });

  it('filters by BusinessType and accepts an EntityId', async () => {
    const counts: Record<string, number> = { sticker: 6, bgm: 8, bgi: 3 };
    for (const [type, count] of Object.entries(counts)) {
      const { body } = await callApi(server.url, {
        Action: 'ListAllPublicMediaTags',
        BusinessType: type,
        EntityId: 'Copyright_Music',
      });
      const tags = body.MediaTagList as Json[];
      expect(tags).toHaveLength(count);
      for (const tag of tags) expect(tag.MediaTagId).toMatch(new RegExp(`^${type}-`));
    }
    const bad = await callApi(server.url, {
      Action: 'ListAllPublicMediaTags',
      BusinessType: 'music',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.Code).toBe('InvalidParameter');
  });
});

describe('GetPublicMediaInfo', () => {
  it('returns the item with its files and an AuditionUrl for music that downloads', async () => {
    const listed = await firstItem('bgm');
    const { status, body } = await callApi(server.url, {
      Action: 'GetPublicMediaInfo',
      MediaId: listed.MediaId as string,
    });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['MediaInfo', 'RequestId']);
    const info = body.MediaInfo as Json;
    expect(Object.keys(info).sort()).toEqual([
      'DynamicMetaData',
      'FileInfoList',
      'MediaBasicInfo',
      'MediaId',
    ]);
    expect(info.MediaId).toBe(listed.MediaId);
    expect((info.MediaBasicInfo as Json).Title).toBe((listed.MediaBasicInfo as Json).Title);
    const file = ((info.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json;
    const meta = info.DynamicMetaData as Json;
    expect(typeof meta.Type).toBe('string');
    expect(typeof meta.Data).toBe('string');
    const data = JSON.parse(meta.Data as string) as Json;
    const audition = await download(data.AuditionUrl as string);
    expect(audition.status).toBe(200);
    expect(audition.bytes.length).toBe(Number(file.FileSize));
    expect(audition.headers.get('content-type')).toBe('audio/wav');
  });

  it('gives stickers a preview URL instead', async () => {
    const listed = await firstItem('sticker');
    const { body } = await callApi(server.url, {
      Action: 'GetPublicMediaInfo',
      MediaId: listed.MediaId as string,
    });
    const data = JSON.parse(
      ((body.MediaInfo as Json).DynamicMetaData as Json).Data as string,
    ) as Json;
    expect((await download(data.PreviewUrl as string)).status).toBe(200);
  });

  it('answers 404 for an unknown id and 400 when MediaId is missing', async () => {
    const unknown = await callApi(server.url, {
      Action: 'GetPublicMediaInfo',
      MediaId: 'ffffffffffffffffffffffffffffffff',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.Code).toBe('NotFound');
    expect(Object.keys(unknown.body).sort()).toEqual([
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
    ]);
    const missing = await callApi(server.url, { Action: 'GetPublicMediaInfo' });
    expect(missing.status).toBe(400);
    expect(missing.body.Code).toBe('MissingParameter');
  });
});

describe('every response', () => {
  it('answers an unknown Action with InvalidAction.NotFound and a missing one with MissingParameter', async () => {
    const unknown = await callApi(server.url, { Action: 'DeleteEverything' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.Code).toBe('InvalidAction.NotFound');
    const missing = await callApi(server.url, {});
    expect(missing.status).toBe(400);
    expect(missing.body.Code).toBe('MissingParameter');
  });

  it('accepts the API version and refuses another', async () => {
    expect(
      (await callApi(server.url, { Action: 'ListAllPublicMediaTags', Version: '2020-11-09' }))
        .status,
    ).toBe(200);
    const wrong = await callApi(server.url, {
      Action: 'ListAllPublicMediaTags',
      Version: '2017-03-21',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.Code).toBe('InvalidVersion');
  });

  it('carries a Date header and a RequestId, errors included', async () => {
    for (const params of [
      { Action: 'ListAllPublicMediaTags' },
      { Action: 'Nope' },
      { Action: 'ListPublicMediaBasicInfos', PageSize: '0' },
    ] as Record<string, string>[]) {
      const { headers, body } = await callApi(server.url, params);
      const date = Date.parse(headers.get('date') ?? '');
      expect(Math.abs(date - Date.now())).toBeLessThan(5000);
      expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(headers.get('x-acs-request-id')).toBe(body.RequestId);
    }
  });

  it('gives every request its own RequestId', async () => {
    const a = await callApi(server.url, { Action: 'ListAllPublicMediaTags' });
    const b = await callApi(server.url, { Action: 'ListAllPublicMediaTags' });
    expect(a.body.RequestId).not.toBe(b.body.RequestId);
  });
});

describe('request verifier', () => {
  it('is called before dispatch with the raw request, and its rejection is returned', async () => {
    const seen: IncomingApiRequest[] = [];
    let answer: VerificationOutcome = { ok: true, accessKeyId: 'LTAIexample' };
    const verified = await startDemoServer({
      mediaDir: dir,
      catalogue: { generated: 5 },
      verifier: (request) => {
        seen.push(request);
        return answer;
      },
    });
    try {
      const before = Date.now();
      const ok = await fetch(
        `${verified.url}/?Action=ListAllPublicMediaTags&Signature=a%2Bb%3D&Mixed=%e4%b8%ad`,
        {
          method: 'POST',
          headers: {
            'X-Acs-Signature-Nonce': 'n-1',
            Authorization: 'ACS3-HMAC-SHA256 Credential=x',
          },
          body: 'hello',
        },
      );
      expect(ok.status).toBe(200);
      expect(seen).toHaveLength(1);
      const req = seen[0] as IncomingApiRequest;
      expect(req.method).toBe('POST');
      expect(req.path).toBe('/');
      expect(req.rawQuery).toBe('Action=ListAllPublicMediaTags&Signature=a%2Bb%3D&Mixed=%e4%b8%ad');
      expect(req.headers['x-acs-signature-nonce']).toBe('n-1');
      expect(req.headers.authorization).toBe('ACS3-HMAC-SHA256 Credential=x');
      expect(Buffer.from(req.body).toString()).toBe('hello');
      expect(req.receivedAt).toBeGreaterThanOrEqual(before - 5);
      expect(req.receivedAt).toBeLessThanOrEqual(Date.now() + 5);

      answer = {
        ok: false,
        httpStatus: 400,
        code: 'SignatureDoesNotMatch',
        message: 'Specified signature is not matched with our calculation.',
      };
      const rejected = await callApi(verified.url, { Action: 'ListPublicMediaBasicInfos' });
      expect(rejected.status).toBe(400);
      expect(rejected.body).toMatchObject({
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched with our calculation.',
      });
      expect(Object.keys(rejected.body).sort()).toEqual([
        'Code',
        'HostId',
        'Message',
        'Recommend',
        'RequestId',
      ]);
      answer = {
        ok: false,
        httpStatus: 404,
        code: 'InvalidAccessKeyId.NotFound',
        message: 'Specified access key is not found.',
      };
      const unknownKey = await callApi(verified.url, {
        Action: 'GetPublicMediaInfo',
        MediaId: 'x',
      });
      expect(unknownKey.status).toBe(404);
      expect(unknownKey.body.Code).toBe('InvalidAccessKeyId.NotFound');
      expect(verified.requestLog().map((e) => e.status)).toEqual([200, 400, 404]);

      // Media files are authorized by their signed URLs, not by the verifier.
      answer = { ok: true, accessKeyId: null };
      const { body } = await callApi(verified.url, {
        Action: 'ListPublicMediaBasicInfos',
        PageSize: '1',
      });
      const calls = seen.length;
      const cover = ((body.MediaInfos as Json[])[0] as Json).MediaBasicInfo as Json;
      expect((await download(cover.CoverURL as string)).status).toBe(200);
      expect(seen.length).toBe(calls);
    } finally {
      await verified.close();
    }
  });

  it('a verifier that throws yields InternalError, not a crash', async () => {
    const broken = await startDemoServer({
      mediaDir: dir,
      catalogue: { generated: 5 },
      verifier: () => {
        throw new Error('boom');
      },
    });
    try {
      const res = await callApi(broken.url, { Action: 'ListAllPublicMediaTags' });
      expect(res.status).toBe(500);
      expect(res.body.Code).toBe('InternalError');
    } finally {
      await broken.close();
    }
  });
});
