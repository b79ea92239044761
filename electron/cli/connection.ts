// Which service, signature and AccessKey a library command (tags, list, info, download) uses,
// and the ICE client built from them.

import { AppError } from '../../shared/errors';
import type { SignatureMethod } from '../services/ice/api-transport';
import type { AccessKeyCredentials } from '../services/ice/credentials';
import { parseEndpointUrl } from '../services/ice/endpoint';
import type { EndpointConfig } from '../services/ice/endpoint';
import { createIceClient } from '../services/ice/ice-client';
import type { IceClient } from '../services/ice/ice-client';
import { join } from 'node:path';
import { ensurePrivateDir } from '../services/app/private-dir';
import { appDataDir } from './app-data-dir';
import type { ParsedArgs, Target } from './args';
import { resolveCliCredentials } from './cli-credentials';

const DEFAULT_REGION = 'cn-shanghai';

export interface Connection {
  target: Target;
  signatureMethod: SignatureMethod;
  credentials: AccessKeyCredentials | null;
  /** --demo: the demo library's media, in the app's own data folder (shared with the app). */
  demoMediaDir?: string;
}

/**
 * Which AccessKey and address a library command uses: --demo uses none; otherwise environment
 * variables, else the saved AccessKey with its saved region, endpoint and signature method as
 * defaults for options not given.
 */
export async function connectionFor(
  args: ParsedArgs,
  io: { err(line: string): void; env: NodeJS.ProcessEnv },
): Promise<Connection> {
  const { target, signatureMethod } = args.global;
  if (target?.kind === 'demo') {
    return {
      target,
      signatureMethod: signatureMethod ?? 'v3',
      credentials: null,
      demoMediaDir: join(appDataDir(io.env), 'demo-library'),
    };
  }
  const name = args.command.name;
  const needsKey = name === 'info' || name === 'download';
  const resolved = await resolveCliCredentials(io.env);
  if (resolved.source === 'keychain') {
    if (resolved.notice !== null) io.err(`ice: note: ${resolved.notice}`);
    const saved = resolved.settings;
    return {
      target: target ?? {
        kind: 'endpoint',
        endpoint: saved.endpoint === null ? saved.region : parseEndpointUrl(saved.endpoint),
      },
      signatureMethod: signatureMethod ?? saved.signatureMethod,
      credentials: resolved.credentials,
    };
  }
  const defaults = {
    target: target ?? { kind: 'endpoint' as const, endpoint: DEFAULT_REGION },
    signatureMethod: signatureMethod ?? 'v3',
  };
  if (resolved.source === 'env') return { ...defaults, credentials: resolved.credentials };
  const problem = resolved.problem;
  if (needsKey) {
    // A keychain that is locked or holds an unreadable entry says so in its own words.
    if (problem !== null && problem.code !== 'KEYCHAIN_UNAVAILABLE') throw problem;
    throw new AppError(
      'AUTH_REQUIRED',
      `"${name}" needs an AccessKey: set ALIBABA_CLOUD_ACCESS_KEY_ID and ` +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET, or save one with "auth set" (or use --demo).' +
        (problem === null ? '' : ' No keychain service is running, so none could be read.'),
    );
  }
  // No keychain service at all is normal on servers: anonymous calls, without a word.
  if (problem !== null && problem.code !== 'KEYCHAIN_UNAVAILABLE') {
    io.err(
      `ice: note: the saved AccessKey could not be read, so calls are anonymous. ${problem.message}`,
    );
  }
  return { ...defaults, credentials: null };
}

export async function withClient(
  connection: Connection,
  run: (client: IceClient) => Promise<number>,
): Promise<number> {
  let endpoint: EndpointConfig;
  let closeDemo: (() => Promise<void>) | null = null;
  if (connection.target.kind === 'demo') {
    // Loaded only for --demo, so the other commands do not pay for the demo library.
    const { startDemoServer } = await import('../demo-library/index');
    // The media live in the app's data folder, private to the user, and are reused by later runs
    // (and by the app).
    const mediaDir = connection.demoMediaDir;
    if (mediaDir === undefined) throw new Error('--demo without a media folder');
    const demo = await startDemoServer({ mediaDir: await ensurePrivateDir(mediaDir) });
    closeDemo = () => demo.close();
    endpoint = parseEndpointUrl(demo.url);
  } else {
    endpoint = connection.target.endpoint;
  }
  const client = createIceClient({
    endpoint,
    ...(connection.credentials ? { credentials: connection.credentials } : {}),
    signatureMethod: connection.signatureMethod,
  });
  try {
    return await run(client);
  } finally {
    client.close();
    await closeDemo?.();
  }
}
