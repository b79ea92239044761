// The `auth` commands' command line. Only the AccessKey ID is an argument: the secret and token
// come from stdin (see read-secret.ts).

import type { IceRegion } from '../services/ice/endpoint';
import type { SignatureMethod } from '../services/ice/api-transport';
import { checkCredentials } from '../services/secrets/credentials';
import { checkEndpointUrl } from '../services/settings/settings';
import { parseRegion } from './option-values';
import { UsageError } from './usage-error';

export interface AuthSetCommand {
  name: 'auth-set';
  accessKeyId: string;
  /** Read an STS token from the second line of stdin. */
  sts: boolean;
  /** Run the connection test before saving (default on; --no-test turns it off). */
  test: boolean;
  /** Given options only; the others keep their saved values. */
  region?: IceRegion;
  /** Normalized origin, as the app stores it. */
  endpoint?: string;
  signatureMethod?: SignatureMethod;
}

export type AuthCommand = AuthSetCommand | { name: 'auth-show' } | { name: 'auth-clear' };

export interface AuthOptionValues {
  accessKeyId: string | undefined;
  region: string | undefined;
  endpoint: string | undefined;
  signatureMethod: SignatureMethod | null;
  sts: boolean | undefined;
  test: boolean | undefined;
}

export function parseAuthCommand(
  /** "auth set", "auth show" or "auth clear". */
  scope: string,
  positionals: readonly string[],
  values: AuthOptionValues,
): AuthCommand {
  if (positionals.length > 0) {
    // Not echoed: a stray word here is likely the secret itself.
    throw new UsageError(
      `"${scope}" takes no further arguments; the secret is read from stdin, never from arguments.`,
    );
  }
  if (scope === 'auth show') return { name: 'auth-show' };
  if (scope === 'auth clear') return { name: 'auth-clear' };
  if (values.accessKeyId === undefined) throw new UsageError('auth set needs --access-key-id ID.');
  // The secret is checked after it is read; the ID can be refused before asking for it.
  const checked = checkCredentials({ accessKeyId: values.accessKeyId, accessKeySecret: 'x' });
  const idProblem = checked.ok ? undefined : checked.errors.accessKeyId;
  if (idProblem !== undefined) throw new UsageError(`--access-key-id: ${idProblem}`);
  let endpoint: string | undefined;
  if (values.endpoint !== undefined) {
    const endpointCheck = checkEndpointUrl(values.endpoint);
    if (!endpointCheck.ok) throw new UsageError(`--endpoint: ${endpointCheck.error}`);
    endpoint = endpointCheck.value;
  }
  return {
    name: 'auth-set',
    accessKeyId: values.accessKeyId,
    sts: values.sts ?? false,
    test: values.test ?? true,
    ...(values.region !== undefined ? { region: parseRegion(values.region) } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(values.signatureMethod !== null ? { signatureMethod: values.signatureMethod } : {}),
  };
}
