// The media: protocol: every cover, preview and file the page shows comes from the media cache
// through media://cover/<MediaId> and media://file/<MediaId>/<name>, never from a signed URL.
// The scheme is registered as privileged (with `stream`, so <audio> can seek) in app-protocol.ts,
// which registers all of the app's schemes in the one call Electron allows.

import { protocol } from 'electron';
import type { MediaRequestLike } from '../services/media-cache/media-response';
import { mediaTargetFromUrl } from '../services/media-cache/media-address';
import { MEDIA_SCHEME } from '../../shared/media-url';
import type { MediaTarget } from '../../shared/media-url';

export const MEDIA_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
} as const;

export type MediaResponder = (
  target: MediaTarget | null,
  request: MediaRequestLike,
) => Promise<Response>;

/** Must run after the app is ready. */
export function handleMediaProtocol(respond: MediaResponder): void {
  protocol.handle(MEDIA_SCHEME, (request) =>
    respond(mediaTargetFromUrl(request.url), {
      method: request.method,
      range: request.headers.get('range'),
    }),
  );
}
