// The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler and by
// the browser preview. No remote or inline script; media only from https and the local demo server.

export interface CspOptions {
  /** Extra connect-src entries (the browser preview's WebSocket). */
  connectSrc?: string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const media = ["'self'", 'data:', 'blob:', 'https:', 'http://127.0.0.1:*'];
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': media,
    'media-src': media,
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connectSrc ?? [])],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
