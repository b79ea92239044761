// Decides whether a URL from a response may be fetched or shown. A response from a public
// endpoint must not steer the app to loopback, private or link-local hosts (SSRF-style tricks),
// and only http(s) URLs are ever followed. How a URL is written is checked here; where its host
// name resolves to is checked at connect time by publicOnlyLookup (a name can point anywhere,
// and can change between the check and the connection).

import { lookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking, often routed inside networks
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ['64:ff9b::', 96], // NAT64: reaches any IPv4 address, internal ones included
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10], // site-local (deprecated, still routed on some networks)
  ['ff00::', 8], // multicast
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** This machine only (127.0.0.0/8, ::1, localhost): where plain http never leaves the computer. */
export function isLoopbackHost(hostname: string): boolean {
  return inList(loopback, hostname);
}

/** Host name as URL gives it (IPv6 in brackets), or a bare address. */
export function isInternalHost(hostname: string): boolean {
  return inList(internal, hostname);
}

/** Whether a host (name, IPv4, IPv6 with or without brackets, IPv4-mapped) is in the list. */
function inList(list: BlockList, hostname: string): boolean {
  // "localhost." is localhost: a trailing dot only makes the name fully qualified.
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return list.check(host, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped?.[1]) return list.check(mapped[1], 'ipv4');
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mappedHex?.[1] && mappedHex[2]) {
      const hi = parseInt(mappedHex[1], 16);
      const lo = parseInt(mappedHex[2], 16);
      return list.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return list.check(host, 'ipv6');
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
  // simple authority) reuse the verdict for their scheme and host instead of a full parse. The
  // origin is found without a match array and looked up without building a key string (one map
  // per setting): both were most of this check's cost in a sync's listing.
  const origin = simpleOrigin(raw);
  const verdicts = allowInternal ? internalAllowed : internalRefused;
  const cached = origin === null ? undefined : verdicts.get(origin);
  if (cached !== undefined) return cached.ok ? { ok: true, url: raw } : cached;

  const verdict = parseAndCheck(raw, allowInternal);
  if (origin !== null) {
    if (verdicts.size >= 256) verdicts.clear();
    verdicts.set(origin, verdict);
  }
  return verdict.ok && origin !== null ? { ok: true, url: raw } : verdict;
}

/** Scheme and authority without credentials; the rest printable ASCII with no backslash. */
const SIMPLE_URL =
  /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#][!-[\]-~]*)?$/;
const internalAllowed = new Map<string, UrlVerdict>();
const internalRefused = new Map<string, UrlVerdict>();

/** The scheme and authority of a URL SIMPLE_URL accepts (up to its first / ? #), else null. */
function simpleOrigin(raw: string): string | null {
  if (!SIMPLE_URL.test(raw)) return null;
  // "http://" or "https://"; the authority holds none of / ? # (SIMPLE_URL's classes).
  let end = raw.charCodeAt(4) === 58 /* : */ ? 7 : 8;
  while (end < raw.length) {
    const c = raw.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  return raw.slice(0, end);
}

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

/** The error code of a connection refused by publicOnlyLookup. */
export const INTERNAL_ADDRESS_CODE = 'EINTERNALADDRESS';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup for connections to public hosts: resolves as usual, then fails with
 * INTERNAL_ADDRESS_CODE when any address is loopback, private, link-local or otherwise internal.
 * Given to got (dnsLookup) for every connection to a public endpoint or file server, redirects
 * included, so a name that resolves (or rebinds) to an internal address is never connected to.
 */
export function publicOnlyLookup(
  hostname: string,
  options: number | LookupOneOptions | LookupAllOptions | LookupCallback,
  callback?: LookupCallback,
): void {
  const done = (typeof options === 'function' ? options : callback) as LookupCallback;
  const given =
    typeof options === 'function'
      ? {}
      : typeof options === 'number'
        ? { family: options }
        : options;
  lookup(hostname, { ...given, all: true }, (error, addresses) => {
    if (error) return done(error, []);
    const bad = addresses.find((entry) => isInternalHost(entry.address));
    if (bad !== undefined || addresses.length === 0) {
      const refused: NodeJS.ErrnoException = new Error(
        `${hostname} resolves to an internal address${bad ? ` (${bad.address})` : ''}`,
      );
      refused.code = INTERNAL_ADDRESS_CODE;
      return done(refused, []);
    }
    if ('all' in given && given.all) return done(null, addresses);
    const first = addresses[0] as LookupAddress;
    done(null, first.address, first.family);
  });
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
