// RFC 3986 percent-encoding over UTF-8 bytes, as both Alibaba Cloud signature methods define it:
// only A-Z a-z 0-9 - _ . ~ stay literal, space is %20 (never +), hex digits are upper case.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

/** Percent-encodes one name or value. Lone surrogates become U+FFFD, as UTF-8 encoders do. */
export function percentEncode(value: string): string {
  // encodeURIComponent throws on lone surrogates; the bytes on the wire would be U+FFFD anyway.
  const wellFormed = value.replace(LONE_SURROGATE, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(
    LEFT_BY_ENCODE_URI_COMPONENT,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Parameters sorted by name (code-unit order), each name=value percent-encoded, joined by "&". */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}
