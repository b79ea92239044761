// npm run bench: prints the figures behind the client's speed and memory claims.
//   (a) full listing, 5,000 items at 100 per page, 20 ms latency: ours vs @alicloud/openapi-client
//   (b) 300 MB download: ours vs curl, with peak RSS growth
//   (c) media cache: first screen of 48 thumbnails cold and warm vs direct signed URLs, upstream
//       requests on a revisit, lookup cost per thumbnail; the CPU a cold fill of 1,000 covers
//       costs the cache's process per cover, against a plain got download into a file; an
//       index save of 300 changed records at 10k and 40k, against writing the whole index as JSON
//   (d) catalogue search latency at 1k, 20k and 100k items (goal < 50 ms at 20k)
//   (e) full catalogue sync of 1k, 20k and 100k items at 20 ms latency against the latency floor,
//       wall and CPU time, min and median of several re-syncs (goal at 20k: <= 1.5x the floor),
//       beside a client that only reads the bytes from the same server; at 20k also app starts
//       (a fresh process opens the stored catalogue and syncs it)
//   (f) one long scroll through 10,000+ stickers in Chromium, with a trace (needs a build);
//       SCROLL_STEPS=n stops after n wheel steps, SCROLL_TRACE=file keeps the trace, SCROLL_GC=1
//       adds the V8 and Oilpan GC categories to it (the phases of every collection's pause)
//   (g) what 1,000 pictures the page drops cost its next full GC, and showing them the page's
//       main thread: <img>, <img> kept alive, bitmaps drawn in canvases, CSS backgrounds, and
//       bitmaps decoded in a worker and drawn in pooled canvases, of 64 px, and <img> of 512 px,
//       in Chromium (the cause of the scroll's remaining long tasks)
//   BENCH=search,sync runs only the named parts (listing, download, cache, search, sync, scroll,
//   imagegc).

import { availableParallelism, loadavg } from 'node:os';
import { runListingBench } from './listing-bench';
import { curlAvailable, runDownloadBench } from './download-bench';
import { runCacheBench, runCacheFillBench, runIndexSaveBench } from './cache-bench';
import { runSearchBench } from './search-bench';
import { benchListingWorker, median, runSyncBench } from './sync-bench';
import { runScrollBench } from './scroll-bench';
import { runImageGcBench } from './image-gc-bench';

const only = process.env['BENCH']?.split(',').map((p) => p.trim());
const wanted = (part: string) => !only || only.includes(part);

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');

async function main(): Promise<void> {
  if (wanted('listing')) await listingPart();
  if (wanted('download')) await downloadPart();
  if (wanted('cache')) await cachePart();
  if (wanted('search')) searchPart();
  if (wanted('sync')) await syncPart();
  if (wanted('scroll')) await scrollPart();
  if (wanted('imagegc')) await imageGcPart();
}

async function imageGcPart(): Promise<void> {
  console.log(
    '\n(g) A full GC after the page dropped 1,000 pictures, by how they were shown (Chromium)',
  );
  const results = await runImageGcBench();
  const baseline = results.find((r) => r.way === 'img kept alive')!;
  const middle = (values: number[]) => median(values);
  const baseWeak = middle(baseline.rounds.map((r) => r.weakCallbacksMs));
  for (const r of results) {
    const weak = middle(r.rounds.map((x) => x.weakCallbacksMs));
    const pre = middle(r.rounds.map((x) => x.preFinalizersMs));
    const pause = middle(r.rounds.map((x) => x.pauseMs));
    const cpus = r.rounds.map((x) => x.showCpuMs).filter((x): x is number => x !== null);
    const cpu = cpus.length > 0 ? `; showing them took ${ms(middle(cpus))} of main-thread CPU` : '';
    console.log(
      `    ${`${r.way}, ${r.size} px (${(r.bytes / 1024).toFixed(0)} KB)`.padEnd(38)} pause ${ms(pause)} (median of ${r.rounds.length}), of which weak ` +
        `callbacks ${weak.toFixed(1)} ms (${(weak / Math.max(baseWeak, 0.1)).toFixed(0)}x the kept-alive ` +
        `control) and pre-finalizers ${pre.toFixed(1)} ms; ` +
        `${((weak * 1000) / r.pictures).toFixed(1)} µs of weak callbacks a picture${cpu}`,
    );
  }
}

