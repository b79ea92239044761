// Opaque NextToken values: 16 bytes in base64 holding a list offset, bound to the query's
// filter and to this server instance by an HMAC, so a token from another query, another server
// or a client that mangled it (e.g. sent '+' unencoded, which decodes as a space) is refused.
// Two fixed high bytes make every token contain '+' and '/', and 16 bytes always end in '==',
// like the real service's tokens: clients that forget to percent-encode are caught.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const MARKER = 0x4a;

export class NextTokenCodec {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  private mac(head: Buffer, scope: string): Buffer {
    return createHmac('sha256', this.key).update(head).update(scope).digest().subarray(0, 7);
  }

  encode(offset: number, scope: string): string {
    const salt = randomBytes(2);
    const head = Buffer.alloc(9);
    head[0] = MARKER;
    head[1] = salt[0] as number;
    head[2] = salt[1] as number;
    head[3] = 0xf8 | ((salt[0] as number) & 3); // base64 char 4 becomes '+'
    head.writeUInt16BE(offset >>> 16, 4);
    head[6] = 0xfc | ((salt[1] as number) & 3); // base64 char 8 becomes '/'
    head.writeUInt16BE(offset & 0xffff, 7);
    return Buffer.concat([head, this.mac(head, scope)]).toString('base64');
  }

  /** The offset, or null when the token is not one this server issued for this scope. */
  decode(token: string, scope: string): number | null {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(token)) return null;
    const bytes = Buffer.from(token, 'base64');
    if (bytes.length !== 16 || bytes[0] !== MARKER) return null;
    const head = bytes.subarray(0, 9);
    if (!timingSafeEqual(bytes.subarray(9), this.mac(head, scope))) return null;
    return head.readUInt16BE(4) * 0x10000 + head.readUInt16BE(7);
  }
}
