import { describe, expect, it } from 'vitest';
import {
  clockMessage,
  isRetryableApiCode,
  mapApiError,
  parseErrorBody,
  redact,
} from '../../../../electron/services/ice/api-errors';
import type { ApiErrorFacts } from '../../../../electron/services/ice/api-errors';

function facts(code: string | null, httpStatus = 400, more: Partial<ApiErrorFacts> = {}) {
  return { code, message: null, requestId: 'req-1', httpStatus, anonymous: false, ...more };
}

describe('mapApiError', () => {
  it.each([
    ['InvalidAccessKeyId.NotFound', 404, 'AUTH_INVALID_KEY', 'This AccessKey id does not exist.'],
    ['InvalidAccessKeyId.Inactive', 400, 'AUTH_INVALID_KEY', 'disabled'],
    [
      'SignatureDoesNotMatch',
      400,
      'AUTH_SIGNATURE_MISMATCH',
      'The AccessKey secret does not match',
    ],
    [
      'SignatureDoesNotMatch',
      403,
      'AUTH_SIGNATURE_MISMATCH',
      'The AccessKey secret does not match',
    ],
    ['IncompleteSignature', 400, 'AUTH_SIGNATURE_MISMATCH', 'signature'],
    ['InvalidTimeStamp.Expired', 400, 'AUTH_CLOCK_SKEW', "Your computer's clock"],
    ['Throttling.User', 400, 'THROTTLED', 'Too many requests'],
    ['Throttling.Api', 400, 'THROTTLED', 'Too many requests'],
    ['Forbidden.RAM', 403, 'AUTH_FORBIDDEN', 'permission'],
    ['InvalidSecurityToken.Expired', 400, 'AUTH_TOKEN_EXPIRED', 'STS'],
    ['InvalidParameter', 400, 'BAD_REQUEST', 'InvalidParameter'],
    ['MissingParameter', 400, 'BAD_REQUEST', 'MissingParameter'],
    ['InternalError', 500, 'SERVER_ERROR', 'InternalError'],
    ['ServiceUnavailable', 503, 'SERVER_ERROR', 'ServiceUnavailable'],
    ['InvalidMediaId.NotFound', 404, 'NOT_FOUND', 'Not found'],
    [null, 502, 'SERVER_ERROR', 'HTTP 502'],
  ])('%s (HTTP %i) -> %s', (code, status, expected, wording) => {
    const error = mapApiError(facts(code, status));
    expect(error.code).toBe(expected);
    expect(error.message).toContain(wording);
    expect(error.requestId).toBe('req-1');
  });

  it('branches on Code, not status: an expired STS token arrives as InvalidParameter', () => {
    const error = mapApiError(
      facts('InvalidParameter', 400, { message: 'The parameter SecurityToken.Expired is invalid' }),
    );
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('treats a missing STS token as a token problem', () => {
    const error = mapApiError(
      facts('MissingParameter', 400, {
        message: 'The input parameter "SecurityToken" that is mandatory is not supplied.',
      }),
    );
    expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('reports the wait of a throttled call', () => {
    const error = mapApiError(facts('Throttling.User', 400, { retryAfterSeconds: 7 }));
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.message).toBe('Too many requests. Try again in 7 seconds.');
  });

  it('says AUTH_REQUIRED when an unsigned call is refused for lack of a signature', () => {
    expect(
      mapApiError(
        facts('MissingParameter', 400, { anonymous: true, message: 'AccessKeyId is mandatory' }),
      ).code,
    ).toBe('AUTH_REQUIRED');
    expect(mapApiError(facts('IncompleteSignature', 400, { anonymous: true })).code).toBe(
      'AUTH_REQUIRED',
    );
  });

  it('states clock offsets in minutes and direction', () => {
    expect(clockMessage(20 * 60_000)).toContain('off by 20 minutes (behind the server)');
    expect(clockMessage(-60_000)).toContain('off by 1 minute (ahead of the server)');
  });
});

describe("the service's own code", () => {
  it('travels next to ours, in the error and in its data', () => {
    const error = mapApiError(facts('SignatureDoesNotMatch'));
    expect(error.code).toBe('AUTH_SIGNATURE_MISMATCH');
    expect(error.serviceCode).toBe('SignatureDoesNotMatch');
    expect(error.toData()).toMatchObject({
      code: 'AUTH_SIGNATURE_MISMATCH',
      serviceCode: 'SignatureDoesNotMatch',
      requestId: 'req-1',
    });
  });

  it('is absent when the service gave none', () => {
    expect(mapApiError(facts(null, 503)).toData()).not.toHaveProperty('serviceCode');
  });
});

describe('parseErrorBody', () => {
  it('reads JSON error bodies', () => {
    expect(
      parseErrorBody(
        '{"RequestId":"r","HostId":"h","Code":"Throttling","Message":"m","Recommend":"x"}',
      ),
    ).toEqual({
      code: 'Throttling',
      message: 'm',
      requestId: 'r',
    });
  });

  it('reads XML error bodies, entities and CDATA included', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A1F</RequestId>\n' +
      '  <HostId>ice.cn-shanghai.aliyuncs.com</HostId>\n  <Code>Forbidden.RAM</Code>\n' +
      '  <Message><![CDATA[User not authorized & such]]></Message>\n</Error>';
    expect(parseErrorBody(xml)).toEqual({
      code: 'Forbidden.RAM',
      message: 'User not authorized & such',
      requestId: '6A1F',
    });
  });

  it('survives bodies that are neither', () => {
    expect(parseErrorBody('<html>502 Bad Gateway')).toEqual({
      code: null,
      message: null,
      requestId: null,
    });
    expect(parseErrorBody('')).toEqual({ code: null, message: null, requestId: null });
  });
});

describe('isRetryableApiCode', () => {
  it('retries throttling, server errors and used nonces, not auth errors', () => {
    expect(isRetryableApiCode('Throttling.User', 400)).toBe(true);
    expect(isRetryableApiCode('InternalError', 500)).toBe(true);
    expect(isRetryableApiCode(null, 503)).toBe(true);
    expect(isRetryableApiCode('SignatureNonceUsed', 400)).toBe(true);
    expect(isRetryableApiCode('SignatureDoesNotMatch', 400)).toBe(false);
    expect(isRetryableApiCode('InvalidParameter', 400)).toBe(false);
  });
});

describe('redact', () => {
  it('removes secrets in raw and percent-encoded forms, and signing parameters', () => {
    const text =
      'sts CAIS+x/y= enc CAIS%2Bx%2Fy%3D double CAIS%252Bx%252Fy%253D ' +
      'url ?Expires=1&OSSAccessKeyId=LTAI&Signature=abc%2B&security-token=zzz';
    const out = redact(text, ['CAIS+x/y=']);
    expect(out).not.toContain('CAIS');
    expect(out).not.toContain('abc');
    expect(out).not.toContain('zzz');
    expect(out).toContain('Expires=1');
  });
});

describe('redact, encoded echoes', () => {
  const TOKEN = 'CAIS+x/y=Tok';
  const percentLower = 'CAIS%2bx%2fy%3dTok';
  const entitiesDecimal = [...TOKEN].map((c) => `&#${c.charCodeAt(0)};`).join('');
  const entitiesHex = [...TOKEN].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
  const mixed = 'CAIS&#43;x%2Fy&#x3D;Tok';
  const json = 'CAIS\\u002bx\\/y\\u003dTok';

  it.each([
    ['lower-case percent-encoding', percentLower],
    ['XML decimal references', entitiesDecimal],
    ['XML hex references', entitiesHex],
    ['a mix of forms', mixed],
    ['JSON escapes', json],
    ['inside a RequestId', `req-${TOKEN}-42`],
  ])('removes a token echoed as %s', (_form, echoed) => {
    const out = redact(`The string to sign was ${echoed} and more`, [TOKEN]);
    expect(out).toBe(
      'The string to sign was [redacted] and more'.replace(
        '[redacted]',
        echoed.startsWith('req-') ? 'req-[redacted]-42' : '[redacted]',
      ),
    );
  });
});
