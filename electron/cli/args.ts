// Command-line parsing for the ice CLI (node:util parseArgs), turning argv into one validated
// command or a UsageError (exit code 2).

import { parseArgs } from 'node:util';
import { BUSINESS_TYPES, isBusinessType } from '../../shared/domain';
import type { BusinessType } from '../../shared/domain';
import { ICE_REGIONS, parseEndpointUrl } from '../services/ice/endpoint';
import type { EndpointAddress, IceRegion } from '../services/ice/endpoint';
import type { SignatureMethod } from '../services/ice/api-transport';
import { AppError } from '../../shared/errors';
import { DATA_DIR_ENV, KEYCHAIN_SERVICE_ENV } from './app-data-dir';
import { parseAuthCommand } from './auth-args';
import type { AuthCommand } from './auth-args';
import { parseRegion, parseSignature } from './option-values';
import { UsageError } from './usage-error';

export { UsageError } from './usage-error';

export const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  tags                     List the media tags (falls back to the documented ones)
  list                     List media (one page, or every page with --all)
  info <MediaId>           Show one media item and its files
  download <MediaId...> --to DIR
                           Download every file of the given media into DIR
  auth set --access-key-id ID [--sts] [--region R] [--endpoint URL] [--signature v3|v1]
           [--no-test]     Save an AccessKey in the system keychain, shared with the desktop
                           app. The secret is read from the first line of stdin (and with --sts
                           the security token from the second), or asked for without echo in a
                           terminal; never pass it as an argument. A connection test (one small
                           list call) runs first and nothing is saved if it fails; --no-test
                           skips it. Options not given keep their saved values; --region alone
                           also drops a saved custom endpoint.
  auth show                AccessKey ID (masked), region, endpoint, signature, where it is stored
  auth clear               Remove the saved AccessKey from the keychain

Options for list / tags:
  --business-type TYPE     ${BUSINESS_TYPES.join(' | ')}
  --tag ID                 Media tag id, e.g. sticker-cute (list only)
  --page-size N            1-100 (list only; default 20, or 100 with --all)
  --page N                 Page number (list only, without --all)
  --all                    Every page (list only)

