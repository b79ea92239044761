import { describe, expect, it } from 'vitest';
import { UrlSigner } from '../../../electron/demo-library/files/url-signer';

const checkOf = (signer: UrlSigner, path: string, query: string, nowSeconds: number) =>
  signer.check(path, new URLSearchParams(query), nowSeconds);

describe('UrlSigner', () => {
  it('accepts the URL it issued, and rejects it for another path or expiry', () => {
    const signer = new UrlSigner();
    const query = signer.query('/media/a.png', 2_000);
    expect(checkOf(signer, '/media/a.png', query, 1_000)).toEqual({ ok: true });
    expect(checkOf(signer, '/media/b.png', query, 1_000)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const later = query.replace('Expires=2000', 'Expires=2001');
    expect(checkOf(signer, '/media/a.png', later, 1_000)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('signs each expiry afresh: the same path in the next second gets its own signature', () => {
    const signer = new UrlSigner(Buffer.alloc(32, 7));
    const first = signer.query('/media/a.png', 2_000);
    expect(signer.query('/media/a.png', 2_000)).toBe(first);
    const next = signer.query('/media/a.png', 2_001);
    expect(next).not.toBe(first.replace('Expires=2000', 'Expires=2001'));
    expect(checkOf(signer, '/media/a.png', next, 1_000)).toEqual({ ok: true });
    // Back to the first second: still the first signature (nothing stale from the memo).
    expect(signer.query('/media/a.png', 2_000)).toBe(first);
  });

  it('signs with its own key: another server does not accept the URL', () => {
    const query = new UrlSigner(Buffer.alloc(32, 1)).query('/media/a.png', 2_000);
    expect(checkOf(new UrlSigner(Buffer.alloc(32, 2)), '/media/a.png', query, 1_000)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('reports an expired URL', () => {
    const signer = new UrlSigner();
    expect(checkOf(signer, '/media/a.png', signer.query('/media/a.png', 999), 1_000)).toEqual({
      ok: false,
      reason: 'expired',
      expires: 999,
    });
  });
});
