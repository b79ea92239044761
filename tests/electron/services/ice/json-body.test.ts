import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '../../../../electron/services/ice/json-body';

/** What the transport did before: decode as UTF-8, then JSON.parse. */
const plain = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'));

const outcome = (parse: () => unknown): { value: unknown } | { error: string } => {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: (error as Error).name };
  }
};

describe('parseJsonBytes', () => {
  it('reads Chinese, accents and characters outside the BMP as UTF-8 decoding does', () => {
    const body = {
      Title: '星光 钢琴 Starlight Piano',
      Description: 'Café à la crème — «ça va» 🎹🎵 𠮷',
      Tags: ['舒缓', 'relax'],
      Nested: { Zh: '中文', Mixed: 'a中b文c', Escaped: 'quote " and \\ backslash 星' },
    };
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    expect(parseJsonBytes(bytes)).toEqual(body);
    expect(parseJsonBytes(bytes)).toEqual(plain(bytes));
  });

  it('keeps an ASCII-only body as it is', () => {
    const body = { RequestId: 'ABC-123', TotalCount: 7, List: [1, 2.5, null, true, 'x'] };
    expect(parseJsonBytes(Buffer.from(JSON.stringify(body)))).toEqual(body);
  });

  it('turns invalid UTF-8 into U+FFFD exactly as toString does', () => {
    // A lone continuation byte, a cut 3-byte sequence, an overlong form and 0xff, in a string.
    const bytes = Buffer.concat([
      Buffer.from('{"Title":"a'),
      Buffer.from([0x80, 0x41, 0xe6, 0x98, 0x42, 0xc0, 0xaf, 0xff]),
      Buffer.from('星"}'),
    ]);
    const value = parseJsonBytes(bytes) as { Title: string };
    expect(value).toEqual(plain(bytes));
    expect(value.Title).toContain('\ufffd');
  });

  it('fails where JSON.parse of the text fails: non-ASCII outside a string, a cut body, a BOM', () => {
    const cases = [
      Buffer.from('{"a": 星}'),
      Buffer.from('{"Title":"星光'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]),
      Buffer.from('<html>网关错误</html>'),
    ];
    for (const bytes of cases) {
      expect(outcome(() => parseJsonBytes(bytes))).toEqual({ error: 'SyntaxError' });
      expect(outcome(() => plain(bytes))).toEqual({ error: 'SyntaxError' });
    }
  });

  it('does not turn an invalid escape before a non-ASCII character into a valid one', () => {
    // "\é" is not JSON; escaping é naively would give "\\u00e9", an escaped backslash.
    const invalid = Buffer.from('{"a":"\\é"}', 'utf8');
    expect(outcome(() => parseJsonBytes(invalid))).toEqual({ error: 'SyntaxError' });
    // An escaped backslash before a non-ASCII character is valid, and read as it should be.
    const valid = Buffer.from(JSON.stringify({ a: '\\星' }), 'utf8');
    expect(parseJsonBytes(valid)).toEqual({ a: '\\星' });
  });
});
