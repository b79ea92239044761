import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../../electron/services/app/static-path';

const ROOT = resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps a path to the file inside the folder, with its content type', () => {
    expect(resolveStaticPath(ROOT, '/assets/index-abc.js')).toEqual({
      ok: true,
      filePath: join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveStaticPath(ROOT, '/')).toMatchObject({
      ok: true,
      filePath: join(ROOT, 'index.html'),
    });
    expect(resolveStaticPath(ROOT, '/%E7%B4%A0%E6%9D%90.png')).toMatchObject({
      ok: true,
      filePath: join(ROOT, '素材.png'),
    });
  });

  it.each([
    ['a literal parent segment', '/../etc/passwd', 403],
    ['an encoded parent segment', '/%2e%2e/etc/passwd', 403],
    ['an encoded slash inside a parent segment', '/assets/..%2f..%2fetc%2fpasswd', 403],
    ['a backslash', '/..\\..\\etc\\passwd', 403],
    ['an encoded backslash', '/assets/%5c..%5csecret', 403],
    ['a NUL byte', '/index.html%00.png', 403],
    ['a drive letter', '/C:/Windows/win.ini', 403],
    ['a path without a leading slash', 'index.html', 403],
    ['malformed percent-encoding', '/%E0%A4%A', 400],
  ])('refuses %s', (_label, path, status) => {
    expect(resolveStaticPath(ROOT, path)).toMatchObject({ ok: false, status });
  });
});
