import { describe, expect, it } from 'vitest';
import { urlExpiresAt, urlHasExpired } from '../../../../electron/services/media-cache/signed-url';

describe('signed URL expiry', () => {
  it('reads OSS V1 Expires and OSS V4 x-oss-date + x-oss-expires', () => {
    expect(urlExpiresAt('https://b.oss.example/a.png?Expires=1700000000&Signature=x')).toBe(
      1_700_000_000_000,
    );
    expect(
      urlExpiresAt('https://b.oss.example/a.png?x-oss-date=20240102T030405Z&x-oss-expires=3600'),
    ).toBe(Date.UTC(2024, 0, 2, 4, 4, 5));
    expect(urlExpiresAt('https://cdn.example/a.png')).toBeNull();
    expect(urlExpiresAt('https://b.oss.example/a.png?Expires=soon')).toBeNull();
    expect(urlExpiresAt('not a url')).toBeNull();
  });

  it('treats a link within the margin of its end as expired, and one without Expires as valid', () => {
    const url = 'https://b.oss.example/a.png?Expires=1000';
    expect(urlHasExpired(url, 990_000)).toBe(false);
    expect(urlHasExpired(url, 996_000)).toBe(true);
    expect(urlHasExpired('https://cdn.example/a.png', Date.now())).toBe(false);
  });
});
