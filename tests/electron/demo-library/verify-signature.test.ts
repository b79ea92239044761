import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createSignatureVerifier } from '../../../electron/demo-library/verify-signature';
import type { VerifierCredential } from '../../../electron/demo-library/verify-signature';
import type { IncomingApiRequest } from '../../../electron/demo-library/server-types';
import { createIceClient } from '../../../electron/services/ice/ice-client';
import type { IceClient } from '../../../electron/services/ice/ice-client';
import { oracleRpcSignature, oracleV3Authorization } from '../services/ice/helpers/oracle';
import {
  pick,
  randomParams,
  randomValue,
  seededRandom,
} from '../services/ice/helpers/random-requests';
import { sendJson, startTestServer } from '../services/ice/helpers/test-server';
import type { TestServer } from '../services/ice/helpers/test-server';

const NOW = Date.UTC(2025, 1, 3, 4, 5, 6);
const STAMP = '2025-02-03T04:05:06Z';
const KEY: VerifierCredential = { accessKeyId: 'LTAI-verify', accessKeySecret: 'verify-secret' };
const STS = {
  accessKeyId: 'STS.verify',
  accessKeySecret: 'sts-secret',
  securityToken: 'CAIS+token/with=',
  securityTokenExpiresAt: NOW + 3600_000,
};

/** Builds the query exactly as Alibaba's SDK would (its own encoder), for an oracle request. */
function sdkEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}
function rawQueryOf(params: Record<string, string>): string {
  return Object.keys(params)
    .map((k) => `${sdkEncode(k)}=${sdkEncode(params[k] ?? '')}`)
    .join('&');
}

interface V3Options {
  credential?: VerifierCredential;
  query?: Record<string, string>;
  date?: string;
  nonce?: string;
  method?: string;
  extraHeaders?: Record<string, string>;
}

/** A V3 request signed by @alicloud/openapi-util, as the verifier receives it. */
function oracleV3Request(options: V3Options = {}): IncomingApiRequest {
  const credential = options.credential ?? KEY;
  const query = options.query ?? { PageNo: '1' };
  const method = options.method ?? 'POST';
  const emptySha = createHash('sha256').update('').digest('hex');
  const headers: Record<string, string> = {
    host: '127.0.0.1:8080',
    'x-acs-action': 'ListPublicMediaBasicInfos',
    'x-acs-version': '2020-11-09',
    'x-acs-date': options.date ?? STAMP,
    'x-acs-signature-nonce': options.nonce ?? `n-${Math.random()}`,
    'x-acs-content-sha256': emptySha,
    ...(credential.securityToken ? { 'x-acs-security-token': credential.securityToken } : {}),
    ...options.extraHeaders,
  };
  headers.authorization = oracleV3Authorization({
    method,
    query,
    headers,
    payloadSha256: emptySha,
    accessKeyId: credential.accessKeyId,
    secret: credential.accessKeySecret,
  });
  return {
    method,
    path: '/',
    rawQuery: rawQueryOf(query),
    headers: { ...headers, 'user-agent': 'test' },
    body: new Uint8Array(),
    receivedAt: NOW,
  };
}

/** A V1 request signed by @alicloud/openapi-util. */
function oracleV1Request(
  options: {
    credential?: VerifierCredential;
    params?: Record<string, string>;
    timestamp?: string;
    nonce?: string;
  } = {},
): IncomingApiRequest {
  const credential = options.credential ?? KEY;
  const params: Record<string, string> = {
    ...(options.params ?? { PageNo: '1' }),
    Action: 'ListPublicMediaBasicInfos',
    Version: '2020-11-09',
    Format: 'JSON',
    AccessKeyId: credential.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? `n-${Math.random()}`,
    Timestamp: options.timestamp ?? STAMP,
    ...(credential.securityToken ? { SecurityToken: credential.securityToken } : {}),
  };
  params.Signature = oracleRpcSignature(params, 'GET', credential.accessKeySecret);
  return {
    method: 'GET',
    path: '/',
    rawQuery: rawQueryOf(params),
    headers: {},
    body: new Uint8Array(),
    receivedAt: NOW,
  };
}

const verifier = () => createSignatureVerifier({ credentials: [KEY, STS] });

