// The in-memory search index over the stored catalogue. Each item keeps one folded "haystack"
// (title, description, tag ids and names, file names, format) and the pinyin of its title, and
// a query is a scan with String.includes over them: substring semantics in every script (two
// Chinese characters match), no tokenizer to disagree with, and measured at a few milliseconds
// for 20,000 items (tests/bench/search-bench.ts). Filters and sort read typed columns.

import type { MediaItem, MediaTag } from '../../../shared/domain';
import type {
  ImageSize,
  Orientation,
  SearchQuery,
  SearchResult,
  SearchSort,
} from '../../../shared/catalogue';
import { couldBePinyin, foldText, pinyinOf, queryTerms } from './search-text';
import type { StoredRow } from './catalogue-store';

export interface IndexedItem {
  mediaId: string;
  /** Everything the entry was derived from: an unchanged item is not indexed again. */
  source: IndexSource;
  businessType: string;
  tags: string[];
  rawTitle: string;
  /** Folded title: ranked first. */
  title: string;
  haystack: string;
  pinyinFull: string;
  pinyinInitials: string;
  formats: string[];
  duration: number | null;
  width: number | null;
  height: number | null;
  fileSize: number | null;
  created: number;
  animated: boolean;
  /** Title sort key: the title with its Chinese in pinyin, so 星光 sorts under x. */
  sortTitle: string;
}

export function indexItem(
  item: MediaItem,
  tagsById: ReadonlyMap<string, MediaTag>,
  pinyin: { full: string; initials: string },
): IndexedItem {
  const file = item.files[0];
  const formats = [
    ...new Set(
      item.files
        .map((f) => (f.formatName ?? extensionOf(f.fileName) ?? '').toLowerCase())
        .filter((f) => f !== ''),
    ),
  ];
  const tagWords = item.tags.flatMap((id) => {
    const tag = tagsById.get(id);
    return tag ? [id, tag.nameZh, tag.nameEn] : [id];
  });
  const haystack = foldText(
    [
      item.title,
      item.description ?? '',
      ...tagWords,
      ...item.files.map((f) => f.fileName),
      ...formats,
    ].join(' \u0001 '),
  );
  const created = item.createTime ? Date.parse(item.createTime) : Number.NaN;
  return {
    mediaId: item.mediaId,
    source: indexSource(item),
    businessType: item.businessType,
    tags: item.tags,
    rawTitle: item.title,
    title: foldText(item.title),
    haystack,
    pinyinFull: pinyin.full,
    pinyinInitials: pinyin.initials,
    formats,
    duration: file?.duration ?? null,
    width: file?.width ?? null,
    height: file?.height ?? null,
    fileSize: file?.fileSize ?? null,
    created: Number.isNaN(created) ? 0 : created,
    animated: formats.includes('gif') || item.tags.includes('sticker-gif'),
    sortTitle: pinyin.full,
  };
}

/**
 * Everything stored for an item except the values of its signed links (which change with every
 * listing), in a fixed order: an item that still has these values needs neither a new index
 * entry nor a database write. Links count only as present or absent (what the UI shows).
 */
export type IndexSource = readonly (string | number | null)[];

const ITEM_FIELDS = 11;
const FILE_FIELDS = 11;

export function indexSource(item: MediaItem): IndexSource {
  const key: (string | number | null)[] = [
    item.title,
    item.description,
    item.businessType,
    item.createTime,
    item.mediaType,
    item.category,
    item.source,
    item.status,
    item.modifiedTime,
    item.coverUrl === null ? 0 : 1,
    item.tags.length,
    ...item.tags,
  ];
  for (const f of item.files) {
    key.push(
      f.fileName,
      f.formatName,
      f.duration,
      f.width,
      f.height,
      f.fileSize,
      f.bitrate,
      f.fileType,
      f.fileStatus,
      f.region,
      f.url === '' ? 0 : 1,
    );
  }
  return key;
}

/**
 * Whether an item still has the values its entry was built from. Walks the item in
 * indexSource's order without building anything: a re-sync asks this of every item, and
 * building a key string per item to compare was a measurable share of a re-sync's CPU.
 */
function sameSource(source: IndexSource, item: MediaItem): boolean {
  const files = item.files;
  const tags = item.tags;
  if (source.length !== ITEM_FIELDS + tags.length + FILE_FIELDS * files.length) return false;
  if (
    source[0] !== item.title ||
    source[1] !== item.description ||
    source[2] !== item.businessType ||
    source[3] !== item.createTime ||
    source[4] !== item.mediaType ||
    source[5] !== item.category ||
    source[6] !== item.source ||
    source[7] !== item.status ||
    source[8] !== item.modifiedTime ||
    source[9] !== (item.coverUrl === null ? 0 : 1) ||
    source[10] !== tags.length
  ) {
    return false;
  }
  let at = ITEM_FIELDS;
  for (const tag of tags) if (source[at++] !== tag) return false;
  for (const f of files) {
    if (
      source[at] !== f.fileName ||
      source[at + 1] !== f.formatName ||
      source[at + 2] !== f.duration ||
      source[at + 3] !== f.width ||
      source[at + 4] !== f.height ||
      source[at + 5] !== f.fileSize ||
      source[at + 6] !== f.bitrate ||
      source[at + 7] !== f.fileType ||
      source[at + 8] !== f.fileStatus ||
      source[at + 9] !== f.region ||
      source[at + 10] !== (f.url === '' ? 0 : 1)
    ) {
      return false;
    }
    at += FILE_FIELDS;
  }
  return true;
}

