// zod schemas of the documented response shapes. They check structure and primitive kinds only;
// normalize.ts turns the lenient values (numbers as strings, "null" strings) into domain types.

import { z } from 'zod';

// Wrappers are nullish()/preprocess rather than unions so that an issue deep inside a list keeps
// its full path (a failed union would report only "expected array" at the list itself).

/** A string field that may be missing or null. */
const text = z.string({ error: 'expected string' }).nullish();
/** A number the API may send as a string ("338990717", "10.040000"). */
const numeric = z
  .union([z.number(), z.string()], { error: 'expected number or numeric string' })
  .nullish();
// Unknown fields are dropped: the service adds fields over time and nothing here needs them.
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: 'expected object' });
const list = <T extends z.ZodType>(item: T) =>
  // "null" strings appear where the SDK models have lists; treat them as absent.
  z.preprocess(
    (value) => (value === 'null' ? null : value),
    z.array(item, { error: 'expected array' }).nullish(),
  );

export const fileBasicInfoSchema = obj({
  FileName: text,
  FileStatus: text,
  FileType: text,
  FileSize: numeric,
  FileUrl: text,
  Region: text,
  FormatName: text,
  Duration: numeric,
  Bitrate: numeric,
  Width: numeric,
  Height: numeric,
});

export const fileInfoSchema = obj({
  FileBasicInfo: fileBasicInfoSchema.nullish(),
});

export const mediaBasicInfoSchema = obj({
  MediaId: text,
  InputURL: text,
  MediaType: text,
  BusinessType: text,
  Source: text,
  Title: text,
  Description: text,
  Category: text,
  MediaTags: text,
  CoverURL: text,
  Status: text,
  CreateTime: numeric,
  ModifiedTime: numeric,
});

export const mediaInfoSchema = obj({
  MediaId: text,
  MediaBasicInfo: mediaBasicInfoSchema,
  FileInfoList: list(fileInfoSchema),
});

export const listMediaResponseSchema = obj({
  RequestId: text,
  TotalCount: numeric,
  NextToken: text,
  MaxResults: numeric,
  PageNo: numeric,
  PageSize: numeric,
  MediaInfos: list(mediaInfoSchema),
});

export const getMediaResponseSchema = obj({
  RequestId: text,
  MediaInfo: mediaInfoSchema,
});

export const tagOptionSchema = obj({
  OptionId: text,
  OptionChineseName: text,
  OptionEnglishName: text,
});

export const mediaTagSchema = obj({
  MediaTagId: text,
  MediaTagNameChinese: text,
  MediaTagNameEnglish: text,
  Options: list(tagOptionSchema),
});

export const listTagsResponseSchema = obj({
  RequestId: text,
  MediaTagList: list(mediaTagSchema),
});

export type RawMediaInfo = z.infer<typeof mediaInfoSchema>;
export type RawFileBasicInfo = z.infer<typeof fileBasicInfoSchema>;
export type RawListMediaResponse = z.infer<typeof listMediaResponseSchema>;
export type RawListTagsResponse = z.infer<typeof listTagsResponseSchema>;

// A listing page that the schema would accept as it is, checked without building anything.
// zod's object schemas return a fresh copy of every object they check: for a sync's 200 pages of
// 100 items each that copy was a measurable share of the CPU. This check answers true only for
// bodies the schema accepts unchanged (no "null" list strings, which the schema turns into null),
// so the body can be used as the schema's output; anything else goes through the schema, which
// gives the error (with the failing field's path) or the preprocessed value.

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isText(value: unknown): boolean {
  return value == null || typeof value === 'string';
}
function isNumeric(value: unknown): boolean {
  return (
    value == null ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
function allText(object: Json, keys: readonly string[]): boolean {
  for (const key of keys) if (!isText(object[key])) return false;
  return true;
}
function allNumeric(object: Json, keys: readonly string[]): boolean {
  for (const key of keys) if (!isNumeric(object[key])) return false;
  return true;
}

const FILE_TEXT = ['FileName', 'FileStatus', 'FileType', 'FileUrl', 'Region', 'FormatName'];
const FILE_NUMERIC = ['FileSize', 'Duration', 'Bitrate', 'Width', 'Height'];
const BASIC_TEXT = [
  'MediaId',
  'InputURL',
  'MediaType',
  'BusinessType',
  'Source',
  'Title',
  'Description',
  'Category',
  'MediaTags',
  'CoverURL',
  'Status',
];
const BASIC_NUMERIC = ['CreateTime', 'ModifiedTime'];
const PAGE_TEXT = ['RequestId', 'NextToken'];
const PAGE_NUMERIC = ['TotalCount', 'MaxResults', 'PageNo', 'PageSize'];

function isPlainMediaInfo(info: unknown): boolean {
  if (!isObject(info) || !isText(info.MediaId)) return false;
  const basic = info.MediaBasicInfo;
  if (!isObject(basic) || !allText(basic, BASIC_TEXT) || !allNumeric(basic, BASIC_NUMERIC)) {
    return false;
  }
  const files = info.FileInfoList;
  if (files == null) return true;
  if (!Array.isArray(files)) return false;
  for (const file of files) {
    if (!isObject(file)) return false;
    const basicFile = file.FileBasicInfo;
    if (basicFile == null) continue;
    if (!isObject(basicFile) || !allText(basicFile, FILE_TEXT)) return false;
    if (!allNumeric(basicFile, FILE_NUMERIC)) return false;
  }
  return true;
}

export function isPlainListMediaResponse(body: unknown): body is RawListMediaResponse {
  if (!isObject(body) || !allText(body, PAGE_TEXT) || !allNumeric(body, PAGE_NUMERIC)) {
    return false;
  }
  const infos = body.MediaInfos;
  if (infos == null) return true;
  if (!Array.isArray(infos)) return false;
  for (const info of infos) if (!isPlainMediaInfo(info)) return false;
  return true;
}
