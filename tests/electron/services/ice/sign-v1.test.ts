import { describe, expect, it } from 'vitest';
import {
  signV1,
  v1Parameters,
  v1Signature,
  v1StringToSign,
} from '../../../../electron/services/ice/sign-v1';
import { oracleRpcSignature } from './helpers/oracle';
import { pick, randomParams, randomValue, seededRandom } from './helpers/random-requests';

describe('signV1', () => {
  it('reproduces Alibaba Cloud’s published HMAC-SHA1 RPC example exactly', () => {
    const signed = signV1({
      method: 'GET',
      action: 'DescribeDedicatedHosts',
      version: '2014-05-26',
      params: { RegionId: 'cn-beijing' },
      timestamp: '2023-03-13T08:34:30Z',
      nonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    });
    expect(signed.stringToSign).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON' +
        '%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26',
    );
    expect(signed.signature).toBe('9NaGiOspFP5UPcwX8Iwt2YJXXuk=');
    expect(signed.query).toMatch(/&Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D$/);
  });

  it('adds SecurityToken to the signed parameters with STS credentials', () => {
    const params = v1Parameters({
      method: 'GET',
      action: 'A',
      version: 'V',
      params: {},
      timestamp: 't',
      nonce: 'n',
      credentials: { accessKeyId: 'id', accessKeySecret: 's', securityToken: 'CAIS+x/y=' },
    });
    expect(params.SecurityToken).toBe('CAIS+x/y=');
    expect(v1StringToSign('GET', params)).toContain('SecurityToken%3DCAIS%252Bx%252Fy%253D');
  });

  it('agrees with @alicloud/openapi-util on 600 generated requests', () => {
    const random = seededRandom(20230313);
    for (let i = 0; i < 600; i++) {
      const secret = randomValue(random) || 'secret';
      const method = pick(random, ['GET', 'POST']);
      const params = v1Parameters({
        method,
        action: 'ListPublicMediaBasicInfos',
        version: '2020-11-09',
        params: randomParams(random),
        timestamp: '2025-02-03T04:05:06Z',
        nonce: `nonce-${i}`,
        credentials: {
          accessKeyId: `LTAI${i}`,
          accessKeySecret: secret,
          ...(random() < 0.4 ? { securityToken: `CAIS${randomValue(random)}` } : {}),
        },
      });
      const mine = v1Signature(v1StringToSign(method, params), secret);
      expect(mine, `case ${i}: ${JSON.stringify(params)}`).toBe(
        oracleRpcSignature(params, method, secret),
      );
    }
  });
});