async function scrollPart(): Promise<void> {
  console.log(
    '\n(f) Scrolling to the end of the stickers in Chromium (wheel steps), Chromium trace',
  );
  const steps = Number(process.env['SCROLL_STEPS'] ?? Number.POSITIVE_INFINITY);
  const s = await runScrollBench(undefined, steps);
  const fps = s.frames / (s.scrollMs / 1000);
  console.log(
    `    ${s.stickers} stickers, ${ms(s.scrollMs)} of scrolling, ${s.frames} frames presented ` +
      `(${fps.toFixed(1)} fps), ${s.droppedFrames} dropped, ${s.tasks} main-thread tasks traced` +
      (Number.isFinite(steps) ? ` (first ${steps} wheel steps only: SCROLL_STEPS)` : ''),
  );
  console.log(
    `    main-thread tasks over 50 ms: ${s.longTasks} (${ms(s.longTaskMs)} in all), worst ` +
      `${ms(s.worstTaskMs)} (goal: none over 50 ms: ${verdict(s.longTasks === 0)})`,
  );
  console.log(
    `    by the main thread's own CPU time: ${s.longTasksByCpu} tasks over 50 ms, worst ` +
      `${ms(s.worstTaskCpuMs)} (load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; ` +
      'durations also count the time other threads and processes held the cores)',
  );
  if (s.longTaskList.length > 0) {
    // A task's length minus its own CPU is time the page's thread waited for one of the cores.
    const each = s.longTaskList
      .map((t) => `${ms(t.ms)}${t.cpuMs === null ? '' : ` (${ms(t.cpuMs)} CPU)`}`)
      .join(', ');
    console.log(`    each task over 50 ms, with its own CPU: ${each}`);
  }
  const causes = (c: Record<string, number>) =>
    Object.entries(c)
      .sort((a, b) => b[1] - a[1])
      .map(([cause, n]) => `${cause} ${ms(n)}`)
      .join(', ');
  console.log(`    long tasks spent: ${causes(s.longTaskCauses)}`);
  console.log(`    main thread busy: ${causes(s.busyCauses)}`);
  if (s.mainThreadCpuMs !== null) {
    console.log(
      `    main-thread CPU while scrolling: ${ms(s.mainThreadCpuMs)} ` +
        '(what the page itself used; task durations above also count time other processes held the cores)',
    );
  }
  const calls = Object.entries(s.bridgeCalls)
    .map(([channel, n]) => `${channel} x${n}`)
    .join(', ');
  console.log(`    bridge calls while scrolling: ${calls || 'none'}`);
  console.log(
    '    baseline (the issue, before): 19 long tasks, 1.2 s in all, 219 list calls of 48 items',
  );
}

function searchPart(): void {
  console.log('\n(d) Catalogue search, in-memory index, median and p95 of 25 runs per query');
  for (const figures of runSearchBench()) {
    console.log(`    ${figures.size} items (index built in ${ms(figures.buildMs)}):`);
    let worst = 0;
    for (const row of figures.rows) {
      worst = Math.max(worst, row.medianMs);
      console.log(
        `      ${row.name.padEnd(34)} median ${row.medianMs.toFixed(2)} ms, p95 ` +
          `${row.p95Ms.toFixed(2)} ms, ${row.matches} matches`,
      );
    }
    if (figures.size === 20_000) {
      console.log(
        `    slowest median at 20k: ${worst.toFixed(2)} ms (goal < 50 ms: ${verdict(worst < 50)})`,
      );
    }
  }
}

