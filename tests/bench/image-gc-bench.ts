// What a picture the grid drops costs the page's garbage collector, by how it was shown. Behind
// the scroll benchmark's remaining long tasks: every one over 50 ms of the page's own CPU was a
// full GC whose pause was mostly Blink's weak callbacks for the <img> resources that died since
// the last one (a scroll drops every tile's picture). Debian's Chromium loads 1,000 distinct
// 64-px PNGs from a local server into elements, drops them and collects: once as <img> elements,
// once as <img> elements kept alive (the control), once as <img> elements whose src is removed
// before they are dropped, once fetched, decoded into ImageBitmaps and drawn in canvases (the
// alternative that was tried in the grid), once as CSS backgrounds, once decoded in a worker and
// handed to canvases the page keeps; and once as <img> elements of 512-px PNGs (the demo's own
// sticker covers), to see whether the picture's size matters. The collection's pause is read
// from a Chromium trace (cppgc categories): its custom weak callbacks and pre-finalizers.
//
// What this bench cannot show: a grid's canvases cost paint and compositing that 50 canvases in
// a plain page do not. Worker-decoded covers in the grid's tiles (one canvas a tile, bitmaprenderer
// or 2d) were tried against <img> in the scroll bench, one after the other at the same load:
// <img> 5 tasks over 50 ms, 54 fps, 35.5 s of the page's CPU; bitmaprenderer canvases 125, 49 fps,
// 41.2 s (paint and compositing busy 48.7 s against 21.0); 2d canvases 247, 43 fps, 47.5 s.
// No GC pause was over 50 ms with canvases, but the scroll was worse in every other figure.
// Nor can it show what a grid keeps: removing each <img>'s src before it leaves the page halves
// the pause here (the image resource is let go of then, not in the collection's weak callbacks),
// but a tile ref doing so in the grid left the scroll's pauses as they were (custom weak
// callbacks 191 against 204 ms over the same 16 full GCs). Those callbacks grow over a scroll
// (6-8 ms a collection at its start, 13-17 ms near its end, once 44-46 ms), as if whatever they
// visit (Blink's memory cache registers one for each cached resource) outlives the tiles.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { renderStickerPng } from '../../electron/demo-library/media/stickers';
import { CHROMIUM_PATH } from '../e2e/playwright.config';
import { cpuDelta, rendererMainThreadCpu } from './trace-figures';

export type ImageWay =
  | 'img dropped'
  | 'img kept alive'
  | 'img src removed, then dropped'
  | 'bitmap canvas dropped'
  | 'css background dropped'
  | 'worker bitmap, pooled canvases';

export interface ImageGcFigures {
  way: ImageWay;
  /** The pictures' width and height, px, and the bytes of each file. */
  size: number;
  bytes: number;
  pictures: number;
  /** Per round: the collection's whole pause, and the parts of it that grow with the pictures. */
  rounds: {
    pauseMs: number;
    weakCallbacksMs: number;
    preFinalizersMs: number;
    /** The renderer's main thread's CPU while it showed and dropped the pictures. */
    showCpuMs: number | null;
  }[];
}

const PICTURES = 1_000;
const ROUNDS = 5;
const CASES: { way: ImageWay; size: number }[] = [
  { way: 'img dropped', size: 64 },
  { way: 'img kept alive', size: 64 },
  { way: 'img src removed, then dropped', size: 64 },
  { way: 'bitmap canvas dropped', size: 64 },
  { way: 'css background dropped', size: 64 },
  { way: 'worker bitmap, pooled canvases', size: 64 },
  { way: 'img dropped', size: 512 },
];

