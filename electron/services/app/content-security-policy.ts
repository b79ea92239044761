// The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler and by
// the browser preview. No remote or inline script. Images and media come only from the media
// cache (media: in Electron, the preview's token-guarded route in the browser), never from a
// signed URL on the network; img-src keeps 'self' for the app's own icons.
// In development (`electron-vite dev`) the page comes from Vite's dev server, which sends no such
// header: the renderer config injects developmentContentSecurityPolicy() as a meta tag instead.

import { MEDIA_SCHEME } from '../../../shared/media-url';

export interface CspOptions {
  /** Where cached media are served: ['media:'], or the preview's media route. */
  mediaSrc: string[];
  /** Extra connect-src entries (the browser preview's WebSocket). */
  connectSrc?: string[];
}

function directivesOf(options: CspOptions): Record<string, string[]> {
  return {
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
}

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export function contentSecurityPolicy(options: CspOptions): string {
  return serialize(directivesOf(options));
}

/**
 * The policy of the development page, as a meta tag: the same, plus what Vite's dev server needs
 * (its hot-reload WebSocket, the React Refresh inline preamble and injected <style> tags), minus
 * frame-ancestors, which a meta tag cannot set. Development only: the built app keeps the header.
 */
export function developmentContentSecurityPolicy(): string {
  const directives = directivesOf({
    mediaSrc: [`${MEDIA_SCHEME}:`],
    connectSrc: ['ws://localhost:*', 'ws://127.0.0.1:*'],
  });
  directives['script-src'] = ["'self'", "'unsafe-inline'"];
  directives['style-src'] = ["'self'", "'unsafe-inline'"];
  delete directives['frame-ancestors'];
  return serialize(directives);
}
