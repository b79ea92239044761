// (b) Download of a large file: downloadFile against curl on the same URL, with the peak RSS
// growth of this process while downloading.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFile } from '../../electron/services/ice/download-file';
import { startBenchServer } from './bench-server';
import {
  plainHttpBatchedWrites,
  plainHttpDiscard,
  rawSocketReusedBuffer,
} from './download-variants';

export interface DownloadFigures {
  bytes: number;
  oursMs: number;
  curlMs: number | null;
  /** Plain node:http piped to a file: what Node's HTTP stack allows on this machine. */
  plainNodeMs: number;
  /** Further variants, best of the runs each, in the order printed. */
  variants: Array<{ name: string; ms: number }>;
  /** CPU time (user, system) of our fastest run. */
  oursCpuMs: { user: number; system: number };
  peakRssGrowthBytes: number;
}

const RUNS = 3;

/** The variants measured beside ours, curl and plain node:http (see download-variants.ts). */
const VARIANTS: Array<{
  name: string;
  writes: boolean;
  run: (url: string, path: string) => Promise<unknown>;
}> = [
  {
    name: 'node:http, body discarded (no disk)',
    writes: false,
    run: (url) => plainHttpDiscard(url),
  },
  {
    name: 'node:http -> 8 MiB batched writeSync',
    writes: true,
    run: (url, path) => plainHttpBatchedWrites(url, path),
  },
  {
    name: 'raw socket, one reused 64 KiB buffer, writeSync',
    writes: true,
    run: (url, path) => rawSocketReusedBuffer(url, path, 64 * 1024),
  },
  {
    name: 'raw socket, one reused 1 MiB buffer, writeSync',
    writes: true,
    run: (url, path) => rawSocketReusedBuffer(url, path, 1024 * 1024),
  },
  {
    name: 'downloadFile with fastPath off (got stream -> 8 MiB writev, the general path)',
    writes: false,
    run: async (url, path) => {
      const dir = `${path}.dir`;
      await downloadFile({
        url,
        dir,
        fileName: 'big.mp4',
        expectedSize: null,
        allowInternalHosts: true,
        fastPath: false,
      });
      await rm(dir, { recursive: true, force: true });
    },
  },
];

export function curlAvailable(): boolean {
  return spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function runDownloadBench(bytes = 300 * 1024 * 1024): Promise<DownloadFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ice-bench-download-'));
  const server = await startBenchServer({ bigFileBytes: bytes, mediaDir: join(dir, 'media') });
  const url = `${server.url}/media/big.bin`;
  try {
    const hasCurl = curlAvailable();
    // Interleaved runs, best of each: other load on the machine hits all contenders alike.
    const ours: Array<Awaited<ReturnType<typeof measureOurs>>> = [];
    const curlTimes: number[] = [];
    const plainTimes: number[] = [];
    const variantTimes = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
    for (let run = 0; run < RUNS; run++) {
      ours.push(await measureOurs(url, dir, bytes));
      if (hasCurl) curlTimes.push(await measureCurl(url, join(dir, `curl-${run}.bin`), bytes));
      plainTimes.push(await measurePlainNode(url, join(dir, `plain-${run}.bin`), bytes));
      for (const variant of VARIANTS) {
        const path = join(dir, `variant-${run}.bin`);
        const start = performance.now();
        await variant.run(url, path);
        variantTimes.get(variant.name)!.push(performance.now() - start);
        const size = variant.writes ? (await stat(path)).size : bytes;
        await rm(path, { force: true });
        if (size !== bytes) throw new Error(`${variant.name} wrote ${size} of ${bytes} bytes`);
      }
    }
    const best = ours.reduce((a, b) => (b.ms < a.ms ? b : a));
    return {
      bytes,
      oursMs: best.ms,
      curlMs: hasCurl ? Math.min(...curlTimes) : null,
      plainNodeMs: Math.min(...plainTimes),
      variants: VARIANTS.map((v) => ({ name: v.name, ms: Math.min(...variantTimes.get(v.name)!) })),
      oursCpuMs: best.cpuMs,
      peakRssGrowthBytes: Math.max(...ours.map((o) => o.peakRssGrowth)),
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureOurs(url: string, dir: string, bytes: number) {
  const target = join(dir, 'ours');
  await rm(target, { recursive: true, force: true });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await downloadFile({
    url,
    dir: target,
    fileName: 'big.mp4',
    expectedSize: bytes,
    allowInternalHosts: true,
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (result.bytes !== bytes) throw new Error(`downloaded ${result.bytes} of ${bytes} bytes`);
  await rm(target, { recursive: true, force: true });
  return {
    ms,
    peakRssGrowth: peak - baseline,
    cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
  };
}

async function measurePlainNode(url: string, path: string, bytes: number): Promise<number> {
  const start = performance.now();
  await new Promise<void>((done, fail) => {
    get(url, (response) => {
      pipeline(response, createWriteStream(path)).then(done, fail);
    }).once('error', fail);
  });
  const ms = performance.now() - start;
  const size = (await stat(path)).size;
  await rm(path, { force: true });
  if (size !== bytes) throw new Error(`node:http downloaded ${size} of ${bytes} bytes`);
  return ms;
}

async function measureCurl(url: string, path: string, bytes: number): Promise<number> {
  const start = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn('curl', ['-sS', '-o', path, url], { stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`curl exited ${code}`))));
  });
  const ms = performance.now() - start;
  const size = (await stat(path)).size;
  await rm(path, { force: true });
  if (size !== bytes) throw new Error(`curl downloaded ${size} of ${bytes} bytes`);
  return ms;
}
