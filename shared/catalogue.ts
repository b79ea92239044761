// The local catalogue as the renderer sees it: the sync status, search queries with their filters
// and sort, and result pages. The main process keeps the whole catalogue of the active source in
// a local database and answers these from it, so they work offline for everything synced.

import type { BusinessType } from './domain';
import type { AppErrorData } from './errors';

export const SEARCH_SORTS = ['relevance', 'newest', 'title', 'duration', 'size'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Image size classes by the longer side: small < 1000 px, medium < 1920 px, large from 1920. */
export const IMAGE_SIZES = ['small', 'medium', 'large'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

export interface SearchQuery {
  /** Free text; empty lists everything that passes the filters. */
  text: string;
  /** Absent: every business type. */
  businessType?: BusinessType;
  /** An item passes when it has any of these tags. */
  tagIds?: string[];
  /** Lower-case format names (e.g. "mp3", "gif"); an item passes when it has any of them. */
  formats?: string[];
  /** Seconds, inclusive (music). */
  minDuration?: number;
  maxDuration?: number;
  orientations?: Orientation[];
  imageSizes?: ImageSize[];
  /** Animated stickers only (GIF files or the GIF tag). */
  animatedOnly?: boolean;
  favouritesOnly?: boolean;
  /** Default: relevance with text, newest without. */
  sort?: SearchSort;
}

export interface SearchResult {
  /** Every match, in order: the grid sizes its scrollbar from this and loads items on demand. */
  ids: string[];
  /** Milliseconds the search took in the main process. */
  tookMs: number;
  /** Facets of the whole matching set before the format filter, for the filter bar. */
  formats: string[];
}

export type CatalogueSyncState = 'idle' | 'syncing' | 'error';

export interface CatalogueStatus {
  /** Which source the catalogue belongs to (demo, account or anonymous, with its endpoint). */
  sourceKey: string | null;
  state: CatalogueSyncState;
  /** Items stored locally. */
  itemCount: number;
  /** ISO time of the last complete sync, or null before the first one. */
  lastSyncedAt: string | null;
  /** While syncing: items received so far and the expected total (null while unknown). */
  progress: { done: number; total: number | null } | null;
  /** The last sync's failure, as error data; cleared by the next success. */
  error: AppErrorData | null;
}

export const SEARCH_TEXT_MAX = 200;

/** A track's waveform: peaks 0..1 across the whole track, and its decoded length. */
export interface WaveformPeaks {
  peaks: number[];
  /** Seconds. */
  duration: number;
}
