// The settings form's values and the checks it runs before anything is sent: the same rules as
// the main process (which checks again), but with words in the UI language. Pure, so the rules
// are unit-tested without a browser.

import { REGIONS, SIGNATURE_METHODS } from '../../../shared/account';
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

export type FieldErrorKey = keyof Messages['account']['fieldErrors'];
export type FormErrors = Partial<Record<AccountFormField, FieldErrorKey>>;

/** The fields in screen order: the first one with an error gets focus. */
export const FIELD_ORDER: readonly AccountFormField[] = [
  'accessKeyId',
  'accessKeySecret',
  'securityToken',
  'region',
  'endpoint',
  'signatureMethod',
];

// Whitespace plus the zero-width characters that web pages and chat apps slip into copied text.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
const ACCESS_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,127}$/;
const MAX_SECRET_LENGTH = 256;
const MAX_TOKEN_LENGTH = 16_384;

export function trimPasted(value: string): string {
  return value.replace(EDGE_JUNK, '');
}

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

/** Checks trimmed values; an empty result means the form may be sent. */
export function checkAccountForm(values: AccountFormValues): FormErrors {
  const errors: FormErrors = {};
  const id = values.accessKeyId;
  const secret = values.accessKeySecret;
  const token = values.useToken ? values.securityToken : '';

  if (id === '') errors.accessKeyId = 'idEmpty';
  else if (!PRINTABLE_ASCII.test(id)) errors.accessKeyId = 'idInvisible';
  else if (!ACCESS_KEY_ID.test(id)) errors.accessKeyId = 'idShape';

  if (secret === '') errors.accessKeySecret = 'secretEmpty';
  else if (!PRINTABLE_ASCII.test(secret)) errors.accessKeySecret = 'secretInvisible';
  else if (secret.length > MAX_SECRET_LENGTH) errors.accessKeySecret = 'secretTooLong';

  if (token !== '' && !PRINTABLE_ASCII.test(token)) errors.securityToken = 'tokenInvisible';
  else if (token.length > MAX_TOKEN_LENGTH) errors.securityToken = 'tokenTooLong';
  else if (token === '' && /^STS\./i.test(id)) errors.securityToken = 'tokenNeeded';

  if (!isRegion(values.region)) errors.region = 'regionUnknown';
  if (!isSignatureMethod(values.signatureMethod)) errors.signatureMethod = 'signatureUnknown';

  const endpointError = checkEndpoint(values.endpoint);
  if (endpointError) errors.endpoint = endpointError;
  return errors;
}

function checkEndpoint(text: string): FieldErrorKey | null {
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'endpointNotUrl';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'endpointScheme';
  if (url.username !== '' || url.password !== '') return 'endpointCredentials';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return 'endpointPath';
  }
  return null;
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
