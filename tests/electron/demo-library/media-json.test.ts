import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../../electron/demo-library/catalogue';
import type { MediaFileInfo } from '../../../electron/demo-library/media/generate';
import { mediaInfoEntry, mediaInfoJson } from '../../../electron/demo-library/api/media-json';
import type { UrlIssuer } from '../../../electron/demo-library/api/media-json';
import { JsonText, bodyBytes } from '../../../electron/demo-library/api/json-text';

/** The entry's JSON as text. */
const textOf = (json: JsonText): string => json.bytes().toString('utf8');

const file = (relPath: string, fileName: string): MediaFileInfo => ({
  relPath,
  fileName,
  size: 12190,
  md5: '0123456789abcdef0123456789abcdef',
  contentType: 'image/png',
  formatName: 'png',
  duration: null,
  bitrate: null,
  width: 128,
  height: 128,
});

const item = (title: string): CatalogueItem => ({
  mediaId: 'm-1',
  title,
  description: '描述 "quoted" \\ back\tslash',
  businessType: 'sticker',
  mediaType: 'image',
  category: 'sticker',
  tags: ['sticker-expression', 'sticker-gif'],
  createTime: '2025-03-12T20:19:49Z',
  modifiedTime: '2025-03-18T20:19:49Z',
  file: file('shared/星 光.png', '星 光.png'),
  cover: file('shared/cover.png', 'cover.png'),
});

/** Signs with the time it is set to, as the server signs with the clock. */
function issuer(): UrlIssuer & { now: number } {
  const urls = {
    now: 1000,
    signed: (relPath: string) =>
      `http://127.0.0.1:1/media/${encodeURI(relPath)}?Expires=${urls.now}&Signature=s${urls.now}%2B`,
    unsigned: (relPath: string) => `http://127.0.0.1:1/media/${encodeURI(relPath)}`,
  };
  return urls;
}

describe('mediaInfoJson', () => {
  it('writes exactly what JSON.stringify writes for the entry, with and without files', () => {
    const urls = issuer();
    for (const title of ['星光 Starlight #00001', 'quote " backslash \\ 🎵 \u0001 end']) {
      for (const includeFiles of [true, false]) {
        const kept = item(title);
        expect(textOf(mediaInfoJson(kept, urls, includeFiles))).toBe(
          JSON.stringify(mediaInfoEntry(kept, urls, includeFiles)),
        );
      }
    }
  });

  it('signs the URLs afresh on every call, and changes nothing else', () => {
    const urls = issuer();
    const kept = item('星光 Starlight');
    const first = JSON.parse(textOf(mediaInfoJson(kept, urls, true)));
    urls.now = 2000;
    const second = JSON.parse(textOf(mediaInfoJson(kept, urls, true)));
    expect(second.MediaBasicInfo.CoverURL).toContain('Expires=2000');
    expect(second.FileInfoList[0].FileBasicInfo.FileUrl).toContain('Expires=2000');
    expect(first.MediaBasicInfo.CoverURL).toContain('Expires=1000');
    expect(second).toEqual(JSON.parse(JSON.stringify(mediaInfoEntry(kept, urls, true))));
  });

  it('writes a retitled item (a new item object) with its new title', () => {
    const urls = issuer();
    const before = item('Old title');
    mediaInfoJson(before, urls, true);
    const after = { ...before, title: '新标题 New title' };
    expect(JSON.parse(textOf(mediaInfoJson(after, urls, true))).MediaBasicInfo.Title).toBe(
      '新标题 New title',
    );
  });
});

describe('bodyBytes', () => {
  it('is JSON.stringify for plain bodies', () => {
    for (const body of [
      { RequestId: 'R', List: [{ a: 1 }, null], Skip: undefined, Text: '星 "q"' },
      [1, 'two'],
      'text',
      null,
    ]) {
      expect(bodyBytes(body).toString('utf8')).toBe(JSON.stringify(body));
    }
  });

  it('writes JsonText values and array elements as their bytes', () => {
    const entries = [{ MediaId: 'a', T: '星' }, { MediaId: 'b' }];
    const body = { RequestId: 'R', TotalCount: 2, MediaInfos: entries, NextToken: '' };
    const written = {
      ...body,
      MediaInfos: entries.map((e) => new JsonText([Buffer.from(JSON.stringify(e))])),
    };
    expect(bodyBytes(written).toString('utf8')).toBe(JSON.stringify(body));
    // Pieces may be bytes or text, Chinese in either: the body is exactly their UTF-8.
    const mixed = new JsonText([Buffer.from('{"T":"星'), '光","U":"', 'x"}']);
    expect(bodyBytes({ A: mixed, B: [mixed] }).toString('utf8')).toBe(
      JSON.stringify({ A: { T: '星光', U: 'x' }, B: [{ T: '星光', U: 'x' }] }),
    );
    expect(mixed.bytes()).toEqual(Buffer.from('{"T":"星光","U":"x"}'));
  });
});
