// Search latency over the in-memory index at 1k, 20k and 100k items, for the queries a designer
// types: two Chinese characters, pinyin in full and as initials, English words, and a filtered,
// sorted browse. Baseline: the goal of 50 ms at 20,000 items.

import { SearchIndex, indexItem } from '../../electron/services/catalogue/search-index';
import { pinyinOf } from '../../electron/services/catalogue/search-text';
import type { MediaItem } from '../../shared/domain';
import type { SearchQuery } from '../../shared/catalogue';
import { DOCUMENTED_TAGS } from '../../shared/tags';

const ZH = [
  '星光',
  '夏日',
  '甜心',
  '清晨',
  '彩虹',
  '森林',
  '城市',
  '海风',
  '糖果',
  '月光',
  '花火',
  '云朵',
  '钢琴',
  '雨夜',
  '咖啡',
  '旅行',
  '微风',
  '烟花',
  '山谷',
  '节日',
  '梦境',
  '雪花',
  '快乐',
  '音乐',
];
const EN = [
  'Starlight',
  'Summer',
  'Piano',
  'Morning',
  'Rainbow',
  'Forest',
  'City',
  'Breeze',
  'Candy',
  'Moonlight',
  'Coffee',
  'Travel',
  'Dream',
  'Snow',
  'Happy',
  'Lofi',
];

/** Deterministic pseudo-random items with varied two-word Chinese titles. */
export function syntheticItems(count: number): MediaItem[] {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647; // Park-Miller: exact in doubles
    return seed % n;
  };
  const items: MediaItem[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const tag = DOCUMENTED_TAGS[i % DOCUMENTED_TAGS.length]!;
    const audio = tag.businessType === 'bgm';
    const title = `${ZH[rand(ZH.length)]}${ZH[rand(ZH.length)]} ${EN[rand(EN.length)]} ${i}`;
    items[i] = {
      mediaId: `m${i}`,
      title,
      description: `${tag.nameZh} ${tag.nameEn} item ${i}`,
      businessType: tag.businessType,
      mediaType: audio ? 'audio' : 'image',
      tags: [tag.id],
      coverUrl: null,
      category: null,
      source: null,
      status: null,
      createTime: new Date(Date.UTC(2025, 0, 1) - i * 3_600_000).toISOString(),
      modifiedTime: null,
      files: [
        {
          fileName: `${EN[rand(EN.length)]!.toLowerCase()}-${i}.${audio ? 'mp3' : 'png'}`,
          fileSize: 1000 + rand(5_000_000),
          url: `https://example.com/${i}`,
          formatName: audio ? 'mp3' : tag.id === 'sticker-gif' ? 'gif' : 'png',
          duration: audio ? 10 + rand(300) : null,
          width: audio ? null : 200 + rand(3000),
          height: audio ? null : 200 + rand(3000),
          bitrate: null,
          fileType: null,
          fileStatus: null,
          region: null,
        },
      ],
    };
  }
  return items;
}

const QUERIES: { name: string; query: SearchQuery }[] = [
  { name: '2 Chinese chars "星光"', query: { text: '星光' } },
  { name: 'pinyin initials "xg"', query: { text: 'xg' } },
  { name: 'pinyin 3 letters "xin"', query: { text: 'xin' } },
  { name: 'pinyin full "xingguang"', query: { text: 'xingguang' } },
  { name: 'English "piano"', query: { text: 'piano' } },
  { name: 'two words "coffee relax"', query: { text: 'coffee relax' } },
  { name: 'no match "zzzz"', query: { text: 'zzzz' } },
  { name: 'browse all, newest', query: { text: '' } },
  {
    name: 'music 30-120 s by title',
    query: { text: '', businessType: 'bgm', minDuration: 30, maxDuration: 120, sort: 'title' },
  },
];

export interface SearchFigures {
  size: number;
  buildMs: number;
  rows: { name: string; medianMs: number; p95Ms: number; matches: number }[];
}

export function runSearchBench(sizes = [1_000, 20_000, 100_000], runs = 25): SearchFigures[] {
  const tagsById = new Map(DOCUMENTED_TAGS.map((t) => [t.id, t]));
  const figures: SearchFigures[] = [];
  for (const size of sizes) {
    const items = syntheticItems(size);
    const start = performance.now();
    const index = new SearchIndex();
    index.replace(items.map((i) => indexItem(i, tagsById, pinyinOf(i.title))));
    const buildMs = performance.now() - start;
    const rows = QUERIES.map(({ name, query }) => {
      const times: number[] = [];
      let matches = 0;
      for (let run = 0; run < runs; run++) {
        const t = performance.now();
        matches = index.search(query, new Set()).ids.length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return {
        name,
        medianMs: times[Math.floor(times.length / 2)]!,
        p95Ms: times[Math.floor(times.length * 0.95)]!,
        matches,
      };
    });
    figures.push({ size, buildMs, rows });
  }
  return figures;
}
