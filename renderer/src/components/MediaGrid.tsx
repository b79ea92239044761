import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { BusinessType } from '../../../shared/domain';
import type { MediaListState } from '../store/library-slice';
import { useAppStore } from '../store/app-store';
import { selectMessages, selectSelectedMediaId } from '../store/selectors';
import { useMediaOut } from './media-out/use-media-out';
import {
  GRID_GAP,
  GRID_PADDING_BOTTOM,
  GRID_PADDING_TOP,
  GRID_PADDING_X,
  gridLayout,
  moveIndex,
} from './grid-layout';
import { ErrorWithRetry } from './ErrorWithRetry';
import { MediaTile } from './MediaTile';
import { SkeletonTile } from './SkeletonGrid';
import { useActiveIndex, useRovingFocus } from './use-roving-focus';
import { useScrollActivity } from './use-scroll-activity';
import './MediaGrid.css';

const NAVIGATION_KEYS = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

interface MediaGridProps {
  list: MediaListState;
  businessType: BusinessType;
  label: string;
  /** Told which items are on screen (with overscan), to fetch the ones not loaded yet. */
  onVisibleRange?: (first: number, last: number) => void;
}

/**
 * At most this many tiles join the grid in one frame. A wheel step can bring five rows at once,
 * and laying out, painting and layerizing them together made one frame's main-thread work long;
 * rows past the budget follow on the next frames, those on screen first.
 */
const NEW_TILES_PER_FRAME = 16;

/**
 * The virtual rows to render now: those already shown, plus a frame's budget of new ones. The
 * row holding the keyboard's tile always joins at once: a key pressed while it waited for its
 * turn would land on no tile and be lost.
 */
function useStaggeredRows(
  rows: VirtualItem[],
  visible: { startIndex: number; endIndex: number } | null,
  columns: number,
  keyboardRow: number,
): VirtualItem[] {
  const [shown, setShown] = useState<ReadonlySet<number>>(() => new Set());
  const budget = Math.max(1, Math.floor(NEW_TILES_PER_FRAME / columns));
  const distance = (index: number) => {
    if (!visible) return 0;
    if (index < visible.startIndex) return visible.startIndex - index;
    return Math.max(0, index - visible.endIndex);
  };
  const admitted = new Set(
    rows
      .filter((row) => !shown.has(row.index))
      .sort((a, b) => distance(a.index) - distance(b.index))
      .slice(0, budget)
      .map((row) => row.index),
  );
  if (!shown.has(keyboardRow) && rows.some((row) => row.index === keyboardRow)) {
    admitted.add(keyboardRow);
  }
  const rendered = rows.filter((row) => shown.has(row.index) || admitted.has(row.index));
  const renderedKey = rendered.map((row) => row.index).join(',');
  const settled = admitted.size === 0 && rendered.length === shown.size;
  useEffect(() => {
    if (settled) return;
    // Once this frame is drawn, what it holds counts as shown and the next budget joins.
    const frame = requestAnimationFrame(() =>
      setShown(new Set(renderedKey === '' ? [] : renderedKey.split(',').map(Number))),
    );
    return () => cancelAnimationFrame(frame);
  }, [settled, renderedKey]);
  return rendered;
}

function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The virtualized grid. Rows (not tiles) are virtualized; one tile is the roving tab stop and
 * arrow keys move it. Mount it with a key per list so scroll and focus start fresh.
 */
