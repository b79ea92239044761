// The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler and by
// the browser preview. No remote or inline script. Images and media come only from the media
// cache (media: in Electron, the preview's token-guarded route in the browser), never from a
// signed URL on the network; img-src keeps 'self' for the app's own icons.

export interface CspOptions {
  /** Where cached media are served: ['media:'], or the preview's media route. */
  mediaSrc: string[];
  /** Extra connect-src entries (the browser preview's WebSocket). */
  connectSrc?: string[];
}

export function contentSecurityPolicy(options: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", ...options.mediaSrc],
    'media-src': [...options.mediaSrc],
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
