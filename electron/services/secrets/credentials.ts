// The rules an AccessKey must pass before it is stored or used, and how it is shown masked.
// Pasting from a console or a chat often brings spaces, line breaks or invisible characters
// along: those around a value are trimmed, those inside it are rejected (they would only
// surface later as a signature mismatch).

import { credentialRules, trimPasted } from '../../../shared/account-rules';
import type { CredentialRule } from '../../../shared/account-rules';
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

const INVISIBLE_CHARACTER =
  'contains a space, line break or other character that cannot be part of it; paste it again.';

/** The main process's words for each rule (the CLI and the IPC field errors are English). */
const RULE_MESSAGES: Record<CredentialRule, string> = {
  idEmpty: 'Enter the AccessKey ID.',
  idInvisible: `The AccessKey ID ${INVISIBLE_CHARACTER}`,
  idShape: 'This does not look like an AccessKey ID: 8 to 128 letters and digits, such as LTAI5t….',
  secretEmpty: 'Enter the AccessKey secret.',
  secretInvisible: `The AccessKey secret ${INVISIBLE_CHARACTER}`,
  secretTooLong: 'The AccessKey secret is too long; check what was pasted.',
  tokenInvisible: `The security token ${INVISIBLE_CHARACTER}`,
  tokenTooLong: 'The security token is too long; check what was pasted.',
  tokenNeeded: 'Temporary (STS) AccessKeys also need their security token.',
};

export { trimPasted };

/** Trims and checks the fields (shared/account-rules.ts); messages name the problem, never the value. */
export function checkCredentials(input: CredentialInput): CredentialCheck {
  const accessKeyId = trimPasted(input.accessKeyId ?? '');
  const accessKeySecret = trimPasted(input.accessKeySecret ?? '');
  const securityToken = trimPasted(input.securityToken ?? '');
  const rules = credentialRules({ accessKeyId, accessKeySecret, securityToken });
  const errors: FieldErrors<CredentialField> = {};
  for (const [field, rule] of Object.entries(rules) as Array<[CredentialField, CredentialRule]>) {
    errors[field] = RULE_MESSAGES[rule];
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
