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

export const ENV_CREDENTIALS_HALF =
  'Set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or neither.';

/**
 * The standard Alibaba Cloud environment variables (the CLI and the browser preview read them),
 * or null when neither is set. Throws with ENV_CREDENTIALS_HALF when only one is.
 */
export function credentialsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): AccessKeyCredentials | null {
  const accessKeyId = env['ALIBABA_CLOUD_ACCESS_KEY_ID']?.trim();
  const accessKeySecret = env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']?.trim();
  const securityToken = env['ALIBABA_CLOUD_SECURITY_TOKEN']?.trim();
  if (!accessKeyId && !accessKeySecret) return null;
  if (!accessKeyId || !accessKeySecret) throw new Error(ENV_CREDENTIALS_HALF);
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}
