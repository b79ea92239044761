// Which tiles are selected. Click selects one, Ctrl/⌘+click toggles, Shift+click selects the
// range from the anchor, Ctrl/⌘+A selects every loaded tile, Esc clears. The details panel shows
// the most recently chosen tile (selectedMediaId, kept in the library slice), so it follows the
// selection as the arrow keys move it.

import type { SliceCreator } from './types';

export interface SelectionSlice {
  /** In the order the grid shows them. */
  selectedIds: string[];
  /** Where a Shift range starts: the last tile clicked or moved to without Shift. */
  selectionAnchor: string | null;
  /** Click, Ctrl/⌘+click, Shift+click (or Shift+arrow) on `id` among the grid's `order`. */
  choose(id: string, how: { toggle?: boolean; range?: boolean }, order: readonly string[]): void;
  selectAll(order: readonly string[]): void;
  clearSelection(): void;
}

export function createSelectionSlice(): SliceCreator<SelectionSlice> {
  return (set, get) => ({
    selectedIds: [],
    selectionAnchor: null,

    choose(id, how, order) {
      const { selectedIds, selectionAnchor } = get();
      if (how.range && selectionAnchor !== null && order.includes(selectionAnchor)) {
        const a = order.indexOf(selectionAnchor);
        const b = order.indexOf(id);
        const [from, to] = a <= b ? [a, b] : [b, a];
        const range = order.slice(from, to + 1);
        const keep = how.toggle ? selectedIds.filter((s) => !range.includes(s)) : [];
        set({ selectedIds: inOrder([...keep, ...range], order), selectedMediaId: id });
        return;
      }
      if (how.toggle) {
        const on = !selectedIds.includes(id);
        const next = on
          ? inOrder([...selectedIds, id], order)
          : selectedIds.filter((s) => s !== id);
        set({
          selectedIds: next,
          selectionAnchor: id,
          selectedMediaId: on ? id : (next.at(-1) ?? null),
          ...(next.length === 0 ? { detailsOpen: false } : {}),
        });
        return;
      }
      set({ selectedIds: [id], selectionAnchor: id, selectedMediaId: id });
    },

    selectAll(order) {
      if (order.length === 0) return;
      const current = get().selectedMediaId;
      set({
        selectedIds: [...order],
        selectionAnchor: order[0] ?? null,
        selectedMediaId: current !== null && order.includes(current) ? current : (order[0] ?? null),
      });
    },

    clearSelection() {
      set({ selectedIds: [], selectionAnchor: null });
    },
  });
}

function inOrder(ids: readonly string[], order: readonly string[]): string[] {
  const wanted = new Set(ids);
  const ordered = order.filter((id) => wanted.has(id));
  // Ids no longer in the grid (another tag) keep their place at the end.
  for (const id of ids) if (!order.includes(id) && !ordered.includes(id)) ordered.push(id);
  return ordered;
}
