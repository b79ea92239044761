// Decides whether a URL from a response may be fetched or shown. A response from a public
// endpoint must not steer the app to loopback, private or link-local hosts (SSRF-style tricks),
// and only http(s) URLs are ever followed.

import { BlockList, isIP } from 'node:net';

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** Host name as URL gives it (IPv6 in brackets), or a bare address. */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return internal.check(host, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped?.[1]) return internal.check(mapped[1], 'ipv4');
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mappedHex?.[1] && mappedHex[2]) {
      const hi = parseInt(mappedHex[1], 16);
      const lo = parseInt(mappedHex[2], 16);
      return internal.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return internal.check(host, 'ipv6');
  }
  return false;
}

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Checks a media or cover URL. `allowInternal` is true only when the configured endpoint is
 * itself internal (the demo server, a local test server).
 */
export function checkMediaUrl(raw: string, allowInternal: boolean): UrlVerdict {
  // A listing carries hundreds of URLs on a handful of hosts: plain ones (printable ASCII, a
  // simple authority) reuse the verdict for their scheme and host instead of a full parse.
  const simple = SIMPLE_URL.exec(raw);
  const cacheKey = simple ? `${allowInternal ? 1 : 0}${simple[1]}` : null;
  const cached = cacheKey === null ? undefined : verdicts.get(cacheKey);
  if (cached !== undefined) return cached.ok ? { ok: true, url: raw } : cached;

  const verdict = parseAndCheck(raw, allowInternal);
  if (cacheKey !== null) {
    if (verdicts.size >= 256) verdicts.clear();
    verdicts.set(cacheKey, verdict);
  }
  return verdict.ok && cacheKey !== null ? { ok: true, url: raw } : verdict;
}

/** Scheme and authority without credentials; the rest printable ASCII with no backslash. */
const SIMPLE_URL =
  /^(https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?)(?:[/?#][!-[\]-~]*)?$/;
const verdicts = new Map<string, UrlVerdict>();

function parseAndCheck(raw: string, allowInternal: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `uses ${url.protocol.replace(':', '')}, not http(s)` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'carries embedded credentials' };
  }
  if (!allowInternal && isInternalHost(url.hostname)) {
    return { ok: false, reason: 'points to a loopback, private or link-local address' };
  }
  return { ok: true, url: url.toString() };
}

/** The URL without its query and fragment: safe to show, since signatures live in the query. */
export function describeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
