// OSS-style signed media URLs: `?Expires=<unix seconds>&OSSAccessKeyId=demo&Signature=<base64
// HMAC-SHA1 of "expires\npath">`, keyed by a random per-server secret. The signature covers the
// path and the expiry, not the method, so HEAD works with a URL issued for GET.

import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export const DEMO_ACCESS_KEY_ID = 'demo';

const MEMO_LIMIT = 4096;

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'mismatch' }
  | { ok: false; reason: 'expired'; expires: number };

export class UrlSigner {
  // A KeyObject, not the raw bytes: createHmac with a Buffer key re-imports the key on every
  // call, which was 7x the cost of the HMAC itself and most of the demo server's CPU per page
  // (two signed URLs per item, 20,000 items per catalogue sync).
  private readonly key: KeyObject;
  /** Signatures of the current second: the items of a page share a few files. */
  private memo = new Map<string, string>();
  private memoExpires = -1;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = createSecretKey(key);
  }

  private signature(path: string, expires: number): string {
    if (expires !== this.memoExpires) {
      this.memo = new Map();
      this.memoExpires = expires;
    }
    let signature = this.memo.get(path);
    if (signature === undefined) {
      signature = createHmac('sha1', this.key).update(`${expires}\n${path}`).digest('base64');
      if (this.memo.size < MEMO_LIMIT) this.memo.set(path, signature);
    }
    return signature;
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
