// The settings form's values and the checks it runs before anything is sent: the rules are
// shared/account-rules.ts, the same code the main process runs (and runs again); here their codes
// become words in the UI language. Pure, so it is unit-tested without a browser.

import { REGIONS, SIGNATURE_METHODS } from '../../../shared/account';
import { credentialRules, endpointRule, trimPasted } from '../../../shared/account-rules';
import type { AccountRule } from '../../../shared/account-rules';
import type {
  AccountFieldErrors,
  AccountFormField,
  AccountFormInput,
  RegionId,
  SignatureMethodId,
} from '../../../shared/account';
import type { Language, Messages } from '../i18n';

/** What the form holds while the user types (component state only, never the store). */
export interface AccountFormValues {
  accessKeyId: string;
  accessKeySecret: string;
  /** Sent only while useToken is on. */
  securityToken: string;
  useToken: boolean;
  region: RegionId;
  endpoint: string;
  signatureMethod: SignatureMethodId;
}

export type FormErrors = Partial<Record<AccountFormField, AccountRule>>;
export { trimPasted };

/** The fields in screen order: the first one with an error gets focus. */
export const FIELD_ORDER: readonly AccountFormField[] = [
  'accessKeyId',
  'accessKeySecret',
  'securityToken',
  'region',
  'endpoint',
  'signatureMethod',
];

export function regionEndpoint(region: RegionId): string {
  return `https://ice.${region}.aliyuncs.com`;
}

export function isRegion(value: string): value is RegionId {
  return (REGIONS as readonly string[]).includes(value);
}

export function isSignatureMethod(value: string): value is SignatureMethodId {
  return (SIGNATURE_METHODS as readonly string[]).includes(value);
}

/** The fields whose surrounding whitespace is removed (on leaving the field and on submit). */
export const TRIMMED_FIELDS = [
  'accessKeyId',
  'accessKeySecret',
  'securityToken',
  'endpoint',
] as const;
export type TrimmedField = (typeof TRIMMED_FIELDS)[number];

/** The values with pasted edge whitespace removed, and which fields changed. */
export function trimValues(values: AccountFormValues): {
  values: AccountFormValues;
  trimmed: TrimmedField[];
} {
  const next = { ...values };
  const trimmed: TrimmedField[] = [];
  for (const field of TRIMMED_FIELDS) {
    const clean = trimPasted(values[field]);
    if (clean !== values[field]) {
      next[field] = clean;
      // Whitespace alone is an empty field, not something "removed" worth mentioning.
      if (clean !== '') trimmed.push(field);
    }
  }
  return { values: next, trimmed };
}

/** Checks trimmed values (the shared rules); an empty result means the form may be sent. */
export function checkAccountForm(values: AccountFormValues): FormErrors {
  const errors: FormErrors = credentialRules({
    accessKeyId: values.accessKeyId,
    accessKeySecret: values.accessKeySecret,
    securityToken: values.useToken ? values.securityToken : '',
  });
  if (!isRegion(values.region)) errors.region = 'regionUnknown';
  if (!isSignatureMethod(values.signatureMethod)) errors.signatureMethod = 'signatureUnknown';
  const endpointError = endpointRule(values.endpoint);
  if (endpointError) errors.endpoint = endpointError;
  return errors;
}

/** What crosses the bridge: the token only when the user turned it on. */
export function toFormInput(values: AccountFormValues): AccountFormInput {
  return {
    accessKeyId: values.accessKeyId,
    accessKeySecret: values.accessKeySecret,
    securityToken: values.useToken && values.securityToken !== '' ? values.securityToken : null,
    region: values.region,
    endpoint: values.endpoint === '' ? null : values.endpoint,
    signatureMethod: values.signatureMethod,
  };
}

/** Words for each field error: the renderer's own when it knows the rule, else the main's. */
export function fieldErrorTexts(
  messages: Messages,
  language: Language,
  local: FormErrors,
  fromMain: AccountFieldErrors,
): Partial<Record<AccountFormField, string>> {
  const out: Partial<Record<AccountFormField, string>> = {};
  for (const field of FIELD_ORDER) {
    const key = local[field];
    if (key) out[field] = messages.account.fieldErrors[key];
    else if (fromMain[field]) {
      // The main process words its rules in English; other languages get a generic sentence.
      out[field] = language === 'en' ? fromMain[field] : messages.account.fieldErrors.invalid;
    }
  }
  return out;
}
