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
