// Grid geometry from the available width: how many columns fit, and how tall a row is. Rows
// have a fixed height per business type so the virtualizer never needs to measure.

import type { BusinessType } from '../../../shared/domain';

export const GRID_GAP = 16;
export const GRID_PADDING_X = 24;
export const GRID_PADDING_TOP = 8;
export const GRID_PADDING_BOTTOM = 32;
/** Two title lines + the facts line under the artwork. */
export const CAPTION_HEIGHT = 60;
/** Inner padding of a tile around its artwork and caption (the hover surface). */
export const TILE_PADDING = 6;

interface TileShape {
  minWidth: number;
  /** Artwork height / width. */
  ratio: number;
}

export const TILE_SHAPES: Record<BusinessType, TileShape> = {
  sticker: { minWidth: 150, ratio: 1 },
  bgm: { minWidth: 168, ratio: 1 },
  bgi: { minWidth: 236, ratio: 9 / 16 },
};

export interface GridLayout {
  columns: number;
  tileWidth: number;
  rowHeight: number;
}

/** scale: the thumbnail-size slider's multiple of the default tile width. */
export function gridLayout(width: number, businessType: BusinessType, scale = 1): GridLayout {
  const { ratio } = TILE_SHAPES[businessType];
  const minWidth = Math.round(TILE_SHAPES[businessType].minWidth * scale);
  const inner = Math.max(0, width - 2 * GRID_PADDING_X);
  const columns = Math.max(1, Math.floor((inner + GRID_GAP) / (minWidth + GRID_GAP)));
  const tileWidth = inner > 0 ? (inner - GRID_GAP * (columns - 1)) / columns : minWidth;
  const artHeight = Math.round((tileWidth - 2 * TILE_PADDING) * ratio);
  const rowHeight = artHeight + 2 * TILE_PADDING + CAPTION_HEIGHT + GRID_GAP;
  return { columns, tileWidth, rowHeight };
}

/** The index an arrow key leads to, or the same index when there is nowhere to go. */
export function moveIndex(index: number, key: string, columns: number, count: number): number {
  if (count === 0) return 0;
  const last = count - 1;
  const row = Math.floor(index / columns);
  const lastRow = Math.floor(last / columns);
  switch (key) {
    case 'ArrowRight':
      return Math.min(index + 1, last);
    case 'ArrowLeft':
      return Math.max(index - 1, 0);
    case 'ArrowDown':
      if (row === lastRow) return index;
      return Math.min(index + columns, last);
    case 'ArrowUp':
      return row === 0 ? index : index - columns;
    case 'Home':
      return row * columns;
    case 'End':
      return Math.min(row * columns + columns - 1, last);
    default:
      return index;
  }
}