export function MediaGrid({ list, businessType, label, onVisibleRange }: MediaGridProps) {
  const t = useAppStore(selectMessages);
  const selectedId = useAppStore(selectSelectedMediaId);
  const openDetails = useAppStore((s) => s.openDetails);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const choose = useAppStore((s) => s.choose);
  const selectAll = useAppStore((s) => s.selectAll);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const { openMenu } = useMediaOut();
  const selectedSet = new Set(selectedIds);
  const loadMore = useAppStore((s) => s.loadMore);
  const retryList = useAppStore((s) => s.retryList);

  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const isScrolling = useScrollActivity(scrollRef);
  const thumbScale = useAppStore((s) => s.thumbScale);
  const { columns, rowHeight } = gridLayout(width, businessType, thumbScale);
  const { ids } = list;
  const itemRows = Math.ceil(ids.length / columns);
  const hasFooter = list.hasMore || list.moreStatus === 'error';
  const rowCount = itemRows + (hasFooter ? 1 : 0);

  const [active, setActive] = useActiveIndex(ids, () =>
    selectedId === null ? 0 : Math.max(0, ids.indexOf(selectedId)),
  );
  const pendingFocus = useRef<number | null>(null);

  // The React Compiler skips this component because of the virtualizer (it returns fresh
  // functions by design); the grid re-renders on scroll either way, which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    // Re-render rows in React's own batch, not synchronously inside every scroll event: the
    // Chromium trace showed scroll-event dispatch as the largest share of long tasks.
    useFlushSync: false,
    estimateSize: () => rowHeight,
    // Two rows (about 450 px) beyond the viewport: every row mounted is walked by each frame's
    // prepaint, paint and layerize; a third row cost more than it saved (bench, 60 wheel steps).
    overscan: 2,
    paddingStart: GRID_PADDING_TOP,
    paddingEnd: GRID_PADDING_BOTTOM,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  const virtualRows = virtualizer.getVirtualItems();
  const renderedRows = useStaggeredRows(
    virtualRows,
    virtualizer.range,
    columns,
    Math.floor(active / columns),
  );
  const lastVisibleRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (list.hasMore && list.moreStatus === 'idle' && lastVisibleRow >= itemRows - 2) loadMore();
  }, [lastVisibleRow, itemRows, list.hasMore, list.moreStatus, loadMore]);

  const moveTo = useCallback(
    (index: number) => {
      setActive(index);
      pendingFocus.current = index;
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
    },
    [columns, virtualizer, setActive],
  );

  const activate = useCallback(
    (index: number) => {
      const id = ids[index];
      if (id === undefined) return;
      setActive(index);
      openDetails(id);
    },
    [ids, openDetails, setActive],
  );

  /** Click: select one and show it; Ctrl/⌘+click toggles; Shift+click selects a range. */
  const onChoose = useCallback(
    (index: number, event: MouseEvent<HTMLElement>) => {
      const id = ids[index];
      if (id === undefined) return;
      const toggle = event.ctrlKey || event.metaKey;
      const range = event.shiftKey;
      if (!toggle && !range) {
        choose(id, {}, ids);
        activate(index);
        return;
      }
      setActive(index);
      choose(id, { toggle, range }, ids);
    },
    [ids, activate, choose, setActive],
  );

  const firstRendered = (virtualRows[0]?.index ?? 0) * columns;
  const lastRendered = (lastVisibleRow + 1) * columns - 1;
  useEffect(() => {
    onVisibleRange?.(firstRendered, Math.min(lastRendered, ids.length - 1));
  }, [firstRendered, lastRendered, ids.length, onVisibleRange]);
  const activeRow = Math.floor(active / columns);
  const activeRendered = renderedRows.some((row) => row.index === activeRow);
  const focusProps = useRovingFocus(scrollRef, {
    pendingFocusRef: pendingFocus,
    active,
    activeRendered,
    enter: () => moveTo(firstRendered),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey) return;
    const tileIndex =
      event.target instanceof HTMLElement && event.target.matches('[role="gridcell"]')
        ? Number(event.target.dataset.index)
        : null;
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selectAll(ids);
      return;
    }
    if (event.key === 'Escape' && selectedIds.length > 1) {
      // Not prevented: the app closes the details panel too.
      clearSelection();
      return;
    }
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      const index = tileIndex ?? active;
      const id = ids[index];
      const tile = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (id === undefined || !tile) return;
      event.preventDefault();
      const rect = tile.getBoundingClientRect();
      void openMenu(id, rect.left + rect.width / 2, rect.top + rect.height / 2);
      return;
    }
    if (event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (tileIndex === null) return; // a button inside the grid handles its own keys
      event.preventDefault();
      activate(tileIndex);
      return;
    }
    if (!NAVIGATION_KEYS.has(event.key) || ids.length === 0) return;
    event.preventDefault();
    // A move whose tile is not drawn yet still counts: the next key goes on from there.
    const from = pendingFocus.current ?? tileIndex ?? active;
    let next: number;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      const viewport = scrollRef.current?.clientHeight ?? rowHeight;
      const step = Math.max(1, Math.floor(viewport / rowHeight)) * columns;
      next = Math.min(
        Math.max(from + (event.key === 'PageDown' ? step : -step), 0),
        ids.length - 1,
      );
    } else if (event.ctrlKey && (event.key === 'Home' || event.key === 'End')) {
      next = event.key === 'Home' ? 0 : ids.length - 1;
    } else {
      next = moveIndex(from, event.key, columns, ids.length);
    }
    moveTo(next);
    const id = ids[next];
    // The selection (and the details panel) follows the keyboard; Shift extends it, and
    // Ctrl+arrows move focus alone, as in file managers.
    if (id === undefined || (event.ctrlKey && event.key.startsWith('Arrow'))) return;
    choose(id, { range: event.shiftKey }, ids);
  };

  return (
    <div
      ref={scrollRef}
      className="media-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={Math.ceil(ids.length / columns)}
      aria-colcount={columns}
      aria-busy={list.moreStatus === 'loading'}
      {...focusProps}
      onKeyDown={onKeyDown}
    >
      <div className="media-grid__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {renderedRows.map((row) => {
          const rowStyle: CSSProperties = {
            transform: `translateY(${row.start}px)`,
            height: rowHeight - GRID_GAP,
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            columnGap: GRID_GAP,
            left: GRID_PADDING_X,
            right: GRID_PADDING_X,
          };
          if (row.index >= itemRows) {
            return (
              <div key="footer" className="media-grid__row media-grid__footer" style={rowStyle}>
                {list.moreStatus === 'error' && list.moreError ? (
                  <ErrorWithRetry
                    layout="banner"
                    what={t.library.loadMoreFailed}
                    error={list.moreError}
                    onRetry={retryList}
                  />
                ) : (
                  Array.from({ length: columns }, (_, i) => (
                    <SkeletonTile key={i} businessType={businessType} />
                  ))
                )}
                {list.moreStatus === 'loading' && (
                  <span className="visually-hidden" role="status">
                    {t.library.loadingMore}
                  </span>
                )}
              </div>
            );
          }
          const start = row.index * columns;
          return (
            <div
              key={row.index}
              role="row"
              aria-rowindex={row.index + 1}
              className="media-grid__row"
              style={rowStyle}
            >
              {ids.slice(start, start + columns).map((id, i) => (
                <MediaTile
                  key={id}
                  mediaId={id}
                  index={start + i}
                  active={start + i === active}
                  selected={selectedSet.has(id)}
                  onChoose={onChoose}
                  isGridScrolling={isScrolling}
                />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
