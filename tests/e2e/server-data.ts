// What the library server says, asked through the same router the page uses, so the tests
// compare the screen with the server's own answers instead of hard-coded titles.

import type { BrowserPreview } from '../../electron/dev-browser/main';
import type { BusinessType, MediaPage, MediaTag } from '../../shared/domain';
import { PAGE_SIZE } from '../../renderer/src/store/library-slice';
import { PREVIEW_MEDIA_ROUTE, coverUrl, fileUrl } from '../../shared/media-url';

async function ask<T>(preview: BrowserPreview, channel: string, payload: unknown): Promise<T> {
  const result = await preview.services.router.dispatch(channel, payload);
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export function serverTags(preview: BrowserPreview, businessType: BusinessType) {
  return ask<MediaTag[]>(preview, 'library:list-tags', { businessType });
}

export function serverPage(
  preview: BrowserPreview,
  businessType: BusinessType,
  mediaTagId?: string,
  pageNo = 1,
) {
  return ask<MediaPage>(preview, 'library:list-media', {
    businessType,
    ...(mediaTagId === undefined ? {} : { mediaTagId }),
    pageNo,
    pageSize: PAGE_SIZE,
  });
}

/** The first tag of a business type whose first page has media. */
export async function firstTagWithMedia(preview: BrowserPreview, businessType: BusinessType) {
  for (const tag of await serverTags(preview, businessType)) {
    const page = await serverPage(preview, businessType, tag.id);
    if (page.items.length > 0) return { tag, page };
  }
  throw new Error(`The demo library has no ${businessType} tag with media.`);
}

/** The base of the preview's media route, as its page bridge names it (origin, route, token). */
export function previewMediaBase(preview: BrowserPreview): string {
  const token = new URLSearchParams(new URL(preview.url).hash.slice(1)).get('token')!;
  return `${preview.origin}${PREVIEW_MEDIA_ROUTE}${token}/`;
}

/** Where the page must load a file from: the media cache's route, never the signed URL. */
export function cachedFileUrl(preview: BrowserPreview, mediaId: string, fileName: string): string {
  return fileUrl(previewMediaBase(preview), mediaId, fileName);
}

export function cachedCoverUrl(preview: BrowserPreview, mediaId: string): string {
  return coverUrl(previewMediaBase(preview), mediaId);
}
