// A real HTTP server on 127.0.0.1 for client tests: records every request as IncomingApiRequest
// (what a verifier sees) and lets each test answer as it likes.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingApiRequest } from '../../../../../electron/demo-library/server-types';

export interface RecordedRequest extends IncomingApiRequest {
  /** From x-acs-action (V3/anonymous) or the Action query parameter (V1). */
  action: string | null;
  query: URLSearchParams;
}

export type TestHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  endpoint: { scheme: 'http'; host: string; port: number };
  requests: RecordedRequest[];
  handle(handler: TestHandler): void;
  close(): Promise<void>;
}

export async function startTestServer(initial?: TestHandler): Promise<TestServer> {
  let handler: TestHandler = initial ?? ((_req, res) => sendJson(res, 404, { Code: 'NotFound' }));
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [path = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
      const query = new URLSearchParams(rawQuery);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        rawQuery,
        headers,
        body: new Uint8Array(Buffer.concat(chunks)),
        receivedAt: Date.now(),
        action: headers['x-acs-action'] ?? query.get('Action'),
        query,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, req)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    endpoint: { scheme: 'http', host: '127.0.0.1', port },
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A catalogue answer for ListPublicMediaBasicInfos in both pagination styles. */
export function catalogue(size: number, prefix = 'media'): (request: RecordedRequest) => unknown {
  const items = Array.from({ length: size }, (_, i) => mediaInfo(`${prefix}-${i + 1}`, i));
  return (request) => {
    const q = request.query;
    if (q.has('MaxResults') || q.has('NextToken')) {
      const max = Number(q.get('MaxResults') ?? 10);
      // Tokens carry + / = like the real ones, to prove they survive encoding both ways.
      const token = q.get('NextToken');
      const start = token ? Number(/^p\+\/(\d+)==$/.exec(token)?.[1] ?? NaN) : 0;
      if (Number.isNaN(start)) return { RequestId: 'req-token', Code: 'BadToken' };
      const next = start + max < size ? `p+/${start + max}==` : '';
      return {
        RequestId: 'req-token',
        TotalCount: size,
        MaxResults: max,
        NextToken: next,
        MediaInfos: items.slice(start, start + max),
      };
    }
    const pageNo = Number(q.get('PageNo') ?? 1);
    const pageSize = Number(q.get('PageSize') ?? 10);
    return {
      RequestId: `req-page-${pageNo}`,
      TotalCount: size,
      MediaInfos: items.slice((pageNo - 1) * pageSize, pageNo * pageSize),
    };
  };
}

export function mediaInfo(mediaId: string, index = 0): Record<string, unknown> {
  return {
    MediaId: mediaId,
    MediaBasicInfo: {
      MediaId: mediaId,
      MediaType: 'image',
      BusinessType: 'sticker',
      Title: `贴纸 ${index + 1}`,
      MediaTags: 'sticker-cute,sticker-daily',
      CoverURL: `https://cdn.example.com/${mediaId}.png?Expires=1700000000&Signature=abc`,
      Snapshots: 'null',
      Status: 'Normal',
      CreateTime: '2021-01-08T16:52:04Z',
      ModifiedTime: '2021-01-08T16:52:04Z',
    },
    FileInfoList: [
      {
        FileBasicInfo: {
          FileName: `${mediaId}.png`,
          FileSize: String(1000 + index),
          FileUrl: `https://cdn.example.com/${mediaId}.png?Expires=1700000000`,
          FormatName: 'png_pipe',
          Width: '512',
          Height: '512',
        },
      },
    ],
  };
}
