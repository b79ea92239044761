// (b) Download of a large file: downloadFile against curl on the same URL, with the peak RSS
// growth of this process while downloading.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFile } from '../../electron/services/ice/download-file';
import { startBenchServer } from './bench-server';

export interface DownloadFigures {
  bytes: number;
  oursMs: number;
  curlMs: number | null;
  peakRssGrowthBytes: number;
}

const RUNS = 3;

export function curlAvailable(): boolean {
  return spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function runDownloadBench(bytes = 300 * 1024 * 1024): Promise<DownloadFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ice-bench-download-'));
  const server = await startBenchServer({ bigFileBytes: bytes, mediaDir: join(dir, 'media') });
  const url = `${server.url}/media/big.bin`;
  try {
    const hasCurl = curlAvailable();
    const oursTimes: number[] = [];
    const curlTimes: number[] = [];
    let peakGrowth = 0;
    for (let run = 0; run < RUNS; run++) {
      const measured = await measureOurs(url, dir, bytes);
      oursTimes.push(measured.ms);
      peakGrowth = Math.max(peakGrowth, measured.peakRssGrowth);
      if (hasCurl) curlTimes.push(await measureCurl(url, join(dir, `curl-${run}.bin`), bytes));
    }
    return {
      bytes,
      oursMs: Math.min(...oursTimes),
      curlMs: hasCurl ? Math.min(...curlTimes) : null,
      peakRssGrowthBytes: peakGrowth,
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
  const start = performance.now();
  const result = await downloadFile({
    url,
    dir: target,
    fileName: 'big.bin',
    expectedSize: bytes,
    allowInternalHosts: true,
  });
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (result.bytes !== bytes) throw new Error(`downloaded ${result.bytes} of ${bytes} bytes`);
  await rm(target, { recursive: true, force: true });
  return { ms, peakRssGrowth: peak - baseline };
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
