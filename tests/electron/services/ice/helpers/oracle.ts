// Alibaba's own signing code (@alicloud/openapi-util), the independent oracle for differential
// tests. It is CommonJS with an ES "default" export, which tsx/vitest wrap once more.

import * as utilModule from '@alicloud/openapi-util';
import type OpenApiUtilType from '@alicloud/openapi-util';
import * as $tea from '@alicloud/tea-typescript';

type UtilClass = typeof OpenApiUtilType;
const wrapped = utilModule as unknown as { default: UtilClass & { default?: UtilClass } };
const OpenApiUtil: UtilClass = wrapped.default.default ?? wrapped.default;

export function oracleRpcSignature(
  params: Record<string, string>,
  method: string,
  secret: string,
): string {
  return OpenApiUtil.getRPCSignature(params, method, secret);
}

export function oracleV3Authorization(input: {
  method: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  payloadSha256: string;
  accessKeyId: string;
  secret: string;
}): string {
  const request = new $tea.Request();
  request.method = input.method;
  request.pathname = '/';
  request.query = { ...input.query };
  request.headers = { ...input.headers };
  return OpenApiUtil.getAuthorization(
    request,
    'ACS3-HMAC-SHA256',
    input.payloadSha256,
    input.accessKeyId,
    input.secret,
  );
}
