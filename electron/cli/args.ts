// Command-line parsing for the ice CLI (node:util parseArgs), turning argv into one validated
// command or a UsageError (exit code 2).

import { parseArgs } from 'node:util';
import { BUSINESS_TYPES, isBusinessType } from '../../shared/domain';
import type { BusinessType } from '../../shared/domain';
import { ICE_REGIONS, isIceRegion, parseEndpointUrl } from '../services/ice/endpoint';
import type { EndpointAddress, IceRegion } from '../services/ice/endpoint';
import type { SignatureMethod } from '../services/ice/api-transport';
import { AppError } from '../../shared/errors';

export const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  tags                     List the media tags (falls back to the documented ones)
  list                     List media (one page, or every page with --all)
  info <MediaId>           Show one media item and its files
  download <MediaId...> --to DIR
                           Download every file of the given media into DIR

Options for list / tags:
  --business-type TYPE     ${BUSINESS_TYPES.join(' | ')}
  --tag ID                 Media tag id, e.g. sticker-cute (list only)
  --page-size N            1-100 (list only; default 20, or 100 with --all)
  --page N                 Page number (list only, without --all)
  --all                    Every page (list only)

Global options:
  --endpoint URL           Service address, e.g. http://127.0.0.1:8080
  --region ID              ${ICE_REGIONS.join(', ')} (default cn-shanghai)
  --demo                   Start the built-in demo library and use it
  --signature v3|v1        Signature method (default v3)
  --json                   Machine-readable output, one JSON object per line
  -h, --help               This text

Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and
(for STS) ALIBABA_CLOUD_SECURITY_TOKEN. Without them, tags and list are called anonymously.
Exit codes: 0 success, 1 service or network failure, 2 usage error.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Target = { kind: 'demo' } | { kind: 'endpoint'; endpoint: EndpointAddress | IceRegion };

export interface GlobalOptions {
  target: Target;
  signatureMethod: SignatureMethod;
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
  | { name: 'download'; mediaIds: string[]; to: string };

export interface ParsedArgs {
  global: GlobalOptions;
  command: Command;
}

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  tags: ['business-type'],
  list: ['business-type', 'tag', 'page-size', 'page', 'all'],
  info: [],
  download: ['to'],
};

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
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
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const global: GlobalOptions = {
    target: parseTarget(values.endpoint, values.region, values.demo ?? false),
    signatureMethod: parseSignature(values.signature),
    json: values.json ?? false,
  };
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') {
    return { global, command: { name: 'help' } };
  }
  const allowed = COMMAND_OPTIONS[name];
  if (!allowed) throw new UsageError(`Unknown command "${name}".`);
  for (const option of Object.keys(COMMAND_OPTIONS).flatMap((c) => COMMAND_OPTIONS[c] ?? [])) {
    if (values[option as keyof typeof values] !== undefined && !allowed.includes(option)) {
      throw new UsageError(`--${option} does not apply to "${name}".`);
    }
  }
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

function parseTarget(
  endpoint: string | undefined,
  region: string | undefined,
  demo: boolean,
): Target {
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
  const id = region ?? 'cn-shanghai';
  if (!isIceRegion(id)) {
    throw new UsageError(`Unknown region "${id}". Known regions: ${ICE_REGIONS.join(', ')}.`);
  }
  return { kind: 'endpoint', endpoint: id };
}

function parseSignature(value: string | undefined): SignatureMethod {
  if (value === undefined || value === 'v3') return 'v3';
  if (value === 'v1') return 'v1';
  throw new UsageError(`--signature must be v3 or v1, not "${value}".`);
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