function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1]! : null;
}

type OrderedSort = Exclude<SearchSort, 'relevance'>;
const ORDERED_SORTS: readonly OrderedSort[] = ['newest', 'title', 'duration', 'size'];

/**
 * The stored entries' format: raise it whenever indexItem's output changes (a field, the folding,
 * the pinyin), and the next open indexes every item afresh instead of reading stale entries.
 */
export const INDEX_ENTRY_VERSION = 1;

/**
 * An entry as the database keeps it: without the two fields that copy others (rawTitle is the
 * first value of source, sortTitle is pinyinFull), since reading the text back is most of what
 * opening a catalogue costs.
 */
export function storedEntryJson(entry: IndexedItem): string {
  const { rawTitle: _title, sortTitle: _sort, ...stored } = entry;
  return JSON.stringify(stored);
}

/**
 * A stored entry, if it reads as one of this item's: the database is ours, but a damaged row
 * (or one written by another version) is indexed afresh rather than trusted or fatal.
 */
function readEntry(text: string, mediaId: string): IndexedItem | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const e = parsed as Record<string, unknown>;
  const source = e['source'];
  const ok =
    e['mediaId'] === mediaId &&
    Array.isArray(source) &&
    typeof source[0] === 'string' &&
    Array.isArray(e['tags']) &&
    Array.isArray(e['formats']) &&
    typeof e['businessType'] === 'string' &&
    typeof e['title'] === 'string' &&
    typeof e['haystack'] === 'string' &&
    typeof e['pinyinFull'] === 'string' &&
    typeof e['pinyinInitials'] === 'string' &&
    typeof e['created'] === 'number' &&
    typeof e['animated'] === 'boolean';
  if (!ok) return null;
  const entry = parsed as IndexedItem;
  entry.rawTitle = source[0] as string;
  entry.sortTitle = entry.pinyinFull;
  return entry;
}

export class SearchIndex {
  private items: IndexedItem[] = [];
  private byId = new Map<string, IndexedItem>();
  /** Each sort's order, computed once per rebuild: a search walks it and never sorts. */
  private orders = new Map<OrderedSort, IndexedItem[]>();

  /**
   * Builds the index from stored rows: their stored entries, or, for a row without a readable
   * one, the item indexed afresh (its pinyin as stored when it was synced). Returns the entries
   * it had to compute, for the caller to store.
   */
  rebuild(
    rows: Iterable<StoredRow>,
    tags: readonly MediaTag[],
    itemJson: (mediaId: string) => string | null = () => null,
  ): IndexedItem[] {
    const tagsById = new Map(tags.map((t) => [t.id, t]));
    const items: IndexedItem[] = [];
    const computed: IndexedItem[] = [];
    for (const row of rows) {
      const stored = row.entry === null ? null : readEntry(row.entry, row.mediaId);
      if (stored) {
        items.push(stored);
        continue;
      }
      const json = row.json ?? itemJson(row.mediaId);
      if (json === null) continue;
      const item = JSON.parse(json) as MediaItem;
      const pinyin =
        row.pinyinFull !== null && row.pinyinInitials !== null
          ? { full: row.pinyinFull, initials: row.pinyinInitials }
          : pinyinOf(item.title);
      const entry = indexItem(item, tagsById, pinyin);
      items.push(entry);
      computed.push(entry);
    }
    this.replace(items);
    return computed;
  }

  /** The entry of an item unchanged since it was indexed (all but its links' values: see indexSource). */
  unchanged(item: MediaItem): IndexedItem | null {
    const known = this.byId.get(item.mediaId);
    return known && sameSource(known.source, item) ? known : null;
  }

  /** The pinyin already known for this title (unchanged since the last sync), else computed. */
  pinyinFor(item: MediaItem): { full: string; initials: string } {
    const known = this.byId.get(item.mediaId);
    if (known && known.rawTitle === item.title) {
      return { full: known.pinyinFull, initials: known.pinyinInitials };
    }
    return pinyinOf(item.title);
  }

  all(): readonly IndexedItem[] {
    return this.items;
  }

  replace(items: IndexedItem[]): void {
    // A re-sync of an unchanged catalogue hands back the very entries, in the same order: the
    // sort orders still hold (sorting 20,000 entries four ways was a share of every re-sync).
    if (items.length === this.items.length && items.every((item, i) => item === this.items[i])) {
      this.items = items;
      return;
    }
    this.items = items;
    this.byId = new Map(items.map((i) => [i.mediaId, i]));
    this.orders = new Map(ORDERED_SORTS.map((sort) => [sort, [...items].sort(comparator(sort))]));
  }

  get size(): number {
    return this.items.length;
  }

