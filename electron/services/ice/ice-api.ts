// The operations of ICE's public media library that the app uses, as the rest of the main
// process sees them. The signed got client implements this; tests may implement it in memory.

import type {
  BusinessType,
  ListMediaQuery,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface IceLibraryApi {
  listPublicMediaBasicInfos(query: ListMediaQuery, options?: CallOptions): Promise<MediaPage>;
  /** Falls back to the documented tags when the call fails or returns nothing. */
  listAllPublicMediaTags(businessType?: BusinessType, options?: CallOptions): Promise<MediaTag[]>;
  getPublicMediaInfo(mediaId: string, options?: CallOptions): Promise<MediaItem>;
  /** The server's clock minus ours in ms, once learnt from a clock-skew answer; else 0. */
  readonly clockOffsetMs?: number;
  /** Releases kept-alive connections; the API is not used afterwards. */
  close?(): void;
}

/** An incoming request as an ICE-compatible server sees it, for signature verification. */
export interface IncomingApiRequest {
  method: string;
  /** The path without the query, e.g. "/". */
  path: string;
  /** The raw query string without "?", exactly as received (still percent-encoded). */
  rawQuery: string;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
  /** The server's clock when the request arrived (ms since epoch); skewed in clock-fault tests. */
  receivedAt: number;
}

export type VerificationOutcome =
  | { ok: true; accessKeyId: string | null }
  | { ok: false; httpStatus: number; code: string; message: string };

/**
 * Decides whether a request to the ICE-compatible server is authentic. The demo server runs
 * without one (anonymous, like the public list calls); tests and the account flow plug one in.
 */
export type RequestVerifier = (request: IncomingApiRequest) => VerificationOutcome;
