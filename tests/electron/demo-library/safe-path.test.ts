import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaRelativePath, resolveInside } from '../../../electron/demo-library/files/safe-path';

describe('mediaRelativePath', () => {
  it('accepts plain and percent-encoded names', () => {
    expect(mediaRelativePath('/media/bgm/a.wav')).toEqual({ ok: true, relPath: 'bgm/a.wav' });
    expect(mediaRelativePath('/media/covers/%E6%98%9F.png')).toEqual({
      ok: true,
      relPath: 'covers/星.png',
    });
    expect(mediaRelativePath('/media/a..b/c.png')).toEqual({ ok: true, relPath: 'a..b/c.png' });
  });

  it.each([
    '/media/../x',
    '/media/a/../../x',
    '/media/%2e%2e/x',
    '/media/%2E%2e/x',
    '/media/.%2e/x',
    '/media/a/%2e%2e%2f%2e%2e%2fx',
    '/media/./x',
    '/media//etc/passwd',
    '/media/%2fetc%2fpasswd',
    '/media/a%5c..%5cx',
    '/media/C:%5cx',
    '/media/c:/x',
    '/media/a%00.png',
    '/media/a\0.png',
    '/media/%E0%A4%A',
    '/media/',
    '/media/a/',
    '/other/a.png',
  ])('refuses %s', (path) => {
    expect(mediaRelativePath(path).ok).toBe(false);
  });
});

describe('resolveInside', () => {
  const root = resolve('/srv/media');
  it('resolves paths inside the root', () => {
    expect(resolveInside(root, 'bgm/a.wav')).toBe(join(root, 'bgm', 'a.wav'));
  });
  it('refuses anything that lands outside or on the root itself', () => {
    expect(resolveInside(root, '../etc/passwd')).toBeNull();
    expect(resolveInside(root, 'a/../../x')).toBeNull();
    expect(resolveInside(root, '/etc/passwd')).toBeNull();
    expect(resolveInside(root, '')).toBeNull();
    expect(resolveInside(root, '.')).toBeNull();
  });
});
