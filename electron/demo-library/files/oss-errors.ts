// OSS answers media requests with XML errors; clients match on Code and on the message text
// ("Request has expired"), so the demo server answers the same way.

import type { ServerResponse } from 'node:http';

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );

export function sendOssError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  extra: Record<string, string> = {},
  headOnly = false,
): void {
  const fields = Object.entries(extra)
    .map(([k, v]) => `  <${k}>${escapeXml(v)}</${k}>\n`)
    .join('');
  const body = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n  <RequestId>${requestId}</RequestId>\n  <HostId>ice-demo.oss-cn-shanghai.aliyuncs.com</HostId>\n${fields}</Error>\n`,
  );
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': body.length,
    'x-oss-request-id': requestId,
  });
  res.end(headOnly ? undefined : body);
}
