// The browser preview's command line: `npm run dev:browser -- [options]`. Parsing is pure (tests
// call it with any argv and environment); credentials come only from the environment and are
// held in memory for the run, never written anywhere.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SignatureMethod } from '../services/ice/api-transport';
import { credentialsFromEnv } from '../services/ice/credentials';
import type { AccessKeyCredentials } from '../services/ice/credentials';
import { ICE_REGIONS, isIceRegion, parseEndpointUrl } from '../services/ice/endpoint';
import type { EndpointConfig } from '../services/ice/endpoint';

export const PREVIEW_HELP = `ICE Media Library browser preview (development tool)

Usage: npm run dev:browser -- [options]

Hosts the app's main-process services in Node and serves the built renderer on 127.0.0.1; open
the printed URL in Chromium.

Options:
  --port N               Port to listen on (default: any free port)
  --data-dir DIR         The app's data folder: settings, media cache (default: a temp folder)
  --download-dir DIR     Where downloads and dragged-out files go (sets the download folder)
  --demo-items N         Serve a generated demo catalogue of N items instead of the demo library
  --demo-url-ttl S       Lifetime of the demo library's signed media URLs in seconds (default 3600)
  --endpoint URL         Browse this ICE-compatible server instead of the demo library
  --region ID            Browse the region's public endpoint (${ICE_REGIONS.join(', ')})
  --signature v3|v1      Signature method for --endpoint/--region (default v3)
  --no-build             Serve the renderer already in out/ without building it first
  -h, --help             Show this help

With --endpoint or --region, the AccessKey comes from ALIBABA_CLOUD_ACCESS_KEY_ID,
ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN, held in memory for this run
only; without them the calls are anonymous.
`;

export interface PreviewRemoteLibrary {
  endpoint: EndpointConfig;
  signatureMethod: SignatureMethod;
  credentials: AccessKeyCredentials | null;
}

export interface PreviewCliOptions {
  port?: number;
  dataDir?: string;
  downloadDir?: string;
  demoItems?: number;
  demoUrlTtlSeconds?: number;
  remote?: PreviewRemoteLibrary;
  /** Build the app before serving (default true). */
  build?: boolean;
}

export type PreviewCliParse =
  | { kind: 'help' }
  | { kind: 'run'; options: PreviewCliOptions }
  | { kind: 'error'; message: string };

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

export function parsePreviewArgs(argv: string[], env: NodeJS.ProcessEnv): PreviewCliParse {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'no-build': { type: 'boolean' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'download-dir': { type: 'string' },
        'demo-items': { type: 'string' },
        'demo-url-ttl': { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        signature: { type: 'string' },
      },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length > 0) throw new Error(`Unexpected argument "${positionals[0]}".`);
    const options: PreviewCliOptions = { build: values['no-build'] !== true };
    if (values.port !== undefined) options.port = whole('port', values.port, 0, 65535);
    if (values['data-dir'] !== undefined) options.dataDir = resolve(values['data-dir']);
    if (values['download-dir'] !== undefined) options.downloadDir = resolve(values['download-dir']);
    if (values['demo-items'] !== undefined) {
      options.demoItems = whole('demo-items', values['demo-items'], 0, 1_000_000);
    }
    if (values['demo-url-ttl'] !== undefined) {
      options.demoUrlTtlSeconds = whole('demo-url-ttl', values['demo-url-ttl'], 1, 604_800);
    }
    const signature = values.signature;
    if (signature !== undefined && signature !== 'v3' && signature !== 'v1') {
      throw new Error(`--signature must be v3 or v1, not "${signature}".`);
    }
    if (values.region !== undefined && !isIceRegion(values.region)) {
      throw new Error(`--region must be one of ${ICE_REGIONS.join(', ')}.`);
    }
    if (values.endpoint !== undefined || values.region !== undefined) {
      if (options.demoItems !== undefined) {
        throw new Error('--demo-items applies to the demo library, not to --endpoint or --region.');
      }
      options.remote = {
        endpoint:
          values.endpoint !== undefined
            ? parseEndpointUrl(values.endpoint)
            : (values.region as EndpointConfig),
        signatureMethod: signature ?? 'v3',
        credentials: credentialsFromEnv(env),
      };
    } else if (signature !== undefined) {
      throw new Error('--signature needs --endpoint or --region.');
    }
    return { kind: 'run', options };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
