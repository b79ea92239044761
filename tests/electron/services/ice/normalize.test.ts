import { describe, expect, it } from 'vitest';
import {
  normalizeGetMediaResponse,
  normalizeListMediaResponse,
  normalizeTagsResponse,
  splitTags,
  toIsoDate,
  toNumber,
} from '../../../../electron/services/ice/normalize';
import { AppError } from '../../../../shared/errors';

const publicEndpoint = { allowInternalUrls: false };

/** The success sample of the ListPublicMediaBasicInfos reference page, verbatim. */
const SEED_SAMPLE = {
  RequestId: '******B7-7F87-4792-BFE9-63CD21******',
  TotalCount: 2,
  MediaInfos: [
    {
      MediaId: '****019b82e24b37a1c2958dec38****',
      MediaBasicInfo: {
        MediaId: '****019b82e24b37a1c2958dec38****',
        InputURL: 'https://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4',
        MediaType: 'video',
        BusinessType: 'general',
        Source: 'oss',
        Title: 'title标题',
        Description: 'description',
        Category: 'video',
        MediaTags: 'sticker-daily',
        CoverURL:
          'http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png?Expires=&OSSAccessKeyId=&Signature=&security-token=',
        UserData: 'userData',
        Snapshots: 'null',
        Status: 'Normal',
        TranscodeStatus: 'Init',
        CreateTime: '2021-01-08T16:52:04Z',
        ModifiedTime: '2021-01-08T16:52:04Z',
        DeletedTime: '2021-01-08T16:52:04Z',
      },
      FileInfoList: [
        {
          FileBasicInfo: {
            FileName: 'example.mp4',
            FileStatus: 'Normal',
            FileType: 'source_file',
            FileSize: '338990717',
            FileUrl:
              'http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4?Expires=&OSSAccessKeyId=&Signature=&security-token=',
            Region: 'cn-shanghai',
            FormatName: 'mov,mp4,m4a,3gp,3g2,mj2',
            Duration: '10.040000',
            Bitrate: '270112.12',
            Width: '1920',
            Height: '1080',
          },
        },
      ],
    },
  ],
  NextToken: '8EqYpQbZ6Eh7+Zz8DxVYoQ==',
  MaxResults: 2,
};

