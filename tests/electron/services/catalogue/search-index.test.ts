// Search as a designer types it: Chinese substrings (two characters), English words with case
// and accents folded, pinyin in full and as initials, filters and sorts.

import { describe, expect, it } from 'vitest';
import { SearchIndex, indexItem } from '../../../../electron/services/catalogue/search-index';
import { pinyinOf } from '../../../../electron/services/catalogue/search-text';
import type { MediaFile, MediaItem } from '../../../../shared/domain';
import { DOCUMENTED_TAGS } from '../../../../shared/tags';
import type { SearchQuery } from '../../../../shared/catalogue';

function file(over: Partial<MediaFile> = {}): MediaFile {
  return {
    fileName: 'a.png',
    fileSize: 1000,
    url: 'https://example.com/a.png',
    formatName: 'png',
    duration: null,
    width: 800,
    height: 800,
    bitrate: null,
    fileType: null,
    fileStatus: null,
    region: null,
    ...over,
  };
}

function item(
  mediaId: string,
  over: Partial<MediaItem> & { file?: Partial<MediaFile> },
): MediaItem {
  const { file: f, ...rest } = over;
  return {
    mediaId,
    title: mediaId,
    description: null,
    businessType: 'sticker',
    mediaType: 'image',
    tags: [],
    coverUrl: null,
    category: null,
    source: null,
    status: null,
    createTime: '2025-01-01T00:00:00.000Z',
    modifiedTime: null,
    files: [file(f)],
    ...rest,
  };
}

const ITEMS: MediaItem[] = [
  item('star', {
    title: '星光闪烁 Starlight',
    tags: ['sticker-atmosphere'],
    createTime: '2025-03-01T00:00:00.000Z',
    file: { fileName: 'starlight_twinkle.gif', formatName: 'gif', width: 400, height: 400 },
  }),
  item('piano', {
    title: '舒缓钢琴 Relaxing Piano',
    businessType: 'bgm',
    mediaType: 'audio',
    tags: ['bgm-relaxing'],
    description: 'Soft piano for vlogs',
    createTime: '2025-02-01T00:00:00.000Z',
    file: {
      fileName: 'piano.mp3',
      formatName: 'mp3',
      duration: 45,
      fileSize: 900_000,
      width: null,
      height: null,
    },
  }),
  item('cafe', {
    title: 'Café Morning',
    businessType: 'bgm',
    mediaType: 'audio',
    tags: ['bgm-upbeat'],
    createTime: '2025-04-01T00:00:00.000Z',
    file: {
      fileName: 'cafe.wav',
      formatName: 'wav',
      duration: 130,
      fileSize: 3_000_000,
      width: null,
      height: null,
    },
  }),
  item('music', {
    title: '快乐音乐',
    businessType: 'bgm',
    mediaType: 'audio',
    tags: ['bgm-upbeat'],
    createTime: '2025-01-15T00:00:00.000Z',
    file: {
      fileName: 'happy.mp3',
      formatName: 'mp3',
      duration: 20,
      fileSize: null,
      width: null,
      height: null,
    },
  }),
  item('sky', {
    title: '蓝色天空渐变',
    businessType: 'bgi',
    tags: ['bgi-grad'],
    file: { fileName: 'sky.png', width: 1920, height: 1080, fileSize: 2_000_000 },
  }),
  item('tall', {
    title: 'Tall poster',
    businessType: 'bgi',
    tags: ['bgi-pic'],
    file: { fileName: 'tall.jpg', formatName: 'jpg', width: 1080, height: 1920 },
  }),
];

const tagsById = new Map(DOCUMENTED_TAGS.map((t) => [t.id, t]));
const index = new SearchIndex();
index.replace(ITEMS.map((i) => indexItem(i, tagsById, pinyinOf(i.title))));
const find = (query: Partial<SearchQuery> & { text?: string }) =>
  index.search({ text: '', ...query }, new Set(['sky'])).ids;

