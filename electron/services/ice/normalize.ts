// Validates ICE responses and turns them into the domain types of shared/domain.ts.
// Lenient where the API is known to be loose (numbers as strings, "null" strings, missing
// fields, absent lists); strict where a wrong kind means the response is not what we think it
// is: then AppError('BAD_RESPONSE') naming the field, never a crash or a silently blank item.

import type { z } from 'zod';
import type {
  BusinessType,
  ListMediaQuery,
  MediaFile,
  MediaItem,
  MediaPage,
  MediaTag,
} from '../../../shared/domain';
import { isBusinessType } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DOCUMENTED_TAGS } from '../../../shared/tags';
import {
  getMediaResponseSchema,
  listMediaResponseSchema,
  listTagsResponseSchema,
} from './response-schemas';
import type { RawFileBasicInfo, RawMediaInfo } from './response-schemas';
import { checkMediaUrl } from './url-safety';

export interface NormalizeContext {
  /** Accept media URLs on loopback/private hosts (only when the endpoint itself is internal). */
  allowInternalUrls: boolean;
}

export function normalizeListMediaResponse(
  body: unknown,
  query: ListMediaQuery,
  context: NormalizeContext,
): MediaPage {
  const raw = parseShape(listMediaResponseSchema, body);
  const totalCount = toNumber(raw.TotalCount);
  if (raw.MediaInfos == null && totalCount !== null && totalCount > 0) {
    throw badResponse('MediaInfos', `expected array (TotalCount is ${totalCount})`);
  }
  const items = (raw.MediaInfos ?? []).map((info, i) =>
    normalizeMediaInfo(info, `MediaInfos[${i}]`, context),
  );
  const tokenStyle = query.nextToken !== undefined || query.maxResults !== undefined;
  return {
    items,
    totalCount,
    nextToken: nonNull(raw.NextToken),
    pageNo: tokenStyle ? null : (toNumber(raw.PageNo) ?? query.pageNo ?? 1),
    pageSize: tokenStyle
      ? (toNumber(raw.MaxResults) ?? query.maxResults ?? null)
      : (toNumber(raw.PageSize) ?? query.pageSize ?? 10),
    requestId: nonNull(raw.RequestId),
  };
}

export function normalizeGetMediaResponse(body: unknown, context: NormalizeContext): MediaItem {
  const raw = parseShape(getMediaResponseSchema, body);
  return normalizeMediaInfo(raw.MediaInfo, 'MediaInfo', context);
}

/**
 * Tags with their Chinese and English names. The field names are not trusted: the reference
 * sample has them swapped, so the name written in CJK script is taken as the Chinese one.
 */
