import { describe, expect, it } from 'vitest';
import { gridLayout, moveIndex } from '../../renderer/src/components/grid-layout';

describe('gridLayout', () => {
  it('fits more columns into more width and never fewer than one', () => {
    const narrow = gridLayout(400, 'sticker');
    const wide = gridLayout(1600, 'sticker');
    expect(narrow.columns).toBeGreaterThanOrEqual(1);
    expect(wide.columns).toBeGreaterThan(narrow.columns);
    expect(gridLayout(0, 'bgm').columns).toBe(1);
  });

  it('never makes a tile narrower than its minimum', () => {
    for (let width = 200; width < 2400; width += 37) {
      const { tileWidth } = gridLayout(width, 'bgi');
      if (gridLayout(width, 'bgi').columns > 1) expect(tileWidth).toBeGreaterThanOrEqual(236);
    }
  });

  it('makes wide background tiles shorter than square sticker tiles of the same width', () => {
    const bgi = gridLayout(1000, 'bgi');
    const sticker = gridLayout(1000, 'sticker');
    expect(bgi.rowHeight / bgi.tileWidth).toBeLessThan(sticker.rowHeight / sticker.tileWidth);
  });
});

describe('moveIndex', () => {
  // 10 items in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
  const move = (from: number, key: string) => moveIndex(from, key, 4, 10);

  it('moves by one across and by a row up and down', () => {
    expect(move(5, 'ArrowRight')).toBe(6);
    expect(move(5, 'ArrowLeft')).toBe(4);
    expect(move(5, 'ArrowDown')).toBe(9);
    expect(move(5, 'ArrowUp')).toBe(1);
  });

  it('wraps to the next row and stops at both ends', () => {
    expect(move(3, 'ArrowRight')).toBe(4);
    expect(move(9, 'ArrowRight')).toBe(9);
    expect(move(0, 'ArrowLeft')).toBe(0);
    expect(move(1, 'ArrowUp')).toBe(1);
  });

  it('goes down into a short last row by landing on its last item', () => {
    expect(move(7, 'ArrowDown')).toBe(9);
    expect(move(9, 'ArrowDown')).toBe(9);
  });

  it('jumps to the row start and end with Home and End', () => {
    expect(move(6, 'Home')).toBe(4);
    expect(move(6, 'End')).toBe(7);
    expect(move(8, 'End')).toBe(9);
  });
});