describe('createSignatureVerifier', () => {
  it('accepts 300 V3 and 300 V1 requests signed by Alibaba’s SDK, and rejects them tampered', () => {
    const verify = verifier();
    const random = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const query = randomParams(random);
      const credential = pick(random, [KEY, STS]);
      const v3 = oracleV3Request({ credential, query, method: pick(random, ['GET', 'POST']) });
      expect(verify(v3), `V3 case ${i} ${JSON.stringify(query)}`).toEqual({
        ok: true,
        accessKeyId: credential.accessKeyId,
      });
      const v1 = oracleV1Request({ credential, params: query });
      expect(verify(v1), `V1 case ${i}`).toEqual({ ok: true, accessKeyId: credential.accessKeyId });

      const extra = `&Tampered=${sdkEncode(randomValue(random))}`;
      const tampered3 = oracleV3Request({ credential, query });
      expect(verify({ ...tampered3, rawQuery: tampered3.rawQuery + extra })).toMatchObject({
        ok: false,
        code: 'SignatureDoesNotMatch',
      });
      const tampered1 = oracleV1Request({ credential, params: query });
      expect(verify({ ...tampered1, rawQuery: tampered1.rawQuery + extra })).toMatchObject({
        ok: false,
        code: 'SignatureDoesNotMatch',
      });
    }
  });

  it('treats a literal "+" as a space, so a client that forgets to encode it is caught', () => {
    const verify = verifier();
    const request = oracleV3Request({ query: { NextToken: 'a+b' } });
    expect(request.rawQuery).toBe('NextToken=a%2Bb');
    expect(verify({ ...request, rawQuery: 'NextToken=a+b' })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('answers an unknown key with InvalidAccessKeyId.NotFound (404)', () => {
    const ghost = { accessKeyId: 'LTAI-ghost', accessKeySecret: 'x' };
    for (const request of [
      oracleV3Request({ credential: ghost }),
      oracleV1Request({ credential: ghost }),
    ]) {
      expect(verifier()(request)).toMatchObject({
        ok: false,
        httpStatus: 404,
        code: 'InvalidAccessKeyId.NotFound',
      });
    }
  });

  it('answers a wrong secret with SignatureDoesNotMatch; V1 echoes its string-to-sign', () => {
    const wrong = { ...KEY, accessKeySecret: 'not-the-secret' };
    expect(verifier()(oracleV3Request({ credential: wrong }))).toMatchObject({
      httpStatus: 400,
      code: 'SignatureDoesNotMatch',
    });
    const v1 = verifier()(oracleV1Request({ credential: wrong }));
    expect(v1).toMatchObject({ httpStatus: 400, code: 'SignatureDoesNotMatch' });
    expect(v1.ok ? '' : v1.message).toMatch(
      /server string to sign is:GET&%2F&AccessKeyId%3DLTAI-verify%26/,
    );
  });

  it('rejects timestamps more than 15 minutes from the server clock, either way', () => {
    const at = (ms: number) => new Date(NOW + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const verify = verifier();
    expect(verify(oracleV3Request({ date: at(-16 * 60_000) }))).toMatchObject({
      code: 'InvalidTimeStamp.Expired',
    });
    expect(verify(oracleV1Request({ timestamp: at(16 * 60_000) }))).toMatchObject({
      code: 'InvalidTimeStamp.Expired',
    });
    expect(verify(oracleV3Request({ date: at(-14 * 60_000) }))).toMatchObject({ ok: true });
    expect(verify(oracleV3Request({ date: '2025-02-03 04:05:06' }))).toMatchObject({
      code: 'InvalidTimeStamp.Format',
    });
  });

  it('rejects a reused nonce with SignatureNonceUsed', () => {
    const verify = verifier();
    const request = oracleV3Request({ nonce: 'once' });
    expect(verify(request)).toMatchObject({ ok: true });
    expect(verify(request)).toMatchObject({ ok: false, code: 'SignatureNonceUsed' });
    expect(verify(oracleV1Request({ nonce: 'once-v1' }))).toMatchObject({ ok: true });
    expect(verify(oracleV1Request({ nonce: 'once-v1' }))).toMatchObject({
      code: 'SignatureNonceUsed',
    });
  });

  it('checks STS tokens: missing, wrong and expired', () => {
    const verify = verifier();
    const noToken = { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret };
    expect(verify(oracleV3Request({ credential: noToken }))).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('SecurityToken'),
    });
    expect(
      verify(oracleV1Request({ credential: { ...STS, securityToken: 'CAIS-other' } })),
    ).toMatchObject({
      code: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
    const expired = createSignatureVerifier({
      credentials: [{ ...STS, securityTokenExpiresAt: NOW - 1 }],
    });
    expect(expired(oracleV3Request({ credential: STS }))).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('SecurityToken.Expired'),
    });
  });

  it('rejects unsigned requests unless the action is allowed anonymously', () => {
    const unsigned: IncomingApiRequest = {
      method: 'POST',
      path: '/',
      rawQuery: 'PageNo=1',
      headers: { host: 'h', 'x-acs-action': 'ListPublicMediaBasicInfos' },
      body: new Uint8Array(),
      receivedAt: NOW,
    };
    expect(verifier()(unsigned)).toMatchObject({ httpStatus: 400, code: 'MissingParameter' });
    const lenient = createSignatureVerifier({
      credentials: [KEY],
      anonymousActions: ['ListPublicMediaBasicInfos'],
    });
    expect(lenient(unsigned)).toEqual({ ok: true, accessKeyId: null });
    expect(
      lenient({ ...unsigned, headers: { host: 'h', 'x-acs-action': 'GetPublicMediaInfo' } }),
    ).toMatchObject({
      code: 'MissingParameter',
    });
  });

  it('rejects an x-acs-* header that was sent but not signed, and a malformed Authorization', () => {
    const request = oracleV3Request();
    expect(
      verifier()({ ...request, headers: { ...request.headers, 'x-acs-extra': '1' } }),
    ).toMatchObject({
      code: 'IncompleteSignature',
    });
    expect(
      verifier()({
        ...request,
        headers: { ...request.headers, authorization: 'ACS3-HMAC-SHA256 junk' },
      }),
    ).toMatchObject({
      code: 'IncompleteSignature',
    });
    expect(
      verifier()({ ...request, headers: { ...request.headers, authorization: 'Bearer x' } }),
    ).toMatchObject({
      code: 'IncompleteSignature',
    });
  });
});

describe('the client against a verifying server', () => {
  let server: TestServer;
  let client: IceClient | undefined;
  afterEach(async () => {
    client?.close();
    await server.close();
  });

  async function serve(credentials: VerifierCredential[]) {
    const verify = createSignatureVerifier({ credentials });
    server = await startTestServer((req, res) => {
      const outcome = verify(req);
      if (!outcome.ok) {
        sendJson(res, outcome.httpStatus, {
          RequestId: 'req-v',
          Code: outcome.code,
          Message: outcome.message,
        });
      } else sendJson(res, 200, { RequestId: 'ok', TotalCount: 0 });
    });
  }

  it.each(['v3', 'v1'] as const)(
    'is accepted with %s, STS included, awkward parameters and all',
    async (method) => {
      const liveSts = { ...STS, securityTokenExpiresAt: Date.now() + 3600_000 };
      await serve([KEY, liveSts]);
      for (const credentials of [KEY, liveSts]) {
        client = createIceClient({
          endpoint: server.endpoint,
          credentials,
          signatureMethod: method,
        });
        const page = await client.listPublicMediaBasicInfos({
          mediaTagId: '贴纸 *~ +/=',
          nextToken: 'pSa1SQ0wCe5pzVrQ6mWZEw==',
          maxResults: 5,
        });
        expect(page.requestId).toBe('ok');
        client.close();
      }
    },
  );

  it.each(['v3', 'v1'] as const)(
    'maps %s verifier refusals to designer-readable errors',
    async (method) => {
      await serve([KEY]);
      client = createIceClient({
        endpoint: server.endpoint,
        credentials: { ...KEY, accessKeySecret: 'wrong' },
        signatureMethod: method,
      });
      await expect(client.listPublicMediaBasicInfos({})).rejects.toMatchObject({
        code: 'AUTH_SIGNATURE_MISMATCH',
        message: 'The AccessKey secret does not match this AccessKey id.',
        requestId: 'req-v',
      });
      client.close();
      client = createIceClient({
        endpoint: server.endpoint,
        credentials: { accessKeyId: 'nope', accessKeySecret: 'x' },
        signatureMethod: method,
      });
      await expect(client.listPublicMediaBasicInfos({})).rejects.toMatchObject({
        code: 'AUTH_INVALID_KEY',
        message: 'This AccessKey id does not exist.',
      });
      client.close();
      client = createIceClient({ endpoint: server.endpoint, signatureMethod: method });
      await expect(client.listPublicMediaBasicInfos({})).rejects.toMatchObject({
        code: 'AUTH_REQUIRED',
      });
    },
  );
});