async function syncPart(): Promise<void> {
  console.log(
    '\n(e) Full catalogue sync into the local database, 20 ms server latency, 8 pages at once',
  );
  console.log(
    '    wall and CPU (this process, user + system, both threads) per run; min / median of the re-syncs',
  );
  console.log(
    benchListingWorker().built
      ? '    listing worker: the built one (out/main/catalogue-listing-worker.js), as the app runs it'
      : "    listing worker: from source (no build; run `npx electron-vite build` to measure the app's own)",
  );
  // Wall time on a shared machine is CPU time plus other processes' turns: say how busy it was.
  const load = () => loadavg()[0]!.toFixed(1);
  console.log(`    load average at start: ${load()} on ${availableParallelism()} cores`);
  // 100k takes a while on a shared machine: fewer re-syncs there.
  for (const [size, resyncs] of [
    [1_000, 5],
    [20_000, 5],
    [100_000, 2],
  ] as const) {
    const sync = await runSyncBench(size, { resyncs, appStarts: size === 20_000 ? 3 : 0 });
    const walls = sync.resyncs.map((r) => r.wallMs);
    const cpus = sync.resyncs.map((r) => r.cpuMs);
    const servers = sync.resyncs.map((r) => r.serverCpuMs);
    const mains = sync.resyncs.flatMap((r) =>
      r.mainThreadCpuMs === null ? [] : [r.mainThreadCpuMs],
    );
    const best = Math.min(...walls);
    const mid = median(walls);
    console.log(
      `    ${sync.items} items, ${sync.pages} pages: floor ${ms(sync.floorMs)} ` +
        `(ceil(${sync.pages} / ${sync.concurrency}) x ${sync.latencyMs} ms)`,
    );
    console.log(
      `      first sync (empty database): wall ${ms(sync.first.wallMs)}, CPU ${ms(sync.first.cpuMs)}, ` +
        `demo server CPU ${ms(sync.first.serverCpuMs)}`,
    );
    console.log(
      `      re-sync x${walls.length}: wall min ${ms(best)} (${(best / sync.floorMs).toFixed(2)}x floor), ` +
        `median ${ms(mid)} (${(mid / sync.floorMs).toFixed(2)}x); CPU min ${ms(Math.min(...cpus))}, ` +
        `median ${ms(median(cpus))}; demo server CPU median ${ms(median(servers))}`,
    );
    if (mains.length > 0) {
      console.log(
        `      main thread alone (database, index; the pages are listed in a worker): CPU median ` +
          `${ms(median(mains))}, first sync ${ms(sync.first.mainThreadCpuMs ?? 0)}`,
      );
    }
    console.log(
      `      runs (wall/CPU): ${sync.resyncs.map((r) => `${ms(r.wallMs)}/${ms(r.cpuMs)}`).join(', ')}`,
    );
    const bytes = median(sync.bytesOnly);
    console.log(
      `      baseline, a client that only reads the bytes (same pages, server and concurrency, ` +
        `all pages known up front): median ${ms(bytes)} (${(bytes / sync.floorMs).toFixed(2)}x floor), ` +
        `runs ${sync.bytesOnly.map(ms).join(', ')}; re-sync median / baseline median ${(mid / bytes).toFixed(2)}x`,
    );
    if (sync.appStarts.length > 0) {
      console.log(
        `      app starts (a fresh process opens the stored catalogue, then syncs; nothing warmed up): ` +
          sync.appStarts
            .map(
              (r) =>
                `open ${ms(r.openMs)} + sync ${ms(r.syncMs)} (${(r.syncMs / sync.floorMs).toFixed(2)}x floor)`,
            )
            .join(', '),
      );
    }
    console.log(`      load average now: ${load()}`);
    if (size === 20_000) {
      console.log(
        `      goal: 20k re-sync <= 1.5x the floor: best run ${verdict(best <= 1.5 * sync.floorMs)}, ` +
          `median ${verdict(mid <= 1.5 * sync.floorMs)}`,
      );
    }
  }
}

async function listingPart(): Promise<void> {
  console.log(
    '(a) Full listing: 5,000 generated items, 100 per page, 20 ms server latency, V3 signed',
  );
  const listing = await runListingBench();
  const ratio = listing.oursMs / listing.sdkMs;
  console.log(`    ours (${listing.concurrency} pages at once): ${ms(listing.oursMs)}`);
  console.log(`    @alicloud/openapi-client (page by page): ${ms(listing.sdkMs)}`);
  console.log(`    ratio ours/SDK: ${ratio.toFixed(3)} (goal <= 0.3: ${verdict(ratio <= 0.3)})`);
  console.log(
    `    physical floor ${listing.pages} pages / ${listing.concurrency} x ${listing.latencyMs} ms = ` +
      `${ms(listing.floorMs)}; ours is ${(listing.oursMs / listing.floorMs).toFixed(2)}x ` +
      `(goal <= 2x: ${verdict(listing.oursMs <= 2 * listing.floorMs)})`,
  );
  const perPage = (total: number) => (total / listing.pages).toFixed(1);
  console.log(
    `    CPU per full listing: ours ${ms(listing.clientCpuMs)} (${perPage(listing.clientCpuMs)} ms/page), ` +
      `demo server ${ms(listing.serverCpuMs)} (${perPage(listing.serverCpuMs)} ms/page); ` +
      'the floor above counts latency only',
  );
}

