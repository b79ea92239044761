import { describe, expect, it } from 'vitest';
import { parseByteRange as parseRange } from '../../shared/http-range';

describe('parseRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-0', { kind: 'range', start: 0, end: 0 }],
    ['bytes=0-499', { kind: 'range', start: 0, end: 499 }],
    ['bytes=500-', { kind: 'range', start: 500, end: 999 }],
    ['bytes=-1', { kind: 'range', start: 999, end: 999 }],
    ['bytes=-5000', { kind: 'range', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'range', start: 990, end: 999 }],
    [' Bytes = 10 - 20 ', { kind: 'range', start: 10, end: 20 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1001', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=20-10', { kind: 'none' }],
    ['bytes=0-1,3-4', { kind: 'none' }],
    ['bytes=-', { kind: 'none' }],
    ['items=0-1', { kind: 'none' }],
    ['bytes=a-b', { kind: 'none' }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it('without a header there is no range, and an empty file satisfies none', () => {
    expect(parseRange(undefined, size)).toEqual({ kind: 'none' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
