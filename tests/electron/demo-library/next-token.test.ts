import { describe, expect, it } from 'vitest';
import { NextTokenCodec } from '../../../electron/demo-library/api/next-token';

describe('NextTokenCodec', () => {
  const codec = new NextTokenCodec(Buffer.alloc(32, 7));

  it('round-trips offsets, including large ones', () => {
    for (const offset of [0, 1, 10, 65_535, 65_536, 1_000_000, 2 ** 32 - 1]) {
      expect(codec.decode(codec.encode(offset, 'scope'), 'scope')).toBe(offset);
    }
  });

  it('always produces 24-character base64 containing +, / and =', () => {
    for (let i = 0; i < 200; i++) {
      const token = codec.encode(i * 37, '');
      expect(token).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(token).toContain('+');
      expect(token).toContain('/');
    }
  });

  it('is salted: the same offset gives different tokens', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => codec.encode(5, '')));
    expect(tokens.size).toBeGreaterThan(1);
  });

  it('refuses another scope, another key, and altered or malformed tokens', () => {
    const token = codec.encode(40, 'bgm|');
    expect(codec.decode(token, 'sticker|')).toBeNull();
    expect(new NextTokenCodec(Buffer.alloc(32, 8)).decode(token, 'bgm|')).toBeNull();
    expect(codec.decode(token.replace('+', ' '), 'bgm|')).toBeNull();
    expect(
      codec.decode(token.slice(0, 12) + (token[12] === 'a' ? 'b' : 'a') + token.slice(13), 'bgm|'),
    ).toBeNull();
    for (const junk of [
      '',
      '==',
      'AAAAAAAAAAAAAAAAAAAAAA==',
      'x'.repeat(200),
      '8EqYpQbZ6Eh7+Zz8DxVYoQ==',
    ]) {
      expect(codec.decode(junk, 'bgm|')).toBeNull();
    }
  });
});