async function downloadPart(): Promise<void> {
  console.log('\n(b) Download of a 300 MB file over loopback');
  if (!curlAvailable()) console.log('    curl is missing: no comparison, only our own figures.');
  const download = await runDownloadBench();
  const oursRate = download.bytes / (download.oursMs / 1000);
  console.log(`    ours: ${ms(download.oursMs)} (${mb(oursRate)}/s)`);
  if (download.curlMs !== null) {
    const curlRate = download.bytes / (download.curlMs / 1000);
    const share = oursRate / curlRate;
    console.log(`    curl: ${ms(download.curlMs)} (${mb(curlRate)}/s)`);
    console.log(
      `    throughput ours/curl: ${share.toFixed(2)} (goal >= 0.8: ${verdict(share >= 0.8)})`,
    );
  }
  console.log('    variant by variant (best of 3, same file, same server; share of curl):');
  const shareOfCurl = (msTaken: number) =>
    download.curlMs === null ? '' : ` = ${(download.curlMs / msTaken).toFixed(2)} of curl`;
  if (download.curlMs !== null)
    console.log(`      curl -o file: ${ms(download.curlMs)}${shareOfCurl(download.curlMs)}`);
  console.log(
    `      node:http -> createWriteStream: ${ms(download.plainNodeMs)}${shareOfCurl(download.plainNodeMs)}`,
  );
  for (const variant of download.variants) {
    console.log(`      ${variant.name}: ${ms(variant.ms)}${shareOfCurl(variant.ms)}`);
  }
  console.log(
    `      ours (downloadFile: raw-socket fast path, writeSync into the exclusive .part): ${ms(download.oursMs)}${shareOfCurl(download.oursMs)}`,
  );
  const plainRate = download.bytes / (download.plainNodeMs / 1000);
  console.log(
    `    plain node:http -> file (Node's own ceiling here): ${ms(download.plainNodeMs)} ` +
      `(${mb(plainRate)}/s); ours/plain: ${(oursRate / plainRate).toFixed(2)}`,
  );
  console.log(
    `    our CPU, best run: user ${ms(download.oursCpuMs.user)}, ` +
      `system ${ms(download.oursCpuMs.system)}`,
  );
  const growth = download.peakRssGrowthBytes;
  console.log(
    `    peak RSS growth while downloading: ${mb(growth)} (goal < 64 MB: ${verdict(growth < 64 * 1024 * 1024)})`,
  );
}

async function cachePart(): Promise<void> {
  console.log(
    '\n(c) Media cache: first screen of 48 sticker thumbnails, 6 at a time, 20 ms per upstream request',
  );
  const cache = await runCacheBench();
  console.log(`    baseline "direct" (signed URLs, no cache): ${ms(cache.directMs)}`);
  console.log(
    `    cold (empty cache, fetch + store + serve): ${ms(cache.coldMs)} ` +
      `(${(cache.coldMs / cache.directMs).toFixed(2)}x direct; ${cache.coldUpstream} upstream requests)`,
  );
  console.log(
    `    warm (a revisit): ${ms(cache.warmMs)} (${(cache.warmMs / cache.directMs).toFixed(3)}x direct)`,
  );
  console.log(
    `    upstream requests on the revisit: ${cache.warmUpstream} (goal 0: ${verdict(cache.warmUpstream === 0)})`,
  );
  console.log(
    `    per thumbnail: served hit ${cache.servedHitMicros.toFixed(0)} µs (lookup, stat, read); ` +
      `lookup alone ${cache.lookupMicros.toFixed(1)} µs; synchronous path lookup ` +
      `${cache.syncLookupMicros.toFixed(2)} µs`,
  );
  const fill = await runCacheFillBench();
  const us = (n: number) => `${n.toFixed(0)} µs`;
  console.log(
    `    cold fill, CPU of the cache's process per cover (${fill.covers} covers, 6 at a time, no ` +
      `latency): ${us(fill.cacheMicros)}, against ${us(fill.plainMicros)} for the baseline ` +
      `"plain download" (a got stream per cover into a new file): ` +
      `${(fill.cacheMicros / fill.plainMicros).toFixed(2)}x; runs (cache/plain) ` +
      fill.runs.map((r) => `${us(r.cacheMicros)}/${us(r.plainMicros)}`).join(', '),
  );
  for (const entries of [10_000, 40_000]) {
    const save = await runIndexSaveBench(entries);
    const f = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `    index save, ${save.changed} records changed of ${entries}: ${f(save.dbMs)} ` +
        `(database), against ${f(save.jsonMs)} for the baseline "whole JSON" (the index before, ` +
        `${f(save.jsonBlockingMs)} of it one blocking JSON.stringify): ` +
        `${(save.jsonMs / save.dbMs).toFixed(0)}x; opening it ${f(save.dbOpenMs)} against ` +
        `${f(save.jsonOpenMs)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
