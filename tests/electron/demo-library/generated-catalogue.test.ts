import { afterAll, beforeAll, inject, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import { callApi, download } from './helpers/http';
import { PNG_SIGNATURE } from './helpers/decoders';

type Json = Record<string, unknown>;
const N = 10_000;

let dir: string;
let server: DemoServer;

beforeAll(async () => {
  dir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
  const started = performance.now();
  server = await startDemoServer({ mediaDir: dir, catalogue: { generated: N } });
  // A figure for the report, not an assertion: timing belongs to benchmarks.
  console.log(
    `generated catalogue of ${N}: started in ${Math.round(performance.now() - started)} ms`,
  );
});

afterAll(async () => {
  await server?.close();
});

describe('{generated: 10000}', () => {
  it('holds N items and pages through all of them exactly once', async () => {
    expect(server.catalogueSize).toBe(N);
    const seen = new Set<string>();
    let token = '';
    let pages = 0;
    do {
      const { status, body } = await callApi(server.url, {
        Action: 'ListPublicMediaBasicInfos',
        MaxResults: '100',
        ...(token ? { NextToken: token } : {}),
      });
      expect(status).toBe(200);
      expect(body.TotalCount).toBe(N);
      for (const media of body.MediaInfos as Json[]) {
        expect(seen.has(media.MediaId as string)).toBe(false);
        seen.add(media.MediaId as string);
      }
      token = body.NextToken as string;
      pages++;
    } while (token !== '');
    expect(pages).toBe(N / 100);
    expect(seen.size).toBe(N);
  });

  it('spreads items over the three business types and all 17 tags', async () => {
    let total = 0;
    for (const tag of DOCUMENTED_TAGS) {
      const { body } = await callApi(server.url, {
        Action: 'ListPublicMediaBasicInfos',
        MediaTagId: tag.id,
        PageSize: '5',
      });
      expect(body.TotalCount as number).toBeGreaterThanOrEqual(Math.floor(N / 17));
      for (const media of body.MediaInfos as Json[])
        expect((media.MediaBasicInfo as Json).BusinessType).toBe(tag.businessType);
      total += body.TotalCount as number;
    }
    expect(total).toBe(N);
    for (const type of ['sticker', 'bgm', 'bgi']) {
      const { body } = await callApi(server.url, {
        Action: 'ListPublicMediaBasicInfos',
        BusinessType: type,
        PageSize: '1',
      });
      expect(body.TotalCount as number).toBeGreaterThan(N / 10);
    }
  });

  it('gives titles mixing Chinese and English, and is deterministic across servers', async () => {
    const { body } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageNo: '37',
      PageSize: '50',
    });
    const titles = (body.MediaInfos as Json[]).map(
      (m) => (m.MediaBasicInfo as Json).Title as string,
    );
    for (const title of titles) {
      expect(title).toMatch(/[\u4e00-\u9fff]/);
      expect(title).toMatch(/[A-Za-z]{3}/);
    }
    expect(new Set(titles).size).toBe(titles.length);
    const twin = await startDemoServer({ mediaDir: dir, catalogue: { generated: N } });
    try {
      const { body: again } = await callApi(twin.url, {
        Action: 'ListPublicMediaBasicInfos',
        PageNo: '37',
        PageSize: '50',
      });
      expect((again.MediaInfos as Json[]).map((m) => m.MediaId)).toEqual(
        (body.MediaInfos as Json[]).map((m) => m.MediaId),
      );
    } finally {
      await twin.close();
    }
  });

  it('points files at a few small shared files that download', async () => {
    const { body } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      PageSize: '100',
      IncludeFileBasicInfo: 'true',
    });
    const paths = new Set<string>();
    for (const media of body.MediaInfos as Json[]) {
      const file = ((media.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json;
      paths.add(new URL(file.FileUrl as string).pathname);
      paths.add(new URL((media.MediaBasicInfo as Json).CoverURL as string).pathname);
    }
    expect(paths.size).toBeLessThanOrEqual(8);
    const { body: one } = await callApi(server.url, {
      Action: 'ListPublicMediaBasicInfos',
      BusinessType: 'bgi',
      PageSize: '1',
      IncludeFileBasicInfo: 'true',
    });
    const file = (((one.MediaInfos as Json[])[0] as Json).FileInfoList as Json[])[0] as Json;
    const bytes = (await download((file.FileBasicInfo as Json).FileUrl as string)).bytes;
    expect(bytes.length).toBe(Number((file.FileBasicInfo as Json).FileSize));
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeLessThan(200_000);
  });

  it('an empty generated catalogue answers with no items', async () => {
    const empty = await startDemoServer({ mediaDir: dir, catalogue: { generated: 0 } });
    try {
      const { body } = await callApi(empty.url, { Action: 'ListPublicMediaBasicInfos' });
      expect(body).toMatchObject({ TotalCount: 0, MediaInfos: [], NextToken: '' });
    } finally {
      await empty.close();
    }
  });

  it('rejects an invalid size', async () => {
    await expect(startDemoServer({ mediaDir: dir, catalogue: { generated: -1 } })).rejects.toThrow(
      RangeError,
    );
    await expect(startDemoServer({ mediaDir: dir, catalogue: { generated: 1.5 } })).rejects.toThrow(
      RangeError,
    );
  });
});
