// Alibaba Cloud's error body, {RequestId, HostId, Code, Message, Recommend}, and the error type
// that the action handlers throw to produce one.

export const HOST_ID = 'ice.cn-shanghai.aliyuncs.com';

export interface AlibabaErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(requestId: string, code: string, message: string): AlibabaErrorBody {
  return {
    RequestId: requestId,
    HostId: HOST_ID,
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=ICE&requestId=${requestId}`,
  };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function invalidParameter(name: string, detail = 'is not valid'): ApiError {
  return new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" ${detail}.`);
}
