// Catalogue items in the wire shape of ICE's MediaBasicInfo and FileBasicInfo. As in the
// official SDK models, every FileBasicInfo value is a string, numbers included ("338990717",
// "10.040000"); values that do not apply to a file (an image's duration, audio's width) are
// empty strings.

import type { CatalogueItem } from '../catalogue';
import type { MediaFileInfo } from '../media/generate';
import { JsonText } from './json-text';

export interface UrlIssuer {
  /** A signed, expiring URL for a file below the media folder. */
  signed(relPath: string): string;
  /** The file's address without a signature (what the API calls InputURL). */
  unsigned(relPath: string): string;
}

export const REGION = 'cn-shanghai';

export function mediaBasicInfo(item: CatalogueItem, urls: UrlIssuer): Record<string, string> {
  return {
    MediaId: item.mediaId,
    InputURL: urls.unsigned(item.file.relPath),
    MediaType: item.mediaType,
    BusinessType: item.businessType,
    Source: 'oss',
    Title: item.title,
    Description: item.description,
    Category: item.category,
    MediaTags: item.tags.join(','),
    CoverURL: urls.signed(item.cover.relPath),
    UserData: '{"Origin":"ice-media-library-demo"}',
    Snapshots: 'null',
    Status: 'Normal',
    TranscodeStatus: 'Init',
    CreateTime: item.createTime,
    ModifiedTime: item.modifiedTime,
    DeletedTime: '',
  };
}

const text = (value: number | null, digits?: number): string =>
  value === null ? '' : digits === undefined ? String(value) : value.toFixed(digits);

export function fileBasicInfo(file: MediaFileInfo, urls: UrlIssuer): Record<string, string> {
  return {
    FileName: file.fileName,
    FileStatus: 'Normal',
    FileType: 'source_file',
    FileSize: String(file.size),
    FileUrl: urls.signed(file.relPath),
    Region: REGION,
    FormatName: file.formatName,
    Duration: text(file.duration, 6),
    Bitrate: text(file.bitrate, 2),
    Width: text(file.width),
    Height: text(file.height),
  };
}

/** One entry of ListPublicMediaBasicInfos's MediaInfos. */
export function mediaInfoEntry(
  item: CatalogueItem,
  urls: UrlIssuer,
  includeFiles: boolean,
): Record<string, unknown> {
  return {
    MediaId: item.mediaId,
    MediaBasicInfo: mediaBasicInfo(item, urls),
    ...(includeFiles ? { FileInfoList: [{ FileBasicInfo: fileBasicInfo(item.file, urls) }] } : {}),
  };
}

/** An entry's UTF-8 text apart from its signed URLs: the URLs go between the parts, in order. */
type EntryTemplate = { parts: Buffer[]; signedPaths: string[] };

const SIGNED_MARK = '\u0001signed\u0001';
const templates = new WeakMap<UrlIssuer, WeakMap<CatalogueItem, EntryTemplate[]>>();

/**
 * mediaInfoEntry as JSON, the same UTF-8 JSON.stringify writes for it, with freshly signed
 * URLs. Everything else in an entry stays the same between requests, so each item's text is
 * made once (per URL issuer, whose address InputURL holds) and only the URLs are signed anew.
 * Items are never changed in place (a changed catalogue is new items), so a kept text is current.
 */
export function mediaInfoJson(
  item: CatalogueItem,
  urls: UrlIssuer,
  includeFiles: boolean,
): JsonText {
  let byItem = templates.get(urls);
  if (!byItem) templates.set(urls, (byItem = new WeakMap()));
  let kept = byItem.get(item);
  if (!kept) byItem.set(item, (kept = []));
  const slot = includeFiles ? 1 : 0;
  let template = kept[slot];
  if (!template) {
    const signedPaths: string[] = [];
    const marking: UrlIssuer = {
      signed: (relPath) => {
        signedPaths.push(relPath);
        return SIGNED_MARK;
      },
      unsigned: (relPath) => urls.unsigned(relPath),
    };
    const text = JSON.stringify(mediaInfoEntry(item, marking, includeFiles));
    const parts = text.split(JSON.stringify(SIGNED_MARK)).map((part) => Buffer.from(part));
    template = { parts, signedPaths };
    kept[slot] = template;
  }
  const pieces: Array<Buffer | string> = [template.parts[0]!];
  for (let i = 0; i < template.signedPaths.length; i++) {
    pieces.push(JSON.stringify(urls.signed(template.signedPaths[i]!)));
    pieces.push(template.parts[i + 1]!);
  }
  return new JsonText(pieces);
}
