// Domain types shared by the main process, the renderer and the CLI.
// These are the normalized forms: numbers are numbers, dates are ISO strings, tags are arrays.

export const BUSINESS_TYPES = ['sticker', 'bgm', 'bgi'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export function isBusinessType(value: unknown): value is BusinessType {
  return typeof value === 'string' && (BUSINESS_TYPES as readonly string[]).includes(value);
}

export interface MediaFile {
  fileName: string;
  /** Bytes, or null when the API did not say. */
  fileSize: number | null;
  url: string;
  formatName: string | null;
  /** Seconds, or null for still images and when unknown. */
  duration: number | null;
  width: number | null;
  height: number | null;
  /** Bits per second, or null. */
  bitrate: number | null;
  fileType: string | null;
  fileStatus: string | null;
  region: string | null;
}

export interface MediaItem {
  mediaId: string;
  title: string;
  description: string | null;
  businessType: string;
  mediaType: string | null;
  tags: string[];
  coverUrl: string | null;
  category: string | null;
  source: string | null;
  status: string | null;
  /** ISO 8601, or null when missing or unparseable. */
  createTime: string | null;
  modifiedTime: string | null;
  files: MediaFile[];
}

/** The file that represents the item (previewed, dragged, downloaded): the first with a URL. */
export function primaryFile(item: MediaItem): MediaFile | null {
  return item.files.find((f) => f.url !== '') ?? item.files[0] ?? null;
}

export interface MediaPage {
  items: MediaItem[];
  totalCount: number | null;
  /** Null when there is no further page (the API's empty NextToken). */
  nextToken: string | null;
  pageNo: number | null;
  pageSize: number | null;
  requestId: string | null;
}

export interface MediaTag {
  id: string;
  businessType: BusinessType;
  nameZh: string;
  nameEn: string;
}

export interface ListMediaQuery {
  businessType?: BusinessType;
  mediaTagId?: string;
  /** PageNo/PageSize pagination. */
  pageNo?: number;
  pageSize?: number;
  /** NextToken/MaxResults pagination. */
  nextToken?: string;
  maxResults?: number;
  includeFileBasicInfo?: boolean;
}

/** The media cache as Settings and the offline indicator show it. */
export interface MediaCacheStatus {
  usedBytes: number;
  limitBytes: number;
  entryCount: number;
  /** False while fetches fail for want of a network (cached media still show). */
  online: boolean;
}

const MIB = 1024 * 1024;
export const DEFAULT_MEDIA_CACHE_LIMIT = 2048 * MIB;
export const MIN_MEDIA_CACHE_LIMIT = 256 * MIB;
export const MAX_MEDIA_CACHE_LIMIT = 1024 * 1024 * MIB;
/** The limits Settings offers. */
export const MEDIA_CACHE_LIMIT_CHOICES = [
  512 * MIB,
  1024 * MIB,
  2048 * MIB,
  5120 * MIB,
  10240 * MIB,
];

/** Where the library is read from: the built-in demo server, an account, or anonymous calls. */
export const LIBRARY_SOURCE_KINDS = ['demo', 'account', 'anonymous'] as const;
export type LibrarySourceKind = (typeof LIBRARY_SOURCE_KINDS)[number];

export interface LibrarySource {
  kind: LibrarySourceKind;
  /** Human-readable endpoint, e.g. "ice.cn-shanghai.aliyuncs.com" or "127.0.0.1:54321". */
  endpoint: string;
}