function badResponse(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('normalizeListMediaResponse', () => {
  it('normalizes the reference page sample', () => {
    const page = normalizeListMediaResponse(SEED_SAMPLE, { maxResults: 2 }, publicEndpoint);
    expect(page).toEqual({
      items: [
        {
          mediaId: '****019b82e24b37a1c2958dec38****',
          title: 'title标题',
          description: 'description',
          businessType: 'general',
          mediaType: 'video',
          tags: ['sticker-daily'],
          coverUrl:
            'http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png?Expires=&OSSAccessKeyId=&Signature=&security-token=',
          category: 'video',
          source: 'oss',
          status: 'Normal',
          createTime: '2021-01-08T16:52:04.000Z',
          modifiedTime: '2021-01-08T16:52:04.000Z',
          files: [
            {
              fileName: 'example.mp4',
              fileSize: 338990717,
              url: 'http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4?Expires=&OSSAccessKeyId=&Signature=&security-token=',
              formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
              duration: 10.04,
              width: 1920,
              height: 1080,
              bitrate: 270112.12,
              fileType: 'source_file',
              fileStatus: 'Normal',
              region: 'cn-shanghai',
            },
          ],
        },
      ],
      totalCount: 2,
      nextToken: '8EqYpQbZ6Eh7+Zz8DxVYoQ==',
      pageNo: null,
      pageSize: 2,
      requestId: '******B7-7F87-4792-BFE9-63CD21******',
    });
  });

  it('tolerates numbers as numbers, "null" strings, missing fields and an absent FileInfoList', () => {
    const page = normalizeListMediaResponse(
      {
        TotalCount: '1',
        NextToken: '',
        MediaInfos: [
          {
            MediaId: 'm',
            MediaBasicInfo: {
              Title: 'null',
              Description: null,
              CreateTime: 'garbage',
              MediaTags: 'null',
            },
          },
          { MediaBasicInfo: { MediaId: 'n', Title: 't' }, FileInfoList: 'null' },
          {
            MediaId: 'o',
            MediaBasicInfo: {},
            FileInfoList: [
              {
                FileBasicInfo: {
                  FileUrl: 'https://cdn.example.com/a/b%20c.mp3?x=1',
                  FileSize: 12,
                  Duration: 'null',
                  Width: '',
                },
              },
              { FileBasicInfo: { FileName: 'no-url.mp3' } },
              {},
            ],
          },
        ],
      },
      { pageNo: 3, pageSize: 20 },
      publicEndpoint,
    );
    expect(page.totalCount).toBe(1);
    expect(page.nextToken).toBeNull();
    expect(page.pageNo).toBe(3);
    expect(page.pageSize).toBe(20);
    const [m, n, o] = page.items;
    expect(m).toMatchObject({
      mediaId: 'm',
      title: 'm',
      description: null,
      createTime: null,
      tags: [],
      files: [],
    });
    expect(n).toMatchObject({ mediaId: 'n', title: 't', files: [] });
    expect(o!.files).toEqual([
      expect.objectContaining({ fileName: 'b c.mp3', fileSize: 12, duration: null, width: null }),
    ]);
    expect(o!.title).toBe('b c');
  });

  it.each([
    [
      { MediaInfos: [{ MediaId: 'a', MediaBasicInfo: { Title: 7 } }] },
      'MediaInfos[0].MediaBasicInfo.Title: expected string',
    ],
    [{ MediaInfos: [{ MediaId: 'a' }] }, 'MediaInfos[0].MediaBasicInfo: expected object'],
    [{ MediaInfos: [{ MediaBasicInfo: {} }] }, 'MediaInfos[0].MediaId: expected string'],
    [{ MediaInfos: { 0: {} } }, 'MediaInfos: expected array'],
    [
      {
        MediaInfos: [
          { MediaId: 'a', MediaBasicInfo: {}, FileInfoList: [{ FileBasicInfo: { Width: [1] } }] },
        ],
      },
      'MediaInfos[0].FileInfoList[0].FileBasicInfo.Width: expected number or numeric string',
    ],
    [{ TotalCount: 5 }, 'MediaInfos: expected array'],
    ['<html>', '(response): expected object'],
    [null, '(response): expected object'],
  ])('rejects %j naming the field', (body, expected) => {
    const error = badResponse(() => normalizeListMediaResponse(body, {}, publicEndpoint));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain(expected);
  });

  it.each([
    'http://127.0.0.1/x.png',
    'http://10.1.2.3/x.png',
    'http://192.168.0.10/x.png',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/x.png',
    'http://[::ffff:127.0.0.1]/x.png',
    'http://localhost:8080/x.png',
    'http://2130706433/x.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses the cover URL %s from a public endpoint', (url) => {
    const body = { MediaInfos: [{ MediaId: 'a', MediaBasicInfo: { CoverURL: url } }] };
    const error = badResponse(() => normalizeListMediaResponse(body, {}, publicEndpoint));
    expect(error.code).toBe('UNSAFE_URL');
    expect(error.message).toContain('MediaInfos[0].MediaBasicInfo.CoverURL');
    if (url.startsWith('http')) {
      // The same URL is fine when the endpoint itself is local (demo server, tests).
      const page = normalizeListMediaResponse(body, {}, { allowInternalUrls: true });
      expect(page.items[0]!.coverUrl).not.toBeNull();
    }
  });

  it('refuses an internal file URL too', () => {
    const body = {
      MediaInfos: [
        {
          MediaId: 'a',
          MediaBasicInfo: {},
          FileInfoList: [{ FileBasicInfo: { FileUrl: 'http://172.20.0.1/f' } }],
        },
      ],
    };
    const error = badResponse(() => normalizeListMediaResponse(body, {}, publicEndpoint));
    expect(error.message).toContain('MediaInfos[0].FileInfoList[0].FileBasicInfo.FileUrl');
  });
});

describe('normalizeGetMediaResponse', () => {
  it('reads MediaInfo', () => {
    const item = normalizeGetMediaResponse(
      { RequestId: 'r', MediaInfo: SEED_SAMPLE.MediaInfos[0] },
      publicEndpoint,
    );
    expect(item.title).toBe('title标题');
    expect(item.files).toHaveLength(1);
  });

  it('names a missing MediaInfo', () => {
    expect(
      badResponse(() => normalizeGetMediaResponse({ RequestId: 'r' }, publicEndpoint)).message,
    ).toContain('MediaInfo: expected object');
  });
});

describe('normalizeTagsResponse', () => {
  it('swaps names written in the wrong fields, fills gaps from the documented tags', () => {
    const tags = normalizeTagsResponse(
      {
        MediaTagList: [
          {
            MediaTagId: 'bgm-romantic',
            MediaTagNameChinese: 'romantic',
            MediaTagNameEnglish: '浪漫',
          },
          { MediaTagId: 'bgm-upbeat', MediaTagNameChinese: '轻快', MediaTagNameEnglish: null },
          { MediaTagId: 'bgm-odd', MediaTagNameChinese: 'Odd', MediaTagNameEnglish: '' },
          { MediaTagId: 'sticker-cute', MediaTagNameChinese: '可爱', MediaTagNameEnglish: 'Cute' },
          { MediaTagId: '' },
        ],
      },
      'bgm',
    );
    expect(tags).toEqual([
      { id: 'bgm-romantic', businessType: 'bgm', nameZh: '浪漫', nameEn: 'romantic' },
      { id: 'bgm-upbeat', businessType: 'bgm', nameZh: '轻快', nameEn: 'Upbeat' },
      { id: 'bgm-odd', businessType: 'bgm', nameZh: 'Odd', nameEn: 'Odd' },
    ]);
  });

  it('rejects a MediaTagList that is not a list', () => {
    expect(badResponse(() => normalizeTagsResponse({ MediaTagList: 'x' })).message).toContain(
      'MediaTagList: expected array',
    );
  });
});

describe('value parsing', () => {
  it('parses numbers from strings or numbers only when they are numbers', () => {
    expect(toNumber('338990717')).toBe(338990717);
    expect(toNumber(' 10.040000 ')).toBe(10.04);
    expect(toNumber(1920)).toBe(1920);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('N/A')).toBeNull();
    expect(toNumber('')).toBeNull();
    expect(toNumber('null')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
  });

  it('turns the date forms seen into ISO 8601', () => {
    expect(toIsoDate('2021-01-08T16:52:04Z')).toBe('2021-01-08T16:52:04.000Z');
    expect(toIsoDate('2021-01-08 16:52:04')).toBe('2021-01-08T16:52:04.000Z');
    expect(toIsoDate('2021-01-08T16:52:04+08:00')).toBe('2021-01-08T08:52:04.000Z');
    expect(toIsoDate(1610124724)).toBe('2021-01-08T16:52:04.000Z');
    expect(toIsoDate('1610124724000')).toBe('2021-01-08T16:52:04.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
  });

  it('splits tags on commas and whitespace', () => {
    expect(splitTags('a,b  c\td，e,,a')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitTags('')).toEqual([]);
    // One tag, the usual case, takes a shorter path to the same answers.
    expect(splitTags('sticker-cute')).toEqual(['sticker-cute']);
    expect(splitTags('null')).toEqual([]);
    expect(splitTags('null,a')).toEqual(['a']);
    expect(splitTags('\u3000a')).toEqual(['a']);
  });
});

describe('toIsoDate on the usual forms, read without Date.parse', () => {
  it('agrees with Date for every day of a leap year and rejects impossible dates', () => {
    for (let ms = Date.UTC(2024, 0, 1, 7, 5, 9); ms < Date.UTC(2025, 0, 1); ms += 86_400_000) {
      const iso = new Date(ms).toISOString();
      expect(toIsoDate(`${iso.slice(0, 19)}Z`)).toBe(iso);
      expect(toIsoDate(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`)).toBe(iso);
    }
    // Odd and impossible dates read as Date reads them (V8 rolls Feb 29 of 2023 over).
    const reference = (text: string) => {
      const ms = Date.parse(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
      return Number.isNaN(ms) ? null : new Date(ms).toISOString();
    };
    for (const odd of [
      '2023-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z', // a leap year (divisible by 400)
      '1900-02-29T00:00:00Z', // not one (divisible by 100)
      '2024-13-01T00:00:00Z',
      '2024-04-31 10:00:00',
      '2024-01-01T24:00:00Z',
      '2024-01-01T23:60:00Z',
      '2024-0a-01T00:00:00Z',
    ]) {
      expect(toIsoDate(odd), odd).toBe(reference(odd));
    }
  });
});
