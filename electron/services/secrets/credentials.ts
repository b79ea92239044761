// The rules an AccessKey must pass before it is stored or used, and how it is shown masked.
// Pasting from a console or a chat often brings spaces, line breaks or invisible characters
// along: those around a value are trimmed, those inside it are rejected (they would only
// surface later as a signature mismatch).

import type { StoredCredentials } from './secret-store';

export interface CredentialInput {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token for temporary credentials; empty or absent for a permanent AccessKey. */
  securityToken?: string | null;
}

export type CredentialField = 'accessKeyId' | 'accessKeySecret' | 'securityToken';
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type CredentialCheck =
  { ok: true; value: StoredCredentials } | { ok: false; errors: FieldErrors<CredentialField> };

// Whitespace plus the zero-width characters that web pages and chat apps slip into copied text.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
// Permanent ids look like "LTAI5t…", temporary (STS) ones like "STS.NUgY…".
const ACCESS_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,127}$/;
const MAX_SECRET_LENGTH = 256;
const MAX_TOKEN_LENGTH = 16_384;

const INVISIBLE_CHARACTER =
  'contains a space, line break or other character that cannot be part of it; paste it again.';

export function trimPasted(value: string): string {
  return value.replace(EDGE_JUNK, '');
}

/** Trims and checks the fields; error messages name the problem, never the value. */
export function checkCredentials(input: CredentialInput): CredentialCheck {
  const errors: FieldErrors<CredentialField> = {};
  const accessKeyId = trimPasted(input.accessKeyId ?? '');
  const accessKeySecret = trimPasted(input.accessKeySecret ?? '');
  const securityToken = trimPasted(input.securityToken ?? '');

  if (accessKeyId === '') errors.accessKeyId = 'Enter the AccessKey ID.';
  else if (!PRINTABLE_ASCII.test(accessKeyId))
    errors.accessKeyId = `The AccessKey ID ${INVISIBLE_CHARACTER}`;
  else if (!ACCESS_KEY_ID.test(accessKeyId)) {
    errors.accessKeyId =
      'This does not look like an AccessKey ID: 8 to 128 letters and digits, such as LTAI5t….';
  }

  if (accessKeySecret === '') errors.accessKeySecret = 'Enter the AccessKey secret.';
  else if (!PRINTABLE_ASCII.test(accessKeySecret)) {
    errors.accessKeySecret = `The AccessKey secret ${INVISIBLE_CHARACTER}`;
  } else if (accessKeySecret.length > MAX_SECRET_LENGTH) {
    errors.accessKeySecret = 'The AccessKey secret is too long; check what was pasted.';
  }

  if (securityToken !== '' && !PRINTABLE_ASCII.test(securityToken)) {
    errors.securityToken = `The security token ${INVISIBLE_CHARACTER}`;
  } else if (securityToken.length > MAX_TOKEN_LENGTH) {
    errors.securityToken = 'The security token is too long; check what was pasted.';
  } else if (securityToken === '' && /^STS\./i.test(accessKeyId)) {
    errors.securityToken = 'Temporary (STS) AccessKeys also need their security token.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { accessKeyId, accessKeySecret, ...(securityToken === '' ? {} : { securityToken }) },
  };
}

/** "LTAI5tAbCdEfGh1234abcd" -> "LTAI****abcd"; ids shorter than 16 characters are fully masked. */
export function maskAccessKeyId(accessKeyId: string): string {
  const id = trimPasted(accessKeyId);
  if (id.length < 16) return '****';
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}
