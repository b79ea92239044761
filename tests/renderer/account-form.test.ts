import { describe, expect, it } from 'vitest';
import {
  checkAccountForm,
  fieldErrorTexts,
  regionEndpoint,
  toFormInput,
  trimValues,
} from '../../renderer/src/account/account-form';
import type { AccountFormValues } from '../../renderer/src/account/account-form';
import { MESSAGES } from '../../renderer/src/i18n';

const VALID: AccountFormValues = {
  accessKeyId: 'LTAI5tAbCdEfGh1234abcd',
  accessKeySecret: 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0',
  securityToken: '',
  useToken: false,
  region: 'cn-shanghai',
  endpoint: '',
  signatureMethod: 'v3',
};

describe('the account form checks', () => {
  it('accepts a complete form', () => {
    expect(checkAccountForm(VALID)).toEqual({});
  });

  it('names empty fields', () => {
    expect(checkAccountForm({ ...VALID, accessKeyId: '', accessKeySecret: '' })).toEqual({
      accessKeyId: 'idEmpty',
      accessKeySecret: 'secretEmpty',
    });
  });

  it('refuses spaces and line breaks inside a key, and ids of the wrong shape', () => {
    expect(checkAccountForm({ ...VALID, accessKeyId: 'LTAI5t Ab' }).accessKeyId).toBe(
      'idInvisible',
    );
    expect(checkAccountForm({ ...VALID, accessKeyId: 'short' }).accessKeyId).toBe('idShape');
    expect(checkAccountForm({ ...VALID, accessKeySecret: 'abc\ndef' }).accessKeySecret).toBe(
      'secretInvisible',
    );
    expect(checkAccountForm({ ...VALID, accessKeySecret: 'x'.repeat(257) }).accessKeySecret).toBe(
      'secretTooLong',
    );
  });

  it('asks for the token of an STS id, and checks a token only when it is used', () => {
    const sts = { ...VALID, accessKeyId: 'STS.NUgYabcdef123456' };
    expect(checkAccountForm(sts).securityToken).toBe('tokenNeeded');
    expect(checkAccountForm({ ...sts, useToken: true, securityToken: 'CAIS+/=' })).toEqual({});
    expect(
      checkAccountForm({ ...VALID, useToken: true, securityToken: 'CAIS abc' }).securityToken,
    ).toBe('tokenInvisible');
    expect(checkAccountForm({ ...VALID, useToken: false, securityToken: 'CAIS abc' })).toEqual({});
  });

  it.each([
    ['ftp://example.com', 'endpointScheme'],
    ['example.com', 'endpointNotUrl'],
    ['https://user:pw@example.com', 'endpointCredentials'],
    ['https://example.com/path', 'endpointPath'],
    ['https://example.com/?q=1', 'endpointPath'],
  ])('refuses the endpoint %s', (endpoint, key) => {
    expect(checkAccountForm({ ...VALID, endpoint }).endpoint).toBe(key);
  });

  it.each(['https://ice.cn-shanghai.aliyuncs.com', 'http://127.0.0.1:8080', 'https://h.example/'])(
    'accepts the endpoint %s',
    (endpoint) => {
      expect(checkAccountForm({ ...VALID, endpoint })).toEqual({});
    },
  );

  it('refuses a region or signature method outside the lists', () => {
    const odd = {
      ...VALID,
      region: 'mars-1',
      signatureMethod: 'v2',
    } as unknown as AccountFormValues;
    expect(checkAccountForm(odd)).toEqual({
      region: 'regionUnknown',
      signatureMethod: 'signatureUnknown',
    });
  });
});

describe('pasted whitespace', () => {
  it('is removed around keys and endpoint, including zero-width characters, and reported', () => {
    const { values, trimmed } = trimValues({
      ...VALID,
      accessKeyId: `\u200B ${VALID.accessKeyId}\r\n`,
      accessKeySecret: `${VALID.accessKeySecret}\t`,
      endpoint: ' https://ice.cn-beijing.aliyuncs.com ',
    });
    expect(values.accessKeyId).toBe(VALID.accessKeyId);
    expect(values.accessKeySecret).toBe(VALID.accessKeySecret);
    expect(values.endpoint).toBe('https://ice.cn-beijing.aliyuncs.com');
    expect(trimmed.sort()).toEqual(['accessKeyId', 'accessKeySecret', 'endpoint']);
  });

  it('is not reported for a field that was only whitespace (that is an empty field)', () => {
    const { values, trimmed } = trimValues({ ...VALID, endpoint: '   ' });
    expect(values.endpoint).toBe('');
    expect(trimmed).toEqual([]);
  });
});

describe('what the form sends', () => {
  it('sends the token only while the token field is on, and null for an empty endpoint', () => {
    expect(toFormInput({ ...VALID, securityToken: 'CAIS1' })).toEqual({
      accessKeyId: VALID.accessKeyId,
      accessKeySecret: VALID.accessKeySecret,
      securityToken: null,
      region: 'cn-shanghai',
      endpoint: null,
      signatureMethod: 'v3',
    });
    expect(toFormInput({ ...VALID, useToken: true, securityToken: 'CAIS1' }).securityToken).toBe(
      'CAIS1',
    );
  });

  it('shows the region default as the endpoint placeholder', () => {
    expect(regionEndpoint('ap-southeast-1')).toBe('https://ice.ap-southeast-1.aliyuncs.com');
  });
});

describe('field error words', () => {
  it('uses its own words, then the main process’s in English, and a generic sentence otherwise', () => {
    const fromMain = { region: 'Choose one of the regions: a, b.', endpoint: 'Main says no.' };
    expect(fieldErrorTexts(MESSAGES.en, 'en', { endpoint: 'endpointPath' }, fromMain)).toEqual({
      region: 'Choose one of the regions: a, b.',
      endpoint: MESSAGES.en.account.fieldErrors.endpointPath,
    });
    expect(fieldErrorTexts(MESSAGES['zh-CN'], 'zh-CN', {}, fromMain)).toEqual({
      region: MESSAGES['zh-CN'].account.fieldErrors.invalid,
      endpoint: MESSAGES['zh-CN'].account.fieldErrors.invalid,
    });
  });
});