/** Durations (ms) of the trace's complete events with this name. */
function durations(trace: string, name: string): number[] {
  const found: number[] = [];
  for (const line of trace.split('\n')) {
    if (!line.includes(`"name":"${name}"`) || !line.includes('"ph":"X"')) continue;
    const match = /"dur":(\d+)/.exec(line);
    if (match) found.push(Number(match[1]) / 1000);
  }
  return found;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// Runs in the page (as source: this project compiles without the DOM's types). Shows the
// pictures 50 at a time, lets each batch paint, and drops it, as the grid does while scrolling.
const SHOW_AND_DROP = `async ({ way, size, from, count }) => {
  const holder = document.getElementById('pictures');
  const kept = (globalThis.kept ??= []);
  performance.setResourceTimingBufferSize(1e6);
  const nextFrame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (let batch = 0; batch < count; batch += 50) {
    const urls = Array.from({ length: 50 }, (_, i) => '/p/' + (from + batch + i) + '-' + size + '.png');
    if (way === 'bitmap canvas dropped') {
      const bitmaps = await Promise.all(
        urls.map((url) => fetch(url).then((r) => r.blob()).then((blob) => createImageBitmap(blob))),
      );
      for (const bitmap of bitmaps) {
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
        holder.append(canvas);
      }
    } else if (way === 'worker bitmap, pooled canvases') {
      // Fetched and decoded in a worker; the page only hands each bitmap to a canvas it keeps.
      const worker = (globalThis.decoder ??= new Worker('/decoder.js'));
      const pool = (globalThis.pool ??= Array.from({ length: 50 }, () => {
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        return canvas;
      }));
      const bitmaps = await new Promise((done) => {
        worker.onmessage = (event) => done(event.data);
        worker.postMessage(urls.map((url) => new URL(url, location.href).href));
      });
      bitmaps.forEach((bitmap, i) => pool[i].getContext('bitmaprenderer').transferFromImageBitmap(bitmap));
      holder.append(...pool);
      await nextFrame();
      continue;
    } else if (way === 'css background dropped') {
      for (const url of urls) {
        const div = document.createElement('div');
        div.style.cssText = 'width:' + size + 'px;height:' + size + 'px;background:url(' + url + ') center/contain no-repeat';
        holder.append(div);
      }
      // Painted (so fetched and decoded) once two frames have passed and every URL has loaded.
      while (urls.some((url) => performance.getEntriesByName(new URL(url, location.href).href).length === 0)) {
        await new Promise((done) => setTimeout(done, 5));
      }
      await nextFrame();
    } else {
      const images = urls.map((url) => {
        const image = new Image();
        image.decoding = 'async';
        image.src = url;
        holder.append(image);
        return image;
      });
      await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
      if (way === 'img kept alive') kept.push(...images);
      if (way === 'img src removed, then dropped') {
        await nextFrame();
        for (const image of images) image.removeAttribute('src');
      }
    }
    await nextFrame();
    holder.replaceChildren();
  }
}`;

const DECODER = `onmessage = async (event) => {
  const bitmaps = await Promise.all(
    event.data.map((url) => fetch(url).then((r) => r.blob()).then((blob) => createImageBitmap(blob))),
  );
  postMessage(bitmaps, bitmaps);
};`;

export async function runImageGcBench(): Promise<ImageGcFigures[]> {
  const pngs = new Map<number, Buffer>();
  for (const { size } of CASES) pngs.set(size, await renderStickerPng('kitty', size));
  const server = createServer((req, res) => {
    if (req.url === '/decoder.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(DECODER);
      return;
    }
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><body><div id="pictures"></div></body>');
      return;
    }
    // The media cache's headers.
    const size = Number(/-(\d+)\.png$/.exec(req.url ?? '')?.[1]);
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-cache' });
    res.end(pngs.get(size) ?? pngs.get(64));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'ice-image-gc-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  const results: ImageGcFigures[] = [];
  let next = 0; // every picture has its own URL, as every item has its own cover
  try {
    for (const { way, size } of CASES) {
      const page = await browser.newPage();
      await page.goto(origin);
      const rounds: ImageGcFigures['rounds'] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
        const cpuBefore = await rendererMainThreadCpu();
        await page.evaluate(
          `(${SHOW_AND_DROP})(${JSON.stringify({ way, size, from: next, count: PICTURES })})`,
        );
        next += PICTURES;
        const cpuAfter = await rendererMainThreadCpu();
        const tracePath = join(dir, 'trace.json');
        await browser.startTracing(page, {
          path: tracePath,
          categories: ['devtools.timeline', 'cppgc', 'disabled-by-default-cppgc'],
        });
        await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
        await browser.stopTracing();
        const trace = await readFile(tracePath, 'utf8');
        const pauses = durations(trace, 'MajorGC');
        if (pauses.length === 0) throw new Error('The trace holds no full GC to measure.');
        rounds.push({
          pauseMs: sum(pauses),
          weakCallbacksMs: sum(durations(trace, 'CppGC.CustomCallbacksProcessing')),
          preFinalizersMs: sum(durations(trace, 'CppGC.SweepInvokePreFinalizers')),
          showCpuMs: cpuDelta(cpuBefore, cpuAfter),
        });
      }
      results.push({ way, size, bytes: pngs.get(size)!.length, pictures: PICTURES, rounds });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
