import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../../electron/services/app/external-url';

describe('checkExternalUrl', () => {
  it('lets a plain https link through, normalized', () => {
    expect(checkExternalUrl('https://help.aliyun.com/document_detail/440958.html')).toBe(
      'https://help.aliyun.com/document_detail/440958.html',
    );
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://renderer/index.html',
    'https://user:pass@example.com/',
    'not a url',
    '',
    'https://evil.example/',
    'https://ram.console.aliyun.com.evil.example/manage/ak',
    'https://evil.example/?to=https://ram.console.aliyun.com/',
    'https://ram.console.aliyun.com:8443/manage/ak',
    'https://xn--ram-console-aliyun.com/',
  ])('refuses %j with UNSAFE_URL', (url) => {
    expect(() => checkExternalUrl(url)).toThrow(expect.objectContaining({ code: 'UNSAFE_URL' }));
  });
});

describe('checkExternalUrl, exact hosts', () => {
  it.each(['https://ram.console.aliyun.com/manage/ak', 'https://RAM.console.aliyun.com/x'])(
    'opens %j, a host the app links to',
    (url) => {
      expect(checkExternalUrl(url)).toMatch(/^https:\/\/ram\.console\.aliyun\.com\//);
    },
  );
});
