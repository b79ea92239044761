// The real demo library, generated once for the run (tests/vitest.global-setup.ts): checks that
// every file is what the API says it is, and that a second start reuses the files.

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import { decodePng, summarizeGif, summarizeWav } from './helpers/decoders';
import { callApi, download } from './helpers/http';

type Json = Record<string, unknown>;

interface Item {
  mediaId: string;
  basic: Json;
  file: Json;
}

let dir: string;
let server: DemoServer;
let items: Item[];

beforeAll(async () => {
  dir = inject('demoMediaDir'); // the run's shared media (tests/vitest.global-setup.ts)
  server = await startDemoServer({ mediaDir: dir });
  const { body } = await callApi(server.url, {
    Action: 'ListPublicMediaBasicInfos',
    PageSize: '100',
    IncludeFileBasicInfo: 'true',
  });
  items = (body.MediaInfos as Json[]).map((m) => ({
    mediaId: m.MediaId as string,
    basic: m.MediaBasicInfo as Json,
    file: ((m.FileInfoList as Json[])[0] as Json).FileBasicInfo as Json,
  }));
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const tagsOf = (item: Item) => (item.basic.MediaTags as string).split(',');
const ofType = (type: string) => items.filter((i) => i.basic.BusinessType === type);

describe('the demo catalogue', () => {
  it('has about sixty items over all three business types', () => {
    expect(server.catalogueSize).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(55);
    for (const type of ['sticker', 'bgm', 'bgi'])
      expect(ofType(type).length).toBeGreaterThanOrEqual(12);
  });

  it("has at least three items for every documented tag, each of the tag's business type", () => {
    for (const tag of DOCUMENTED_TAGS) {
      const tagged = items.filter((i) => tagsOf(i).includes(tag.id));
      expect(tagged.length, tag.id).toBeGreaterThanOrEqual(3);
      for (const i of tagged) expect(i.basic.BusinessType).toBe(tag.businessType);
    }
  });

  it('has unique ids and titles in Chinese and English', () => {
    expect(new Set(items.map((i) => i.mediaId)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.basic.Title)).size).toBe(items.length);
    for (const i of items) {
      expect(i.basic.Title).toMatch(/[\u4e00-\u9fff]/);
      expect(i.basic.Title).toMatch(/[A-Za-z]{2}/);
    }
  });

  it('both pagination styles reach every item exactly once', async () => {
    const byPage: string[] = [];
    for (let page = 1; page <= Math.ceil(items.length / 7); page++) {
      const { body } = await callApi(server.url, {
        Action: 'ListPublicMediaBasicInfos',
        PageNo: String(page),
        PageSize: '7',
      });
      byPage.push(...(body.MediaInfos as Json[]).map((m) => m.MediaId as string));
    }
    const byToken: string[] = [];
    let token = '';
    do {
      const { body } = await callApi(server.url, {
        Action: 'ListPublicMediaBasicInfos',
        MaxResults: '9',
        ...(token ? { NextToken: token } : {}),
      });
      byToken.push(...(body.MediaInfos as Json[]).map((m) => m.MediaId as string));
      token = body.NextToken as string;
    } while (token);
    expect(byPage).toEqual(items.map((i) => i.mediaId));
    expect(byToken).toEqual(items.map((i) => i.mediaId));
  });
});

describe('the generated files', () => {
  it('stickers are PNGs with real alpha, or looping transparent GIFs, of the sizes listed', async () => {
    let gifs = 0;
    for (const item of ofType('sticker')) {
      const { bytes, headers } = await download(item.file.FileUrl as string);
      expect(bytes.length).toBe(Number(item.file.FileSize));
      const size = Number(item.file.Width);
      expect(size).toBeGreaterThanOrEqual(256);
      expect(size).toBeLessThanOrEqual(512);
      if (item.file.FormatName === 'gif') {
        gifs++;
        expect(headers.get('content-type')).toBe('image/gif');
        expect(tagsOf(item)).toContain('sticker-gif');
        const gif = summarizeGif(bytes);
        expect([gif.width, gif.height]).toEqual([size, Number(item.file.Height)]);
        expect(gif.frames).toBeGreaterThanOrEqual(12);
        expect(gif.frames).toBeLessThanOrEqual(24);
        expect(gif.transparentFrames).toBe(gif.frames);
        expect(gif.loops).toBe(true);
        expect(gif.duration).toBeCloseTo(Number(item.file.Duration), 5);
        expect(Number(item.file.Bitrate)).toBeCloseTo((bytes.length * 8) / gif.duration, 0);
      } else {
        expect(item.file.FormatName).toBe('png');
        const png = decodePng(bytes);
        expect(png.colorType).toBe(6);
        expect([png.width, png.height]).toEqual([size, Number(item.file.Height)]);
        const alphas = new Set<number>();
        for (let p = 3; p < png.rgba.length; p += 4) alphas.add(png.rgba[p] as number);
        expect(alphas.has(0)).toBe(true); // transparent background
        expect(alphas.has(255)).toBe(true); // opaque artwork
        expect(alphas.size).toBeGreaterThan(32); // anti-aliased edges and a soft shadow
        expect(item.file.Duration).toBe('');
      }
    }
    expect(gifs).toBeGreaterThanOrEqual(3);
  });

  it('music is PCM WAV whose header agrees with Duration and Bitrate, 8-20 s, and not silent', async () => {
    const rates = new Set<number>();
    for (const item of ofType('bgm')) {
      const { bytes, headers } = await download(item.file.FileUrl as string);
      expect(headers.get('content-type')).toBe('audio/wav');
      expect(bytes.length).toBe(Number(item.file.FileSize));
      const wav = summarizeWav(bytes);
      expect(wav.format).toBe(1);
      expect(wav.bitsPerSample).toBe(16);
      expect([22050, 44100]).toContain(wav.sampleRate);
      expect(wav.byteRate).toBe(wav.sampleRate * wav.channels * 2);
      rates.add(wav.sampleRate);
      expect(item.file.FormatName).toBe('wav');
      expect(Number(item.file.Duration)).toBeCloseTo(wav.duration, 5);
      expect(Number(item.file.Bitrate)).toBe(wav.byteRate * 8);
      expect(wav.duration).toBeGreaterThanOrEqual(8);
      expect(wav.duration).toBeLessThanOrEqual(20);
      expect(wav.rms).toBeGreaterThan(0.05);
      expect(wav.peak).toBeLessThan(1);
      expect(item.file.Width).toBe('');
    }
    expect(rates.size).toBe(2);
  });

  it('backgrounds are opaque 1280x720 PNGs', async () => {
    for (const item of ofType('bgi')) {
      const { bytes } = await download(item.file.FileUrl as string);
      expect(bytes.length).toBe(Number(item.file.FileSize));
      const png = decodePng(bytes);
      expect([png.width, png.height]).toEqual([1280, 720]);
      expect([item.file.Width, item.file.Height]).toEqual(['1280', '720']);
      expect(png.colorType).toBe(2);
      const colors = new Set<number>();
      for (let p = 0; p < png.rgba.length; p += 4 * 97)
        colors.add((png.rgba[p]! << 16) | (png.rgba[p + 1]! << 8) | png.rgba[p + 2]!);
      if (tagsOf(item).includes('bgi-solid')) expect(colors.size).toBe(1);
      else expect(colors.size).toBeGreaterThan(50);
    }
  });

  it('every item has a PNG cover that downloads', async () => {
    for (const item of items) {
      const { status, bytes } = await download(item.basic.CoverURL as string);
      expect(status).toBe(200);
      const png = decodePng(bytes);
      expect(png.width).toBeGreaterThanOrEqual(160);
      expect(png.width).toBeLessThanOrEqual(400);
    }
  });
});

describe('generation', () => {
  it('an aborted start stops between items instead of finishing the media', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'demo-aborted-'));
    try {
      const controller = new AbortController();
      const starting = startDemoServer({ mediaDir: fresh, signal: controller.signal });
      setImmediate(() => controller.abort());
      await expect(starting).rejects.toThrow(/abort/i);
      expect(existsSync(join(fresh, 'demo-media.json'))).toBe(false);
    } finally {
      await rm(fresh, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});

describe('the media cache', () => {
  it('a second start with the same folder reuses the files instead of regenerating them', async () => {
    const walk = async (folder: string): Promise<Map<string, number>> => {
      const out = new Map<string, number>();
      for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) {
          const path = join(entry.parentPath, entry.name);
          out.set(path, (await stat(path)).mtimeMs);
        }
      }
      return out;
    };
    const before = await walk(dir);
    const second = await startDemoServer({ mediaDir: dir });
    try {
      expect(second.catalogueSize).toBe(server.catalogueSize);
      expect(await walk(dir)).toEqual(before);
      const { body } = await callApi(second.url, {
        Action: 'ListPublicMediaBasicInfos',
        PageSize: '100',
      });
      expect((body.MediaInfos as Json[]).map((m) => m.MediaId)).toEqual(
        items.map((i) => i.mediaId),
      );
    } finally {
      await second.close();
    }
  });
});