export function normalizeTagsResponse(body: unknown, businessType?: BusinessType): MediaTag[] {
  const raw = parseShape(listTagsResponseSchema, body);
  const tags: MediaTag[] = [];
  const seen = new Set<string>();
  for (const entry of raw.MediaTagList ?? []) {
    const id = nonNull(entry.MediaTagId)?.trim();
    if (!id || seen.has(id)) continue;
    const type = businessTypeOfTag(id) ?? businessType;
    if (!type || (businessType && type !== businessType)) continue;
    const { nameZh, nameEn } = assignNames(
      id,
      nonNull(entry.MediaTagNameChinese),
      nonNull(entry.MediaTagNameEnglish),
    );
    seen.add(id);
    tags.push({ id, businessType: type, nameZh, nameEn });
  }
  return tags;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function assignNames(
  id: string,
  chineseField: string | null,
  englishField: string | null,
): { nameZh: string; nameEn: string } {
  const documented = DOCUMENTED_TAGS.find((t) => t.id === id);
  const names = [chineseField, englishField].filter((n): n is string => !!n && n.trim() !== '');
  const zh = names.find((n) => CJK.test(n));
  const en = names.find((n) => !CJK.test(n));
  return {
    nameZh: zh ?? documented?.nameZh ?? en ?? id,
    nameEn: en ?? documented?.nameEn ?? zh ?? id,
  };
}

function businessTypeOfTag(id: string): BusinessType | null {
  const prefix = id.split('-')[0];
  return isBusinessType(prefix) ? prefix : null;
}

function normalizeMediaInfo(info: RawMediaInfo, at: string, context: NormalizeContext): MediaItem {
  const basic = info.MediaBasicInfo;
  const mediaId = nonNull(info.MediaId) ?? nonNull(basic.MediaId);
  if (!mediaId) throw badResponse(`${at}.MediaId`, 'expected string');
  const files = normalizeFiles(info, mediaId, at, context);
  const coverUrl = nonNull(basic.CoverURL);
  return {
    mediaId,
    title: nonNull(basic.Title) ?? titleFromFiles(files) ?? mediaId,
    description: nonNull(basic.Description),
    businessType: nonNull(basic.BusinessType) ?? '',
    mediaType: nonNull(basic.MediaType),
    tags: splitTags(nonNull(basic.MediaTags)),
    coverUrl:
      coverUrl === null ? null : safeUrl(coverUrl, `${at}.MediaBasicInfo.CoverURL`, context),
    category: nonNull(basic.Category),
    source: nonNull(basic.Source),
    status: nonNull(basic.Status),
    createTime: toIsoDate(basic.CreateTime),
    modifiedTime: toIsoDate(basic.ModifiedTime),
    files,
  };
}

function normalizeFiles(
  info: RawMediaInfo,
  mediaId: string,
  at: string,
  context: NormalizeContext,
): MediaFile[] {
  const files: MediaFile[] = [];
  (info.FileInfoList ?? []).forEach((entry, i) => {
    const file = entry.FileBasicInfo;
    // A file without a URL cannot be previewed or downloaded; it is left out, not invented.
    const rawUrl = file ? nonNull(file.FileUrl) : null;
    if (!file || !rawUrl) return;
    const url = safeUrl(rawUrl, `${at}.FileInfoList[${i}].FileBasicInfo.FileUrl`, context);
    files.push(normalizeFile(file, url, `${mediaId}-${i + 1}`));
  });
  return files;
}

function normalizeFile(file: RawFileBasicInfo, url: string, fallbackName: string): MediaFile {
  return {
    fileName: nonNull(file.FileName) ?? fileNameFromUrl(url) ?? fallbackName,
    fileSize: toNumber(file.FileSize),
    url,
    formatName: nonNull(file.FormatName),
    duration: toNumber(file.Duration),
    width: toNumber(file.Width),
    height: toNumber(file.Height),
    bitrate: toNumber(file.Bitrate),
    fileType: nonNull(file.FileType),
    fileStatus: nonNull(file.FileStatus),
    region: nonNull(file.Region),
  };
}

function safeUrl(raw: string, field: string, context: NormalizeContext): string {
  const verdict = checkMediaUrl(raw, context.allowInternalUrls);
  if (verdict.ok) return verdict.url;
  throw new AppError(
    'UNSAFE_URL',
    `The library service sent an unsafe URL (${field}: ${verdict.reason}).`,
  );
}

function titleFromFiles(files: MediaFile[]): string | null {
  const name = files[0]?.fileName;
  return name ? name.replace(/\.[^.]+$/, '') : null;
}

function fileNameFromUrl(url: string): string | null {
  const last = new URL(url).pathname.split('/').pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const TAG_SEPARATOR = /[\s,，]/u;

/** Tags are one string; the separator is unconfirmed, so commas (both widths) and spaces split. */
export function splitTags(value: string | null): string[] {
  if (!value) return [];
  // Most items carry one tag: no split, filter and de-duplication to make for it.
  if (!TAG_SEPARATOR.test(value)) return value === 'null' ? [] : [value];
  return [...new Set(value.split(/[\s,，]+/u).filter((t) => t !== '' && t !== 'null'))];
}

/** Missing, empty and "null" strings are all "no value". */
function nonNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed === 'null' ? null : value;
}

export function toNumber(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = nonNull(value)?.trim();
  if (!text || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** ISO 8601 from "2021-01-08T16:52:04Z", "2021-01-08 16:52:04" (taken as UTC) or epoch numbers. */
export function toIsoDate(value: number | string | null | undefined): string | null {
  // No cache: the usual forms are read by hand below for less than a Map lookup costs, and a
  // catalogue's timestamps are mostly unique (a cache of them missed, then churned, every time).
  if (typeof value === 'string') {
    const fast = fastIsoDate(value);
    if (fast !== null) return fast;
  }
  return parseIsoDate(value);
}

/** Two decimal digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const hi = text.charCodeAt(at) - 48;
  const lo = text.charCodeAt(at + 1) - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The service's usual forms, "2021-01-08T16:52:04Z" and "2021-01-08 16:52:04" (UTC), read by
 * hand without allocating: Date.parse and toISOString were most of a listing's date cost when
 * every item has its own timestamp. Null for anything else (then Date.parse decides).
 */
function fastIsoDate(text: string): string | null {
  const length = text.length;
  if (length !== 19 && !(length === 20 && text.charCodeAt(19) === 90 /* Z */)) return null;
  const separator = text.charCodeAt(10);
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return null;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return null;
  }
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 10 || yy < 0 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (day > daysInMonth(century * 100 + yy, month)) return null;
  return separator === 84
    ? `${text.slice(0, 19)}.000Z`
    : `${text.slice(0, 10)}T${text.slice(11, 19)}.000Z`;
}

function parseIsoDate(value: number | string | null | undefined): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    // Below 1e11 the number can only be seconds (1e11 ms is 1973).
    return new Date(value < 1e11 ? value * 1000 : value).toISOString();
  }
  const text = nonNull(value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return parseIsoDate(Number(text));
  const withZone = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
    ? `${text.replace(' ', 'T')}Z`
    : text;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function parseShape<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw badResponse('(response)', 'invalid');
  const field = formatPath(issue.path);
  const message =
    issue.path.length === 0 && typeof body !== 'object' ? 'expected object' : issue.message;
  throw badResponse(field, message);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(response)' : out;
}

function badResponse(field: string, problem: string): AppError {
  return new AppError(
    'BAD_RESPONSE',
    `The library service sent a response in an unexpected shape (${field}: ${problem}).`,
  );
}
