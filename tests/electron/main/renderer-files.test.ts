import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_START_URL,
  contentTypeFor,
  resolveRendererFile,
} from '../../../electron/main/renderer-files';

const ROOT = resolve('/srv/app/out/renderer');

function refusal(url: string): number | 'served' {
  const result = resolveRendererFile(ROOT, url);
  return result.ok ? 'served' : result.status;
}

describe('resolveRendererFile', () => {
  it('maps app://renderer paths to files inside the renderer folder', () => {
    expect(resolveRendererFile(ROOT, APP_START_URL)).toEqual({
      ok: true,
      filePath: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(ROOT, 'app://renderer/assets/index-abc.js?v=1#x')).toEqual({
      ok: true,
      filePath: join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(ROOT, 'app://renderer/assets/my%20icon.svg')).toMatchObject({
      ok: true,
      filePath: join(ROOT, 'assets', 'my icon.svg'),
    });
  });

  it('serves index.html for the bare origin', () => {
    for (const url of [APP_ORIGIN, `${APP_ORIGIN}/`, `${APP_ORIGIN}//`]) {
      expect(resolveRendererFile(ROOT, url)).toMatchObject({ filePath: join(ROOT, 'index.html') });
    }
  });

  it('refuses encoded dot segments and encoded slashes that would climb out', () => {
    expect(refusal('app://renderer/..%2f..%2fetc%2fpasswd')).toBe(403);
    expect(refusal('app://renderer/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBe(403);
    expect(refusal('app://renderer/assets/%2E%2E%2F%2E%2E%2Fsecret')).toBe(403);
    expect(refusal('app://renderer/a/%2e%2F')).toBe(403);
  });

  it('keeps literal dot segments inside (the URL parser folds them before the root)', () => {
    const result = resolveRendererFile(ROOT, 'app://renderer/../../etc/passwd');
    expect(result).toMatchObject({ ok: true, filePath: join(ROOT, 'etc', 'passwd') });
    const encoded = resolveRendererFile(ROOT, 'app://renderer/%2e%2e/%2e%2e/etc/passwd');
    expect(encoded).toMatchObject({ ok: true, filePath: join(ROOT, 'etc', 'passwd') });
  });

  it('refuses backslashes, literal or encoded, which are separators on Windows', () => {
    expect(refusal('app://renderer/..\\..\\secret.txt')).toBe(403);
    expect(refusal('app://renderer/..%5c..%5csecret.txt')).toBe(403);
    expect(refusal('app://renderer/assets%5Cindex.js')).toBe(403);
  });

  it('treats absolute paths as relative to the renderer folder, and refuses drive letters', () => {
    expect(resolveRendererFile(ROOT, 'app://renderer//etc/passwd')).toMatchObject({
      filePath: join(ROOT, 'etc', 'passwd'),
    });
    expect(resolveRendererFile(ROOT, 'app://renderer/%2Fetc%2Fpasswd')).toMatchObject({
      filePath: join(ROOT, 'etc', 'passwd'),
    });
    expect(refusal('app://renderer/C:/Windows/win.ini')).toBe(403);
    expect(refusal('app://renderer/C%3A%2FWindows%2Fwin.ini')).toBe(403);
  });

  it('refuses NUL bytes and malformed percent-encoding', () => {
    expect(refusal('app://renderer/index.html%00.png')).toBe(403);
    expect(refusal('app://renderer/%E0%A4%A')).toBe(400);
  });

  it('serves only the app scheme and the renderer host', () => {
    expect(refusal('app://other/index.html')).toBe(404);
    expect(refusal('file:///srv/app/out/renderer/index.html')).toBe(404);
    expect(refusal('https://renderer/index.html')).toBe(404);
    expect(refusal('app://user:pw@renderer/index.html')).toBe(400);
    expect(refusal('app://renderer:8080/index.html')).toBe(400);
    expect(refusal('not a url')).toBe(400);
  });

  it('names content types by extension, defaulting to octet-stream', () => {
    expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/b.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/b.mp3')).toBe('audio/mpeg');
    expect(contentTypeFor('a/b')).toBe('application/octet-stream');
    expect(contentTypeFor('a/b.exe')).toBe('application/octet-stream');
  });
});