  has(mediaId: string): boolean {
    return this.byId.has(mediaId);
  }

  search(query: SearchQuery, favourites: ReadonlySet<string>): SearchResult {
    const started = performance.now();
    const terms = queryTerms(query.text);
    const passes = filterFor(query, favourites);
    const sort: SearchSort = query.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
    const walk = this.orders.get(sort === 'relevance' ? 'newest' : sort) ?? this.items;
    const wantedFormats = query.formats && query.formats.length > 0 ? query.formats : null;
    // Relevance: scores are small sums, so bucketing by score while walking the newest order
    // gives "best first, newest first among equals" without a sort.
    const buckets = new Map<number, string[]>();
    const ids: string[] = [];
    const formats = new Set<string>();
    for (const item of walk) {
      if (!passes(item)) continue;
      let score = 0;
      if (terms.length > 0) {
        score = scoreOf(item, terms);
        if (score === 0) continue;
      }
      for (const f of item.formats) formats.add(f);
      if (wantedFormats && !item.formats.some((f) => wantedFormats.includes(f))) continue;
      if (sort !== 'relevance') {
        ids.push(item.mediaId);
        continue;
      }
      let bucket = buckets.get(score);
      if (!bucket) buckets.set(score, (bucket = []));
      bucket.push(item.mediaId);
    }
    if (sort === 'relevance') {
      for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
        for (const id of buckets.get(score)!) ids.push(id);
      }
    }
    return { ids, tookMs: performance.now() - started, formats: [...formats].sort() };
  }
}

/** 0 = no match; higher ranks first. Every term must match somewhere. */
function scoreOf(item: IndexedItem, terms: readonly string[]): number {
  let score = 0;
  for (const term of terms) {
    if (item.title.startsWith(term)) score += 8;
    else if (item.title.includes(term)) score += 6;
    else if (couldBePinyin(term) && pinyinMatches(item, term)) score += 4;
    else if (item.haystack.includes(term)) score += 2;
    else return 0;
  }
  return score;
}

function pinyinMatches(item: IndexedItem, term: string): boolean {
  if (item.pinyinInitials === '') return false; // no Chinese in the title
  // Initials need two letters at least: one letter would match nearly every Chinese title.
  return item.pinyinFull.includes(term) || (term.length >= 2 && item.pinyinInitials.includes(term));
}

function filterFor(query: SearchQuery, favourites: ReadonlySet<string>) {
  const tagIds = query.tagIds && query.tagIds.length > 0 ? query.tagIds : null;
  const orientations =
    query.orientations && query.orientations.length > 0 ? query.orientations : null;
  const sizes = query.imageSizes && query.imageSizes.length > 0 ? query.imageSizes : null;
  const { minDuration, maxDuration } = query;
  return (item: IndexedItem): boolean => {
    if (query.businessType && item.businessType !== query.businessType) return false;
    if (query.favouritesOnly && !favourites.has(item.mediaId)) return false;
    if (tagIds && !item.tags.some((t) => tagIds.includes(t))) return false;
    if (query.animatedOnly && !item.animated) return false;
    if (minDuration !== undefined && (item.duration === null || item.duration < minDuration)) {
      return false;
    }
    if (maxDuration !== undefined && (item.duration === null || item.duration > maxDuration)) {
      return false;
    }
    if (orientations) {
      const o = orientationOf(item);
      if (o === null || !orientations.includes(o)) return false;
    }
    if (sizes) {
      const s = imageSizeOf(item);
      if (s === null || !sizes.includes(s)) return false;
    }
    return true;
  };
}

export function orientationOf(item: Pick<IndexedItem, 'width' | 'height'>): Orientation | null {
  const { width, height } = item;
  if (!width || !height) return null;
  // Within 5% counts as square: 1000x1040 is square to the eye.
  if (Math.abs(width - height) <= 0.05 * Math.max(width, height)) return 'square';
  return width > height ? 'landscape' : 'portrait';
}

export function imageSizeOf(item: Pick<IndexedItem, 'width' | 'height'>): ImageSize | null {
  const { width, height } = item;
  if (!width || !height) return null;
  const longer = Math.max(width, height);
  return longer < 1000 ? 'small' : longer < 1920 ? 'medium' : 'large';
}

function comparator(sort: OrderedSort) {
  const byTitle = (a: IndexedItem, b: IndexedItem) =>
    a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0;
  const newest = (a: IndexedItem, b: IndexedItem) => b.created - a.created || byTitle(a, b);
  // Unknown values go last whatever the direction.
  const nullsLast = (a: number | null, b: number | null, fallback: number) =>
    a === null ? (b === null ? fallback : 1) : b === null ? -1 : a - b || fallback;
  switch (sort) {
    case 'title':
      return (a: IndexedItem, b: IndexedItem) => byTitle(a, b) || newest(a, b);
    case 'duration':
      return (a: IndexedItem, b: IndexedItem) => nullsLast(a.duration, b.duration, newest(a, b));
    case 'size':
      return (a: IndexedItem, b: IndexedItem) => nullsLast(a.fileSize, b.fileSize, newest(a, b));
    case 'newest':
      return newest;
  }
}
