// One home for the credential and endpoint rules: the settings form (renderer) and the main
// process run the same shared/account-rules.ts, so they refuse exactly the same values.

import { describe, expect, it } from 'vitest';
import { checkAccountForm } from '../../renderer/src/account/account-form';
import type { AccountFormValues } from '../../renderer/src/account/account-form';
import { checkCredentials } from '../../electron/services/secrets/credentials';
import { checkEndpointUrl } from '../../electron/services/settings/settings';
import { MESSAGES } from '../../renderer/src/i18n';

const base: AccountFormValues = {
  accessKeyId: 'LTAI5tAbCdEfGh1234abcd',
  accessKeySecret: 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0',
  securityToken: '',
  useToken: false,
  region: 'cn-shanghai',
  endpoint: '',
  signatureMethod: 'v3',
};

const cases: Array<[string, Partial<AccountFormValues>]> = [
  ['a valid key', {}],
  ['an empty id', { accessKeyId: '' }],
  ['an id with a space inside', { accessKeyId: 'LTAI5t AbCdEfGh1234' }],
  ['a short id', { accessKeyId: 'LTAI' }],
  ['an empty secret', { accessKeySecret: '' }],
  ['a secret that is too long', { accessKeySecret: 'x'.repeat(257) }],
  ['an STS id without a token', { accessKeyId: 'STS.NUgYrLnoC3n2kTmpKey9' }],
  ['a token with a line break', { useToken: true, securityToken: 'CAIS\nabc' }],
  ['https endpoint', { endpoint: 'https://ice.example.com' }],
  ['loopback http endpoint', { endpoint: 'http://127.0.0.1:8080' }],
  ['public http endpoint', { endpoint: 'http://ice.example.com' }],
  ['endpoint with a path', { endpoint: 'https://ice.example.com/api' }],
  ['endpoint with credentials', { endpoint: 'https://u:p@ice.example.com' }],
  ['ftp endpoint', { endpoint: 'ftp://ice.example.com' }],
  ['not a URL', { endpoint: 'ice example' }],
];

describe('the renderer and the main process refuse the same values', () => {
  it.each(cases)('%s', (_name, change) => {
    const values = { ...base, ...change };
    const renderer = checkAccountForm(values);
    const credentials = checkCredentials({
      accessKeyId: values.accessKeyId,
      accessKeySecret: values.accessKeySecret,
      securityToken: values.useToken ? values.securityToken : null,
    });
    const mainFields = new Set(credentials.ok ? [] : Object.keys(credentials.errors));
    if (values.endpoint !== '' && !checkEndpointUrl(values.endpoint).ok) mainFields.add('endpoint');
    expect(new Set(Object.keys(renderer))).toEqual(mainFields);
    // Every rule the renderer reports has words in both languages.
    for (const rule of Object.values(renderer)) {
      expect(MESSAGES.en.account.fieldErrors[rule!]).toBeTruthy();
      expect(MESSAGES['zh-CN'].account.fieldErrors[rule!]).toBeTruthy();
    }
  });
});
