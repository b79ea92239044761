// The server side of the ICE API as the demo library sees it: incoming requests and the pluggable
// verifier that decides whether each is authentic. The client (electron/services/ice) never needs
// these, so they live with the server.

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