describe('search text', () => {
  it('matches two Chinese characters inside a title', () => {
    expect(find({ text: '光闪' })).toEqual(['star']);
    expect(find({ text: '钢琴' })).toEqual(['piano']);
  });

  it('folds case and accents, both ways', () => {
    expect(find({ text: 'cafe' })).toEqual(['cafe']);
    expect(find({ text: 'CAFÉ' })).toEqual(['cafe']);
    expect(find({ text: 'ｐｉａｎｏ' })).toEqual(['piano']); // full-width letters
  });

  it('matches pinyin in full and as initials', () => {
    expect(find({ text: 'xingguang' })).toEqual(['star']);
    expect(find({ text: 'xg' })).toEqual(['star']);
    expect(find({ text: 'xgs' })).toEqual(['star']);
    expect(find({ text: 'shuhuan' })).toEqual(['piano']);
    // A polyphone read in context: 乐 is yue in 音乐 and le in 快乐.
    expect(find({ text: 'yinyue' })).toEqual(['music']);
    expect(find({ text: 'kuaile' })).toEqual(['music']);
    // Initials rank above a letter pair inside another item's file name ("twinkle").
    expect(find({ text: 'kl' })).toEqual(['music', 'star']);
  });

  it('searches descriptions, tag names in both languages and file names', () => {
    expect(find({ text: 'vlogs' })).toEqual(['piano']);
    expect(find({ text: 'relaxing' })).toEqual(['piano']);
    expect(find({ text: '渐变' })).toEqual(['sky']);
    expect(find({ text: 'twinkle' })).toEqual(['star']);
  });

  it('needs every word, and ranks title matches above other fields', () => {
    expect(find({ text: 'piano soft' })).toEqual(['piano']);
    expect(find({ text: 'piano gif' })).toEqual([]);
    expect(find({ text: 'upbeat' })).toEqual(['cafe', 'music']); // tag only: newest first
    expect(find({ text: 'star' })).toEqual(['star']);
  });

  it('finds nothing for text no item has', () => {
    expect(find({ text: '不存在的标题' })).toEqual([]);
    expect(find({ text: 'zzzz' })).toEqual([]);
  });
});

describe('filters and sort', () => {
  it('filters by business type, tags (any of several) and format', () => {
    expect(find({ businessType: 'bgm' })).toEqual(['cafe', 'piano', 'music']);
    expect(find({ tagIds: ['bgm-relaxing', 'bgi-grad'] })).toEqual(['piano', 'sky']);
    expect(find({ formats: ['mp3'] })).toEqual(['piano', 'music']);
  });

  it('filters music by duration range', () => {
    expect(find({ minDuration: 30, maxDuration: 60 })).toEqual(['piano']);
    expect(find({ maxDuration: 60 })).toEqual(['piano', 'music']);
  });

  it('filters images by orientation and size, stickers by animation, and favourites', () => {
    expect(find({ orientations: ['portrait'] })).toEqual(['tall']);
    expect(find({ orientations: ['square'] }).sort()).toEqual(['star']);
    expect(find({ imageSizes: ['large'] }).sort()).toEqual(['sky', 'tall']);
    expect(find({ animatedOnly: true })).toEqual(['star']);
    expect(find({ favouritesOnly: true })).toEqual(['sky']);
  });

  it('sorts by newest, title (Chinese in pinyin order), duration and size', () => {
    expect(find({ businessType: 'bgm', sort: 'newest' })).toEqual(['cafe', 'piano', 'music']);
    expect(find({ businessType: 'bgm', sort: 'title' })).toEqual(['cafe', 'music', 'piano']);
    expect(find({ businessType: 'bgm', sort: 'duration' })).toEqual(['music', 'piano', 'cafe']);
    // Unknown sizes go last.
    expect(find({ businessType: 'bgm', sort: 'size' })).toEqual(['piano', 'cafe', 'music']);
  });

  it('reports the formats of the matching set for the filter bar', () => {
    const result = index.search({ text: '', businessType: 'bgm', formats: ['wav'] }, new Set());
    expect(result.ids).toEqual(['cafe']);
    expect(result.formats).toEqual(['mp3', 'wav']);
  });
});

