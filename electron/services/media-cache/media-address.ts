// Reads a media:// request URL (Electron) into the object it names. Chromium canonicalizes a
// standard scheme's URL first (lower-case host, dot segments resolved); whatever remains is
// checked by parseMediaSegments, which refuses anything but a cover or a file name.

import { MEDIA_SCHEME, parseMediaSegments } from '../../../shared/media-url';
import type { MediaTarget } from '../../../shared/media-url';

export function mediaTargetFromUrl(raw: string): MediaTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.username !== '' || url.password !== '') {
    return null;
  }
  if (url.port !== '' || url.search !== '' || url.hash !== '') return null;
  const path = url.pathname.startsWith('/') ? url.pathname.slice(1) : url.pathname;
  return parseMediaSegments([url.hostname.toLowerCase(), ...path.split('/')]);
}
