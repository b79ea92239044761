// (a) Full listing of a generated catalogue: our client (concurrent pages) against Alibaba's
// @alicloud/openapi-client making the same signed calls one page after another, both verified
// by the demo server with our verifier.

import * as openApiModule from '@alicloud/openapi-client';
import type OpenApiClientType from '@alicloud/openapi-client';
import { createIceClient } from '../../electron/services/ice/ice-client';
import { startBenchServer } from './bench-server';

type SdkClientClass = typeof OpenApiClientType;
const sdk = openApiModule as unknown as {
  default: SdkClientClass & { default?: SdkClientClass };
  Config: typeof openApiModule.Config;
  OpenApiRequest: typeof openApiModule.OpenApiRequest;
  Params: typeof openApiModule.Params;
};
const SdkClient: SdkClientClass = sdk.default.default ?? sdk.default;

export interface ListingFigures {
  items: number;
  pages: number;
  latencyMs: number;
  concurrency: number;
  oursMs: number;
  sdkMs: number;
  floorMs: number;
  /** CPU the demo server spent answering one full listing of ours (it serves one at a time). */
  serverCpuMs: number;
  /** CPU this process spent on one full listing of ours (requests, parsing, normalizing). */
  clientCpuMs: number;
}

const KEY = { accessKeyId: 'LTAI-bench', accessKeySecret: 'bench-secret' };
const RUNS = 3;

export async function runListingBench(
  catalogueSize = 5000,
  pageSize = 100,
  latencyMs = 20,
  concurrency = 8,
): Promise<ListingFigures> {
  const server = await startBenchServer({ generated: catalogueSize, latencyMs, verifyWith: [KEY] });
  try {
    const ours = createIceClient({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
      credentials: KEY,
      signatureMethod: 'v3',
      listConcurrency: concurrency,
    });
    const listOurs = async () => {
      let n = 0;
      for await (const _item of ours.listAllMedia({ pageSize, includeFileBasicInfo: true })) n++;
      return n;
    };

    const client = new SdkClient(
      new sdk.Config({ ...KEY, endpoint: `127.0.0.1:${server.port}`, protocol: 'http' }),
    );
    const params = new sdk.Params({
      action: 'ListPublicMediaBasicInfos',
      version: '2020-11-09',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const listSdk = async () => {
      let n = 0;
      for (let pageNo = 1; ; pageNo++) {
        const request = new sdk.OpenApiRequest({
          query: {
            PageNo: String(pageNo),
            PageSize: String(pageSize),
            IncludeFileBasicInfo: 'true',
          },
        });
        // A plain object is what RuntimeOptions' fields are read from.
        const response = (await client.callApi(params, request, {} as never)) as {
          body: { TotalCount: number; MediaInfos: unknown[] };
        };
        n += response.body.MediaInfos.length;
        if (pageNo * pageSize >= response.body.TotalCount) return n;
      }
    };

    // Warm up both (JIT, keep-alive connections), and prove they list the same number.
    const [oursCount, sdkCount] = [await listOurs(), await listSdk()];
    if (oursCount !== catalogueSize || sdkCount !== catalogueSize) {
      throw new Error(
        `listed ${oursCount} (ours) and ${sdkCount} (SDK), expected ${catalogueSize}`,
      );
    }
    const oursTimes: number[] = [];
    const sdkTimes: number[] = [];
    const serverCpu: number[] = [];
    const clientCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cpuBefore = await server.cpuMs();
      const clientBefore = process.cpuUsage();
      oursTimes.push(await timed(listOurs));
      const client = process.cpuUsage(clientBefore);
      clientCpu.push((client.user + client.system) / 1000);
      serverCpu.push((await server.cpuMs()) - cpuBefore);
      sdkTimes.push(await timed(listSdk));
    }
    ours.close();
    const pages = Math.ceil(catalogueSize / pageSize);
    return {
      items: catalogueSize,
      pages,
      latencyMs,
      concurrency,
      oursMs: median(oursTimes),
      sdkMs: median(sdkTimes),
      floorMs: (pages / concurrency) * latencyMs,
      serverCpuMs: median(serverCpu),
      clientCpuMs: median(clientCpu),
    };
  } finally {
    await server.close();
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
