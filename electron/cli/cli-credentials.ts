// Where the CLI finds an AccessKey: the standard Alibaba Cloud environment variables, then the
// app's stored credentials (keychain, added by a later issue), else none (anonymous calls).

import type { AccessKeyCredentials } from '../services/ice/credentials';
import { UsageError } from './args';

export function credentialsFromEnv(env: NodeJS.ProcessEnv): AccessKeyCredentials | null {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim();
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim();
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim();
  if (!accessKeyId && !accessKeySecret) return null;
  if (!accessKeyId || !accessKeySecret) {
    throw new UsageError(
      'Set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or neither.',
    );
  }
  return { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) };
}

/**
 * Hook for credentials saved by the desktop app (OS keychain). A later issue implements it;
 * until then there are none.
 */
export async function loadStoredCredentials(): Promise<AccessKeyCredentials | null> {
  return null;
}

export async function resolveCliCredentials(
  env: NodeJS.ProcessEnv,
): Promise<AccessKeyCredentials | null> {
  return credentialsFromEnv(env) ?? (await loadStoredCredentials());
}