Global options:
  --endpoint URL           Service address, e.g. http://127.0.0.1:8080
  --region ID              ${ICE_REGIONS.join(', ')} (default cn-shanghai)
  --demo                   Start the built-in demo library and use it (no AccessKey used)
  --signature v3|v1        Signature method (default v3)
  --json                   Machine-readable output, one JSON object per line
  -h, --help               This text

Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and
(for STS) ALIBABA_CLOUD_SECURITY_TOKEN; without them, from the AccessKey saved with "auth set"
or in the desktop app, whose saved region, endpoint and signature method are then the defaults.
Without either, tags and list are called anonymously.
Environment: ${DATA_DIR_ENV} overrides the app's data folder (settings.json),
${KEYCHAIN_SERVICE_ENV} the keychain service name.
Exit codes: 0 success, 1 service, network or keychain failure, 2 usage error.`;

export type Target = { kind: 'demo' } | { kind: 'endpoint'; endpoint: EndpointAddress | IceRegion };

export interface GlobalOptions {
  /** null when none of --endpoint, --region, --demo was given: saved settings or defaults apply. */
  target: Target | null;
  /** null when --signature was not given. */
  signatureMethod: SignatureMethod | null;
  json: boolean;
}

export type Command =
  | { name: 'help' }
  | { name: 'tags'; businessType?: BusinessType }
  | {
      name: 'list';
      businessType?: BusinessType;
      tag?: string;
      pageSize?: number;
      page?: number;
      all: boolean;
    }
  | { name: 'info'; mediaId: string }
  | { name: 'download'; mediaIds: string[]; to: string }
  | AuthCommand;

export interface ParsedArgs {
  global: GlobalOptions;
  command: Command;
}

type Scope = 'tags' | 'list' | 'info' | 'download' | 'auth set' | 'auth show' | 'auth clear';
const LIBRARY: readonly Scope[] = ['tags', 'list', 'info', 'download'];

/** Which commands accept each option (--json and --help go with every command). */
const OPTION_SCOPES: Record<string, readonly Scope[]> = {
  endpoint: [...LIBRARY, 'auth set'],
  region: [...LIBRARY, 'auth set'],
  signature: [...LIBRARY, 'auth set'],
  demo: LIBRARY,
  'business-type': ['tags', 'list'],
  tag: ['list'],
  'page-size': ['list'],
  page: ['list'],
  all: ['list'],
  to: ['download'],
  'access-key-id': ['auth set'],
  sts: ['auth set'],
  test: ['auth set'],
};

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  refuseSecretArguments(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        endpoint: { type: 'string' },
        region: { type: 'string' },
        demo: { type: 'boolean' },
        signature: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'business-type': { type: 'string' },
        tag: { type: 'string' },
        'page-size': { type: 'string' },
        page: { type: 'string' },
        all: { type: 'boolean' },
        to: { type: 'string' },
        'access-key-id': { type: 'string' },
        sts: { type: 'boolean' },
        test: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') {
    return { global: { target: null, signatureMethod: null, json }, command: { name: 'help' } };
  }
  const scope = commandScope(name, rest);
  for (const [option, scopes] of Object.entries(OPTION_SCOPES)) {
    if (values[option as keyof typeof values] !== undefined && !scopes.includes(scope)) {
      throw new UsageError(`--${option} does not apply to "${scope}".`);
    }
  }
  const signatureMethod = parseSignature(values.signature);
  if (name === 'auth') {
    return {
      global: { target: null, signatureMethod, json },
      command: parseAuthCommand(scope, rest.slice(1), {
        accessKeyId: values['access-key-id'],
        region: values.region,
        endpoint: values.endpoint,
        signatureMethod,
        sts: values.sts,
        test: values.test,
      }),
    };
  }
  const global: GlobalOptions = {
    target: parseTarget(values.endpoint, values.region, values.demo ?? false),
    signatureMethod,
    json,
  };
  const businessType = parseBusinessType(values['business-type']);
  switch (name) {
    case 'tags':
      noPositionals(name, rest);
      return { global, command: { name, ...(businessType ? { businessType } : {}) } };
    case 'list': {
      noPositionals(name, rest);
      const all = values.all ?? false;
      if (all && values.page !== undefined)
        throw new UsageError('--page and --all exclude each other.');
      const pageSize = optionalInt('--page-size', values['page-size'], 1, 100);
      const page = optionalInt('--page', values.page, 1, 1_000_000);
      return {
        global,
        command: {
          name,
          all,
          ...(businessType ? { businessType } : {}),
          ...(values.tag !== undefined ? { tag: values.tag } : {}),
          ...(pageSize !== undefined ? { pageSize } : {}),
          ...(page !== undefined ? { page } : {}),
        },
      };
    }
    case 'info':
      if (rest.length !== 1 || !rest[0]) throw new UsageError('info takes exactly one MediaId.');
      return { global, command: { name, mediaId: rest[0] } };
    default: {
      if (rest.length === 0) throw new UsageError('download needs at least one MediaId.');
      if (!values.to) throw new UsageError('download needs --to DIR.');
      return { global, command: { name: 'download', mediaIds: rest, to: values.to } };
    }
  }
}

function commandScope(name: string, rest: readonly string[]): Scope {
  if ((LIBRARY as readonly string[]).includes(name)) return name as Scope;
  if (name !== 'auth') throw new UsageError(`Unknown command "${name}".`);
  const sub = rest[0];
  if (sub === 'set' || sub === 'show' || sub === 'clear') return `auth ${sub}`;
  // The word is not echoed: it could be a secret typed in the wrong place.
  throw new UsageError(
    sub === undefined ? 'auth needs set, show or clear.' : 'auth takes set, show or clear.',
  );
}

/**
 * A secret in argv is visible to every user through the process list and stays in the shell's
 * history: such options are refused before anything else, without repeating their value.
 */
function refuseSecretArguments(argv: readonly string[]): void {
  const offending = argv.find((arg) => /^--?[^=]*(secret|token|passw)/i.test(arg));
  if (offending === undefined) return;
  const option = offending.split('=')[0];
  throw new UsageError(
    `${option} is not accepted: the AccessKey secret and STS token are never taken from ` +
      'arguments (other users can see those in the process list, and they stay in the shell ' +
      'history). Pipe them into "auth set": the secret on the first line of stdin and, with ' +
      '--sts, the token on the second; or run "auth set" in a terminal to be asked for them.',
  );
}

function parseTarget(
  endpoint: string | undefined,
  region: string | undefined,
  demo: boolean,
): Target | null {
  const chosen = [endpoint !== undefined, region !== undefined, demo].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('Choose only one of --endpoint, --region and --demo.');
  if (demo) return { kind: 'demo' };
  if (endpoint !== undefined) {
    try {
      return { kind: 'endpoint', endpoint: parseEndpointUrl(endpoint) };
    } catch (error) {
      throw new UsageError(error instanceof AppError ? error.message : `Invalid --endpoint.`);
    }
  }
  if (region === undefined) return null;
  return { kind: 'endpoint', endpoint: parseRegion(region) };
}

function parseBusinessType(value: string | undefined): BusinessType | undefined {
  if (value === undefined) return undefined;
  if (!isBusinessType(value)) {
    throw new UsageError(`--business-type must be one of ${BUSINESS_TYPES.join(', ')}.`);
  }
  return value;
}

function optionalInt(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}

function noPositionals(command: string, rest: string[]): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no arguments (got "${rest[0]}").`);
}
