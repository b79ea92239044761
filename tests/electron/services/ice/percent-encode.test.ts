import { describe, expect, it } from 'vitest';
import {
  canonicalQueryString,
  percentEncode,
} from '../../../../electron/services/ice/percent-encode';

describe('percentEncode', () => {
  it('keeps only unreserved characters literal, with upper-case hex over UTF-8', () => {
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(percentEncode(' ')).toBe('%20');
    expect(percentEncode('*')).toBe('%2A');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
    expect(percentEncode('+/=')).toBe('%2B%2F%3D');
    expect(percentEncode('标')).toBe('%E6%A0%87');
    expect(percentEncode('🎵')).toBe('%F0%9F%8E%B5');
    expect(percentEncode('%2F')).toBe('%252F');
  });

  it('encodes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(percentEncode('a\ud800b')).toBe('a%EF%BF%BDb');
  });

  it('sorts parameters by name and keeps empty values', () => {
    expect(canonicalQueryString({ b: '', a: 'x y', C: '1' })).toBe('C=1&a=x%20y&b=');
  });
});
