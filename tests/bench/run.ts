// npm run bench: prints the figures behind the client's speed and memory claims.
//   (a) full listing, 5,000 items at 100 per page, 20 ms latency: ours vs @alicloud/openapi-client
//   (b) 300 MB download: ours vs curl, with peak RSS growth

import { runListingBench } from './listing-bench';
import { curlAvailable, runDownloadBench } from './download-bench';

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');

async function main(): Promise<void> {
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
