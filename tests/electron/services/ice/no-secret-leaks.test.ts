// Every failure path of the client, with STS credentials: nothing thrown may contain the secret,
// the STS token (raw or percent-encoded) or a signed URL's signature.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import type { ServerResponse } from 'node:http';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClientConfig } from '../../../../electron/services/ice/ice-client';
import { createSignatureVerifier } from '../../../../electron/demo-library/verify-signature';
import { percentEncode } from '../../../../electron/services/ice/percent-encode';
import { AppError } from '../../../../shared/errors';
import { sendJson, startTestServer } from './helpers/test-server';
import type { RecordedRequest, TestServer } from './helpers/test-server';

const SECRET = 'Sup3r+Secret/Value=42';
const TOKEN = 'CAIS+STS/token==with+plus';
const credentials = { accessKeyId: 'STS.leak-test', accessKeySecret: SECRET, securityToken: TOKEN };
const verify = createSignatureVerifier({
  credentials: [{ ...credentials, securityTokenExpiresAt: Date.now() + 3600_000 }],
});

const lowerPercent = (text: string) =>
  percentEncode(text).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
const xmlEntities = (text: string) => [...text].map((c) => `&#${c.charCodeAt(0)};`).join('');
const FORBIDDEN = [
  SECRET,
  TOKEN,
  percentEncode(SECRET),
  percentEncode(TOKEN),
  percentEncode(percentEncode(TOKEN)),
  lowerPercent(TOKEN),
  xmlEntities(TOKEN),
];
/** A signature value that survived (redacted ones read "Signature=[redacted]"). */
const SIGNATURE_VALUE = /Signature(=|%3D)(?!\[redacted\])[^\s&,)]+/;

type Fault = (req: RecordedRequest, res: ServerResponse) => void;

const echoQuery: Fault = (req, res) =>
  sendJson(res, 400, {
    RequestId: 'req-echo',
    Code: 'SomethingOdd',
    Message: `Bad request /?${req.rawQuery} token ${TOKEN} header ${req.headers.authorization}`,
  });

const faults: Array<[string, Fault, Partial<IceClientConfig>?]> = [
  [
    'a V1 SignatureDoesNotMatch that echoes the string-to-sign',
    (req, res) => respondVerified(req, res),
    { credentials: { ...credentials, accessKeySecret: 'wrong-secret-xyz' } },
  ],
  [
    'an unknown key',
    (req, res) => respondVerified(req, res),
    { credentials: { ...credentials, accessKeyId: 'ghost' } },
  ],
  [
    'a wrong STS token',
    (req, res) => respondVerified(req, res),
    { credentials: { ...credentials, securityToken: 'CAIS-wrong-token' } },
  ],
  ['an unknown error code whose message echoes the signed query', echoQuery],
  [
    'an XML error echoing the token',
    (_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(
        `<Error><Code>AccessDenied</Code><Message>token=${TOKEN}&amp;Signature=abc</Message></Error>`,
      );
    },
  ],
  [
    'a token echoed in lower-case %-encoding',
    (_req, res) => sendJson(res, 400, { Code: 'Odd', Message: `token ${lowerPercent(TOKEN)}` }),
  ],
  [
    'a token echoed as XML numeric references',
    (_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(`<Error><Code>AccessDenied</Code><Message>${xmlEntities(TOKEN)}</Message></Error>`);
    },
  ],
  [
    'a token inside the RequestId',
    (_req, res) => sendJson(res, 400, { RequestId: `req-${TOKEN}`, Code: 'Odd', Message: 'x' }),
  ],
  [
    'persistent throttling',
    (_req, res) => sendJson(res, 400, { Code: 'Throttling.User' }, { 'x-acs-retry-after': '0' }),
  ],
  [
    'persistent 500s',
    (_req, res) => sendJson(res, 500, { Code: 'InternalError', Message: SECRET }),
  ],
  ['dropped connections', (_req, res) => res.socket?.destroy()],
  [
    'truncated JSON',
    (_req, res) => {
      res.writeHead(200);
      res.end('{"RequestId":"x","MediaInfos":[');
    },
  ],
  [
    'a wrong shape',
    (_req, res) => sendJson(res, 200, { TotalCount: 1, MediaInfos: [{ MediaId: 1 }] }),
  ],
  [
    'a clock the server rejects',
    (_req, res) => sendJson(res, 400, { Code: 'InvalidTimeStamp.Expired' }),
  ],
  [
    'an expired token',
    (_req, res) =>
      sendJson(res, 400, { Code: 'InvalidParameter', Message: `SecurityToken.Expired: ${TOKEN}` }),
  ],
  [
    'a redirect',
    (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:1/?SecurityToken=${TOKEN}` });
      res.end();
    },
  ],
  ['a timeout', () => undefined, { timeouts: { responseMs: 100 } }],
];

function respondVerified(req: RecordedRequest, res: ServerResponse): void {
  const outcome = verify(req);
  if (outcome.ok) sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 });
  else
    sendJson(res, outcome.httpStatus, {
      RequestId: 'req-v',
      Code: outcome.code,
      Message: outcome.message,
    });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('no secret in any error', () => {
  it.each(faults)('%s', async (_name, fault, overrides = {}) => {
    server.handle(fault);
    for (const signatureMethod of ['v1', 'v3'] as const) {
      const client = createIceClient({
        endpoint: server.endpoint,
        credentials,
        signatureMethod,
        retry: { limit: 1, baseDelayMs: 1 },
        ...overrides,
      });
      const error = await client.listPublicMediaBasicInfos({ nextToken: 'a+b/c=' }).then(
        () => null,
        (e: unknown) => e,
      );
      client.close();
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      const views = [
        appError.message,
        String(appError.stack),
        JSON.stringify(appError),
        JSON.stringify(appError.toData()),
        inspect(appError, { showHidden: true, depth: null }),
      ].join('\n');
      for (const forbidden of FORBIDDEN) expect(views).not.toContain(forbidden);
      expect(views).not.toMatch(SIGNATURE_VALUE);
    }
  });
});
