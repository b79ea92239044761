import { describe, expect, it } from 'vitest';
import {
  checkCredentials,
  maskAccessKeyId,
} from '../../../../electron/services/secrets/credentials';

const ID = 'LTAI5tAbCdEfGh1234abcd';
const SECRET = 'q8ZbN3vK1pLmR7sT0uW2xY4zA6cE9f';

describe('checkCredentials', () => {
  it('trims whitespace and invisible characters pasted around each value', () => {
    const checked = checkCredentials({
      accessKeyId: `  ${ID}\n`,
      accessKeySecret: `\u200B${SECRET}\t\r\n`,
      securityToken: ' \uFEFFCAIS+token/abc== ',
    });
    expect(checked).toEqual({
      ok: true,
      value: { accessKeyId: ID, accessKeySecret: SECRET, securityToken: 'CAIS+token/abc==' },
    });
  });

  it('leaves the token out when it is empty or blank', () => {
    const checked = checkCredentials({
      accessKeyId: ID,
      accessKeySecret: SECRET,
      securityToken: '  ',
    });
    expect(checked).toEqual({ ok: true, value: { accessKeyId: ID, accessKeySecret: SECRET } });
    expect(
      checkCredentials({ accessKeyId: ID, accessKeySecret: SECRET, securityToken: null }).ok,
    ).toBe(true);
  });

  it('rejects empty fields with a message per field', () => {
    const checked = checkCredentials({ accessKeyId: ' ', accessKeySecret: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['accessKeyId', 'accessKeySecret']);
  });

  it.each([
    ['a space inside', 'abc def123456'],
    ['a line break inside', 'abc\ndef123456'],
    ['a zero-width space inside', 'abc\u200Bdef123456'],
    ['a control character', 'abc\u0007def123456'],
    ['a smart quote', 'abc\u201Ddef123456'],
  ])('rejects a secret with %s, without echoing it', (_, secret) => {
    const checked = checkCredentials({ accessKeyId: ID, accessKeySecret: secret });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.accessKeySecret).toMatch(/AccessKey secret/);
    expect(checked.errors.accessKeySecret).not.toContain('def123456');
  });

  it.each(['LTAI 5tAbCdEfGh', 'short', 'LTAI/5tAbCdEfGh12', '中文AccessKeyId1', 'x'.repeat(129)])(
    'rejects the implausible AccessKey ID %j',
    (accessKeyId) => {
      const checked = checkCredentials({ accessKeyId, accessKeySecret: SECRET });
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      expect(checked.errors.accessKeyId).toBeDefined();
      expect(checked.errors.accessKeySecret).toBeUndefined();
    },
  );

  it('accepts temporary (STS) ids and asks for their token', () => {
    const stsId = 'STS.NUgYrLnoC37mZZCNnAbez2Xq';
    const withoutToken = checkCredentials({ accessKeyId: stsId, accessKeySecret: SECRET });
    expect(withoutToken.ok).toBe(false);
    if (!withoutToken.ok) expect(Object.keys(withoutToken.errors)).toEqual(['securityToken']);
    const withToken = checkCredentials({
      accessKeyId: stsId,
      accessKeySecret: SECRET,
      securityToken: 'CAIS' + 'x'.repeat(1200),
    });
    expect(withToken.ok).toBe(true);
  });

  it('rejects a token with whitespace inside or an absurd length', () => {
    for (const securityToken of ['CAIS abc', 'CAIS' + 'x'.repeat(20_000)]) {
      const checked = checkCredentials({ accessKeyId: ID, accessKeySecret: SECRET, securityToken });
      expect(checked.ok).toBe(false);
    }
  });
});

describe('maskAccessKeyId', () => {
  it('shows the first and last four characters of a normal id', () => {
    expect(maskAccessKeyId('LTAI5tAbCdEfGh1234abcd')).toBe('LTAI****abcd');
    expect(maskAccessKeyId('STS.NUgYrLnoC37mZZCNnAbez2Xq')).toBe('STS.****z2Xq');
  });

  it('masks short ids completely', () => {
    expect(maskAccessKeyId('LTAI12345678')).toBe('****');
    expect(maskAccessKeyId('')).toBe('****');
  });
});
