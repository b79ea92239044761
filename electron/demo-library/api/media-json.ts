// Catalogue items in the wire shape of ICE's MediaBasicInfo and FileBasicInfo. As in the
// official SDK models, every FileBasicInfo value is a string, numbers included ("338990717",
// "10.040000"); values that do not apply to a file (an image's duration, audio's width) are
// empty strings.

import type { CatalogueItem } from '../catalogue';
import type { MediaFileInfo } from '../media/generate';

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
