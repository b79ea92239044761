// Scrolling through 10,000+ stickers in Debian's Chromium against the browser preview (synced
// local catalogue), with a Chromium trace: main-thread tasks over 50 ms, their total, the
// frames drawn, and the list calls the page made. Baseline: the measurement before this
// work, one scroll through 10,590 stickers = 19 long tasks, 1.2 s in all, 219 list calls.
// Needs `npx electron-vite build` first.

import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserPreview } from '../../electron/dev-browser/main';
import { MemoryStore } from '../../electron/services/secrets/memory-store';
import { CHROMIUM_PATH } from '../e2e/playwright.config';
import { readTraceFigures, rendererMainThreadCpu } from './trace-figures';
import type { Cause } from './trace-figures';

export interface ScrollFigures {
  stickers: number;
  longTasks: number;
  longTaskMs: number;
  worstTaskMs: number;
  /** Tasks over 50 ms of the main thread's own CPU time, and the largest (load-insensitive). */
  longTasksByCpu: number;
  worstTaskCpuMs: number;
  /** Each task over 50 ms: its length and its own CPU time. */
  longTaskList: Array<{ ms: number; cpuMs: number | null }>;
  /** What the long tasks spent their time on (self time, ms). */
  longTaskCauses: Record<Cause, number>;
  /** What the main thread was busy with over the whole scroll (self time, ms). */
  busyCauses: Record<Cause, number>;
  /** Frames of the page presented while scrolling, and frames dropped. */
  frames: number;
  droppedFrames: number;
  /**
   * CPU time the page's main thread used while scrolling (from /proc; null where there is no
   * /proc). Unlike task durations it does not grow when other processes take the cores.
   */
  mainThreadCpuMs: number | null;
  /** Main-thread tasks the trace holds (proof it measured something). */
  tasks: number;
  scrollMs: number;
  bridgeCalls: Record<string, number>;
}

/**
 * `maxSteps` stops the scroll early (SCROLL_STEPS=<n> in `npm run bench`), for quick
 * comparisons of a change; the figures the issue asks for come from the whole scroll.
 */
export async function runScrollBench(
  items = 32_000,
  maxSteps = Number.POSITIVE_INFINITY,
): Promise<ScrollFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ice-scroll-bench-'));
  const calls: Record<string, number> = {};
  const preview = await startBrowserPreview({
    dataDir: dir,
    demoMediaDir: join(dir, 'media'),
    demoCatalogue: { generated: items },
    keychain: new MemoryStore(),
    log: () => undefined,
    onBridgeMessage: (direction, channel) => {
      if (direction === 'in' && channel) calls[channel] = (calls[channel] ?? 0) + 1;
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await preview.services.handlers.syncCatalogue(undefined);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.url);
    const grid = page.getByRole('grid');
    await grid.getByRole('gridcell').first().waitFor();
    await page.getByTestId('media-count').waitFor();
    const stickers = Number(
      ((await page.getByTestId('media-count').textContent()) ?? '').replace(/\D/g, ''),
    );
    for (const key of Object.keys(calls)) delete calls[key];
    const tracePath = join(dir, 'trace.json');
    await browser.startTracing(page, {
      path: tracePath,
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        ...(process.env['SCROLL_GC']
          ? [
              'v8',
              'disabled-by-default-v8.gc',
              'blink_gc',
              'disabled-by-default-blink_gc',
              'v8.gc',
              'cppgc',
              'disabled-by-default-cppgc',
            ]
          : []),
      ],
    });
    const cpuBefore = await rendererMainThreadCpu();
    const started = Date.now();
    // A user's long scroll: wheel steps of 1,200 px until the end of the list.
    for (let step = 0; step < maxSteps; step += 1) {
      const atEnd = await grid.evaluate((g) => g.scrollTop + g.clientHeight >= g.scrollHeight - 2);
      if (atEnd) break;
      await page.mouse.move(700, 500);
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(16);
    }
    const scrollMs = Date.now() - started;
    const cpuAfter = await rendererMainThreadCpu();
    await browser.stopTracing();
    // SCROLL_TRACE=<file> keeps the trace for chrome://tracing or Perfetto.
    const keep = process.env['SCROLL_TRACE'];
    if (keep) await copyFile(tracePath, keep);
    const trace = await readTraceFigures(tracePath);
    if (trace.tasks === 0) throw new Error('The trace holds no main-thread tasks to measure.');
    const main = trace.mainThread ? `${trace.mainThread.pid}:${trace.mainThread.tid}` : '';
    const before = cpuBefore.get(main);
    const after = cpuAfter.get(main);
    return {
      stickers,
      longTasks: trace.longTasks,
      longTaskMs: trace.longTaskMs,
      worstTaskMs: trace.worstTaskMs,
      longTasksByCpu: trace.longTasksByCpu,
      worstTaskCpuMs: trace.worstTaskCpuMs,
      longTaskList: trace.longTaskList,
      longTaskCauses: trace.longTaskCauses,
      busyCauses: trace.busyCauses,
      frames: trace.frames,
      droppedFrames: trace.droppedFrames,
      mainThreadCpuMs: before !== undefined && after !== undefined ? after - before : null,
      tasks: trace.tasks,
      scrollMs,
      bridgeCalls: { ...calls },
    };
  } finally {
    await browser.close();
    await preview.close();
    await rm(dir, { recursive: true, force: true });
  }
}
