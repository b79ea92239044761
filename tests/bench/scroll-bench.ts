// Scrolling through 10,000+ stickers in Debian's Chromium against the browser preview (synced
// local catalogue), with a Chromium trace: main-thread tasks over 50 ms, their total, the
// frames drawn, and the list calls the page made. Baseline: the measurement before this
// work, one scroll through 10,590 stickers = 19 long tasks, 1.2 s in all, 219 list calls.
// Needs `npx electron-vite build` first.

import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserPreview } from '../../electron/dev-browser/main';
import { MemoryStore } from '../../electron/services/secrets/memory-store';
import { CHROMIUM_PATH } from '../e2e/playwright.config';

export interface ScrollFigures {
  stickers: number;
  longTasks: number;
  longTaskMs: number;
  worstTaskMs: number;
  frames: number;
  /** Main-thread tasks the trace holds (proof it measured something). */
  tasks: number;
  scrollMs: number;
  bridgeCalls: Record<string, number>;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { frame?: string } };
}

export async function runScrollBench(items = 32_000): Promise<ScrollFigures> {
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
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
    });
    const started = Date.now();
    // A user's long scroll: wheel steps of 1,200 px until the end of the list.
    for (;;) {
      const atEnd = await grid.evaluate((g) => g.scrollTop + g.clientHeight >= g.scrollHeight - 2);
      if (atEnd) break;
      await page.mouse.move(700, 500);
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(16);
    }
    const scrollMs = Date.now() - started;
    await browser.stopTracing();
    // SCROLL_TRACE=<file> keeps the trace for chrome://tracing or Perfetto.
    const keep = process.env['SCROLL_TRACE'];
    if (keep) await copyFile(tracePath, keep);
    const trace = JSON.parse(await readFile(tracePath, 'utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const mainThreads = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    // Top-level tasks of the page's main thread ("RunTask" in older Chromium).
    const tasks = events.filter(
      (e) =>
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
        e.ph === 'X' &&
        mainThreads.has(`${e.pid}:${e.tid}`),
    );
    if (tasks.length === 0) throw new Error('The trace holds no main-thread tasks to measure.');
    const long = tasks.filter((e) => (e.dur ?? 0) > 50_000);
    // One PipelineReporter begin per frame the compositor produced.
    const frames = events.filter((e) => e.name === 'PipelineReporter' && e.ph === 'b').length;
    return {
      stickers,
      longTasks: long.length,
      longTaskMs: long.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
      worstTaskMs: Math.max(0, ...tasks.map((e) => e.dur ?? 0)) / 1000,
      frames,
      tasks: tasks.length,
      scrollMs,
      bridgeCalls: { ...calls },
    };
  } finally {
    await browser.close();
    await preview.close();
    await rm(dir, { recursive: true, force: true });
  }
}
