// When a signed media URL stops working, read from the URL itself so the cache can ask for a
// fresh one before wasting a request: OSS V1 carries `Expires=<unix seconds>`, OSS V4 carries
// `x-oss-date=<yyyymmddThhmmssZ>` and `x-oss-expires=<seconds>`. Plain CDN URLs carry neither.

/** Seconds of margin: a URL this close to its end is treated as already expired. */
export const EXPIRY_MARGIN_SECONDS = 5;

/** The expiry in ms since the epoch, or null when the URL does not say. */
export function urlExpiresAt(raw: string): number | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const query = url.searchParams;
  const expires = query.get('Expires');
  if (expires !== null && /^\d{1,12}$/.test(expires)) return Number(expires) * 1000;
  const date = query.get('x-oss-date');
  const seconds = query.get('x-oss-expires');
  const match = date === null ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (match && seconds !== null && /^\d{1,9}$/.test(seconds)) {
    const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + Number(seconds) * 1000;
  }
  return null;
}

/** True when the URL says it has expired (or will within the margin) at `nowMs`. */
export function urlHasExpired(raw: string, nowMs: number): boolean {
  const at = urlExpiresAt(raw);
  return at !== null && at <= nowMs + EXPIRY_MARGIN_SECONDS * 1000;
}
