// Everything a request handler needs, created once per server.

import { randomUUID } from 'node:crypto';
import type { RequestVerifier } from './server-types';
import type { FavouriteBook } from './api/favourite-actions';
import type { UrlIssuer } from './api/media-json';
import { NextTokenCodec } from './api/next-token';
import type { Catalogue } from './catalogue';
import { FaultState } from './faults';
import type { FaultPlan } from './faults';
import { UrlSigner } from './files/url-signer';

export interface LogEntry {
  action: string | null;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface ServerContext {
  /** Replaced only by tests that change the library between syncs. */
  catalogue: Catalogue;
  readonly mediaDir: string;
  readonly faults: FaultState;
  readonly tokens: NextTokenCodec;
  readonly signer: UrlSigner;
  readonly verifier: RequestVerifier | undefined;
  readonly bigFileBytes: number | undefined;
  readonly startedAt: number;
  readonly urls: UrlIssuer;
  readonly log: LogEntry[];
  /** Each account's favourites, in memory for the server's life. */
  readonly favourites: FavouriteBook;
  /** Set once the server listens. */
  baseUrl: string;
  /** The server's clock in ms, including any clock-skew fault. */
  now(): number;
  requestId(): string;
}

/** Oldest entries are dropped beyond this, so long benchmarks do not grow memory. */
export const LOG_LIMIT = 20_000;

export function createServerContext(options: {
  catalogue: Catalogue;
  mediaDir: string;
  faults?: FaultPlan;
  verifier?: RequestVerifier;
  urlTtlSeconds: number;
  bigFileBytes?: number;
  now?: () => number;
}): ServerContext {
  const clock = options.now ?? Date.now;
  const faults = new FaultState(options.faults);
  const signer = new UrlSigner();
  // A page signs two URLs an item, over a few hundred files: each path is encoded once.
  const encodedPaths = new Map<string, string>();
  const encodePath = (relPath: string) => {
    let encoded = encodedPaths.get(relPath);
    if (encoded === undefined) {
      encoded = relPath.split('/').map(encodeURIComponent).join('/');
      if (encodedPaths.size < 10_000) encodedPaths.set(relPath, encoded);
    }
    return encoded;
  };
  let signedFor = { expires: -1, baseUrl: '', urls: new Map<string, string>() };
  const ctx: ServerContext = {
    catalogue: options.catalogue,
    mediaDir: options.mediaDir,
    faults,
    tokens: new NextTokenCodec(),
    signer,
    verifier: options.verifier,
    bigFileBytes: options.bigFileBytes,
    startedAt: clock(),
    log: [],
    favourites: new Map(),
    baseUrl: '',
    now: () => clock() + faults.clockSkewSeconds * 1000,
    requestId: () => randomUUID().toUpperCase(),
    urls: {
      signed(relPath) {
        const nowSeconds = Math.floor(ctx.now() / 1000);
        const expires = faults.expireUrlsNow ? nowSeconds - 60 : nowSeconds + options.urlTtlSeconds;
        // Within a second a path's URL is the same string: a page signs two an item, over a
        // few hundred files, and building each anew was a large share of a page's CPU.
        if (expires !== signedFor.expires || ctx.baseUrl !== signedFor.baseUrl) {
          signedFor = { expires, baseUrl: ctx.baseUrl, urls: new Map() };
        }
        let url = signedFor.urls.get(relPath);
        if (url === undefined) {
          const path = `/media/${relPath}`;
          url = `${ctx.baseUrl}/media/${encodePath(relPath)}?${signer.query(path, expires)}`;
          if (signedFor.urls.size < 10_000) signedFor.urls.set(relPath, url);
        }
        return url;
      },
      unsigned: (relPath) => `${ctx.baseUrl}/media/${encodePath(relPath)}`,
    },
  };
  return ctx;
}
