// OSS-style signed media URLs: `?Expires=<unix seconds>&OSSAccessKeyId=demo&Signature=<base64
// HMAC-SHA1 of "expires\npath">`, keyed by a random per-server secret. The signature covers the
// path and the expiry, not the method, so HEAD works with a URL issued for GET.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEMO_ACCESS_KEY_ID = 'demo';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'mismatch' }
  | { ok: false; reason: 'expired'; expires: number };

export class UrlSigner {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha1', this.key).update(`${expires}\n${path}`).digest('base64');
  }

  /** The query string (without '?') for `path` (e.g. "/media/bgm/a.wav"). */
  query(path: string, expires: number): string {
    const signature = encodeURIComponent(this.signature(path, expires));
    return `Expires=${expires}&OSSAccessKeyId=${DEMO_ACCESS_KEY_ID}&Signature=${signature}`;
  }

  /** Checks the query of a request for `path` against the server clock `nowSeconds`. */
  check(path: string, query: URLSearchParams, nowSeconds: number): SignatureCheck {
    const expiresRaw = query.get('Expires');
    const signature = query.get('Signature');
    if (!expiresRaw || !signature || !query.get('OSSAccessKeyId'))
      return { ok: false, reason: 'missing' };
    if (!/^\d{1,12}$/.test(expiresRaw)) return { ok: false, reason: 'mismatch' };
    const expires = Number(expiresRaw);
    if (expires < nowSeconds) return { ok: false, reason: 'expired', expires };
    const expected = Buffer.from(this.signature(path, expires));
    const given = Buffer.from(signature);
    if (
      query.get('OSSAccessKeyId') !== DEMO_ACCESS_KEY_ID ||
      expected.length !== given.length ||
      !timingSafeEqual(expected, given)
    ) {
      return { ok: false, reason: 'mismatch' };
    }
    return { ok: true };
  }
}
