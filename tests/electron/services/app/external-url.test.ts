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
  ])('refuses %j with UNSAFE_URL', (url) => {
    expect(() => checkExternalUrl(url)).toThrow(expect.objectContaining({ code: 'UNSAFE_URL' }));
  });
});
