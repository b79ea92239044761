// The AccessKey pair (optionally with an STS token) that signs requests.

export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** Present with temporary (STS) credentials. */
  securityToken?: string;
}

/** Every string in the credentials that must never appear in a log, message or file. */
export function secretsOf(credentials: AccessKeyCredentials | undefined): string[] {
  if (!credentials) return [];
  return [credentials.accessKeySecret, credentials.securityToken ?? ''].filter((s) => s !== '');
}
