// What the account form holds, how it is checked before any call, and how it becomes the
// configuration of an ICE client.

import type { AccountFormInput } from '../../../shared/account';
import { checkCredentials } from '../secrets/credentials';
import type { CredentialField, FieldErrors } from '../secrets/credentials';
import type { StoredCredentials } from '../secrets/secret-store';
import { checkEndpointUrl, REGIONS, SIGNATURE_METHODS } from '../settings/settings';
import type { Region, SignatureMethod } from '../settings/settings';
import type { IceLibraryApi } from '../ice/ice-api';
import type { IceClientConfig as FullIceClientConfig } from '../ice/ice-client';
import { parseEndpointUrl } from '../ice/endpoint';

/** What the settings form submits (shared with the renderer). */
export type AccountForm = AccountFormInput;

export type AccountField = CredentialField | 'region' | 'endpoint' | 'signatureMethod';
export type AccountFieldErrors = FieldErrors<AccountField>;

/** What the account flow sets on an ICE client: where, signed how, and with which key. */
export type IceClientConfig = Pick<FullIceClientConfig, 'endpoint' | 'credentials'> & {
  signatureMethod: SignatureMethod;
};

/** Builds an ICE client; injected so the account flow does not depend on one implementation. */
export type CreateIceClient = (config: IceClientConfig) => IceLibraryApi;

/** A form that passed validation, trimmed and normalized. */
export interface CheckedAccountForm {
  credentials: StoredCredentials;
  region: Region;
  endpoint: string | null;
  signatureMethod: SignatureMethod;
}

export type AccountFormCheck =
  { ok: true; value: CheckedAccountForm } | { ok: false; errors: AccountFieldErrors };

export function checkAccountForm(form: AccountForm): AccountFormCheck {
  const errors: AccountFieldErrors = {};
  const credentials = checkCredentials(form);
  if (!credentials.ok) Object.assign(errors, credentials.errors);

  const region = REGIONS.find((r) => r === form.region?.trim());
  if (region === undefined) errors.region = `Choose one of the regions: ${REGIONS.join(', ')}.`;

  const signatureMethod = SIGNATURE_METHODS.find((m) => m === form.signatureMethod);
  if (signatureMethod === undefined) errors.signatureMethod = 'Choose signature V3 or V1.';

  let endpoint: string | null = null;
  const endpointText = form.endpoint?.trim() ?? '';
  if (endpointText !== '') {
    const checked = checkEndpointUrl(endpointText);
    if (checked.ok) endpoint = checked.value;
    else errors.endpoint = checked.error;
  }

  if (!credentials.ok || region === undefined || signatureMethod === undefined || errors.endpoint) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { credentials: credentials.value, region, endpoint, signatureMethod },
  };
}

export function clientConfig(
  target: { region: Region; endpoint: string | null; signatureMethod: SignatureMethod },
  credentials: StoredCredentials | undefined,
): IceClientConfig {
  return {
    endpoint: target.endpoint === null ? target.region : parseEndpointUrl(target.endpoint),
    ...(credentials === undefined ? {} : { credentials }),
    signatureMethod: target.signatureMethod,
  };
}
