// The server's view of its library: items with their files, lookups by id and by file path, and
// memoized selections by business type and tag. Built either from the generated demo media or
// as N synthetic items that share a few small files.

import { createHash } from 'node:crypto';
import type { BusinessType } from '../../shared/domain';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import type { DemoItemSpec } from './demo-catalogue';
import type { GeneratedMedia, MediaFileInfo, SharedKind } from './media/generate';

export interface CatalogueItem {
  mediaId: string;
  title: string;
  description: string;
  businessType: BusinessType;
  mediaType: 'image' | 'audio';
  category: string;
  tags: readonly string[];
  createTime: string;
  modifiedTime: string;
  file: MediaFileInfo;
  cover: MediaFileInfo;
}

export interface CatalogueFilter {
  businessType?: BusinessType;
  tagId?: string;
}

export interface Catalogue {
  readonly items: readonly CatalogueItem[];
  byId(mediaId: string): CatalogueItem | undefined;
  /** Files the server may serve, by path below the media folder. */
  file(relPath: string): MediaFileInfo | undefined;
  select(filter: CatalogueFilter): readonly CatalogueItem[];
}

function mediaIdFor(key: string): string {
  return createHash('md5').update(`ice-demo:${key}`).digest('hex');
}

/** Deterministic timestamps, newest first, a few hours apart. */
function timestamps(index: number): { createTime: string; modifiedTime: string } {
  const newest = Date.UTC(2025, 5, 1, 8, 30, 0);
  const created = newest - index * 7 * 3600_000 - (index % 5) * 611_000;
  const modified = created + ((index * 37) % 9) * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { createTime: iso(created), modifiedTime: iso(Math.min(modified, newest)) };
}

export function makeCatalogue(items: CatalogueItem[]): Catalogue {
  const byId = new Map(items.map((i) => [i.mediaId, i]));
  const files = new Map<string, MediaFileInfo>();
  for (const i of items) {
    files.set(i.file.relPath, i.file);
    files.set(i.cover.relPath, i.cover);
  }
  const selections = new Map<string, readonly CatalogueItem[]>();
  return {
    items,
    byId: (id) => byId.get(id),
    file: (relPath) => files.get(relPath),
    select(filter) {
      const key = `${filter.businessType ?? ''}|${filter.tagId ?? ''}`;
      let found = selections.get(key);
      if (!found) {
        found = items.filter(
          (i) =>
            (!filter.businessType || i.businessType === filter.businessType) &&
            (!filter.tagId || i.tags.includes(filter.tagId)),
        );
        selections.set(key, found);
      }
      return found;
    },
  };
}

export function demoCatalogue(
  specs: readonly DemoItemSpec[],
  media: Record<string, GeneratedMedia>,
): Catalogue {
  return makeCatalogue(
    specs.map((spec, index) => {
      const generated = media[spec.slug];
      if (!generated) throw new Error(`Demo media missing for ${spec.slug}`);
      return {
        mediaId: mediaIdFor(spec.slug),
        title: spec.title,
        description: spec.description,
        businessType: spec.businessType,
        mediaType: spec.businessType === 'bgm' ? 'audio' : 'image',
        category: spec.businessType,
        tags: spec.tags,
        ...timestamps(index),
        file: generated.file,
        cover: generated.cover,
      };
    }),
  );
}

const WORDS: [string, string][] = [
  ['星光', 'Starlight'],
  ['夏日', 'Summer'],
  ['甜心', 'Sweetheart'],
  ['清晨', 'Morning'],
  ['彩虹', 'Rainbow'],
  ['森林', 'Forest'],
  ['城市', 'City'],
  ['海风', 'Sea breeze'],
  ['糖果', 'Candy'],
  ['月光', 'Moonlight'],
  ['花火', 'Fireworks'],
  ['云朵', 'Clouds'],
];

/**
 * N synthetic items for scale tests: tags cycle through all 17 documented tags (so business
 * types are spread in proportion), titles mix Chinese and English, and files point at the
 * shared generated files.
 */
export function generatedCatalogue(
  count: number,
  shared: Record<SharedKind, GeneratedMedia>,
): Catalogue {
  const items: CatalogueItem[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const tag = DOCUMENTED_TAGS[i % DOCUMENTED_TAGS.length]!;
    const [zh, en] = WORDS[Math.floor(i / DOCUMENTED_TAGS.length) % WORDS.length]!;
    const kind: SharedKind =
      tag.businessType === 'bgm'
        ? 'music'
        : tag.businessType === 'bgi'
          ? 'background'
          : tag.id === 'sticker-gif'
            ? 'gif'
            : 'sticker';
    const media = shared[kind];
    const n = String(i + 1).padStart(5, '0');
    items[i] = {
      mediaId: mediaIdFor(`generated/${i}`),
      title: `${zh}${tag.nameZh} ${en} ${tag.nameEn} #${n}`,
      description: `合成条目 Synthetic item ${n}`,
      businessType: tag.businessType,
      mediaType: tag.businessType === 'bgm' ? 'audio' : 'image',
      category: tag.businessType,
      tags: [tag.id],
      ...timestamps(i),
      file: media.file,
      cover: media.cover,
    };
  }
  return makeCatalogue(items);
}