describe('re-sync reuse', () => {
  const tags = DOCUMENTED_TAGS;
  const star = item('star', { title: '星光闪烁 Starlight', coverUrl: 'https://cdn/a?Expires=1' });
  // Stored keys that pinyin-pro would never produce: seeing them proves they were reused.
  const stored = { full: 'stored-full-key', initials: 'stored-initials' };
  const indexWithStoredKeys = () => {
    const index = new SearchIndex();
    const row = {
      mediaId: star.mediaId,
      json: JSON.stringify(star),
      pinyinFull: stored.full,
      pinyinInitials: stored.initials,
      entry: null,
    };
    index.rebuild([row], tags);
    return index;
  };

  it('keeps an unchanged item’s entry and search keys when only its signed URLs changed', () => {
    const index = indexWithStoredKeys();
    const relisted = {
      ...star,
      coverUrl: 'https://cdn/a?Expires=2',
      files: [{ ...star.files[0]!, url: 'https://cdn/a.png?Expires=2' }],
    };
    const entry = index.unchanged(relisted);
    expect(entry).toBe(index.all()[0]);
    expect(entry).toMatchObject({ pinyinFull: stored.full, pinyinInitials: stored.initials });
    expect(index.pinyinFor(relisted)).toEqual(stored);
  });

  it('indexes a retitled item afresh and computes the new title’s pinyin', () => {
    const index = indexWithStoredKeys();
    const retitled = { ...star, title: '月亮船 Moon boat' };
    expect(index.unchanged(retitled)).toBeNull();
    expect(index.pinyinFor(retitled)).toEqual(pinyinOf('月亮船 Moon boat'));
    expect(index.pinyinFor(retitled).full).toContain('yueliangchuan');
  });

  it('indexes an item afresh when a tag, a file fact or the file list changed', () => {
    const index = indexWithStoredKeys();
    const f = star.files[0]!;
    for (const changed of [
      { ...star, tags: ['sticker-cute'] },
      { ...star, tags: ['sticker-cute', 'sticker-gif'] },
      { ...star, createTime: '2026-01-01T00:00:00.000Z' },
      { ...star, files: [{ ...f, fileSize: 1001 }] },
      { ...star, files: [{ ...f, formatName: 'gif' }] },
      { ...star, files: [f, { ...f, fileName: 'b.png' }] },
      { ...star, files: [] },
    ]) {
      expect(index.unchanged(changed), JSON.stringify(changed)).toBeNull();
    }
    expect(index.unchanged({ ...star, files: [{ ...f }] })).not.toBeNull();
  });

  it('counts every stored field but a link’s value: a changed status, file fact or missing link is a change', () => {
    const index = indexWithStoredKeys();
    const f = star.files[0]!;
    for (const changed of [
      { ...star, status: 'Deleted' },
      { ...star, mediaType: 'video' },
      { ...star, category: 'other' },
      { ...star, source: 'elsewhere' },
      { ...star, modifiedTime: '2026-01-02T00:00:00.000Z' },
      { ...star, coverUrl: null },
      { ...star, files: [{ ...f, url: '' }] },
      { ...star, files: [{ ...f, bitrate: 128_000 }] },
      { ...star, files: [{ ...f, fileType: 'source' }] },
      { ...star, files: [{ ...f, fileStatus: 'Deleted' }] },
      { ...star, files: [{ ...f, region: 'cn-hangzhou' }] },
    ]) {
      expect(index.unchanged(changed), JSON.stringify(changed)).toBeNull();
    }
  });

  it('re-indexes an item whose description changed but keeps its title’s pinyin', () => {
    const index = indexWithStoredKeys();
    const described = { ...star, description: 'New words' };
    expect(index.unchanged(described)).toBeNull();
    expect(index.pinyinFor(described)).toEqual(stored);
    const entry = indexItem(described, new Map(tags.map((t) => [t.id, t])), stored);
    expect(entry.haystack).toContain('new words');
  });
});
