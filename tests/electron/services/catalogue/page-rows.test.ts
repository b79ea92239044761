// Pages from the listing worker travel as rows: every field of every item and file must arrive.

import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../shared/domain';
import { fromRows, toRows } from '../../../../electron/services/catalogue/page-rows';

const full: MediaItem = {
  mediaId: 'm1',
  title: '星光 Starlight',
  description: 'd',
  businessType: 'sticker',
  mediaType: 'image',
  tags: ['sticker-cute', 'sticker-atmosphere'],
  coverUrl: 'https://example.com/c.png',
  category: 'cat',
  source: 'oss',
  status: 'Normal',
  createTime: '2021-01-08T16:52:04.000Z',
  modifiedTime: '2021-01-09T16:52:04.000Z',
  files: [
    {
      fileName: 'a.gif',
      fileSize: 1234,
      url: 'https://example.com/a.gif',
      formatName: 'gif',
      duration: 1.5,
      width: 320,
      height: 240,
      bitrate: 800,
      fileType: 'source_file',
      fileStatus: 'Normal',
      region: 'cn-shanghai',
    },
    {
      fileName: 'b.png',
      fileSize: null,
      url: 'https://example.com/b.png',
      formatName: null,
      duration: null,
      width: null,
      height: null,
      bitrate: null,
      fileType: null,
      fileStatus: null,
      region: null,
    },
  ],
};

describe('page rows', () => {
  it('carry every field of an item and its files, in order', () => {
    const bare: MediaItem = { ...full, mediaId: 'm2', description: null, tags: [], files: [] };
    const back = fromRows(structuredClone(toRows([full, bare])));
    expect(back).toEqual([full, bare]);
    // Same fields, none added or dropped (toEqual alone would overlook an undefined one).
    expect(Object.keys(back[0]!)).toEqual(Object.keys(full));
    expect(Object.keys(back[0]!.files[0]!)).toEqual(Object.keys(full.files[0]!));
  });

  it('keep an empty page empty', () => {
    expect(fromRows(toRows([]))).toEqual([]);
  });
});
