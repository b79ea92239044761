import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FocusEvent, RefObject } from 'react';

/**
 * Whether the last virtual list to unmount had keyboard focus, and focus has gone nowhere since.
 * The first catalogue sync replaces the grid that paged through the service with the
 * catalogue's own (a skeleton may show in between); a keyboard user browsing meanwhile keeps
 * focus in the new one. Focus landing anywhere else clears it.
 */
let focusCarriedOver = false;
const dropCarriedFocus = () => {
  focusCarriedOver = false;
};

function bodyHasFocus(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

export interface RovingFocusOptions {
  /** The item that takes focus as soon as it is drawn; the list's moves by keyboard set it. */
  pendingFocusRef: RefObject<number | null>;
  /** The item that is the list's tab stop. */
  active: number;
  /** Whether the active item is drawn (a virtual list draws only those near the viewport). */
  activeRendered: boolean;
  /** Focus came to the list itself while its active item was not drawn: move to one on screen. */
  enter: () => void;
}

/** For the scrolling element holding the items (`[data-index]` each). */
export interface RovingFocusProps {
  tabIndex: number;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Keyboard focus in a virtual list with one tab stop (the grid of tiles, the list of rows).
 * Focus follows the keyboard once the target item is drawn, in the same commit, so that no key
 * pressed in between falls on the page's body. A render that removed the focused item (scrolled
 * out under the keyboard, re-created for a new column count, a list replaced) left focus on the
 * body, where keys go nowhere: it goes back to the active item as soon as that is drawn. When the
 * active item is not drawn, the list itself is the tab stop and hands focus on.
 */
export function useRovingFocus(
  scrollRef: RefObject<HTMLElement | null>,
  { pendingFocusRef, active, activeRendered, enter }: RovingFocusOptions,
): RovingFocusProps {
  /** Whether keyboard focus is (or was, until its item was re-created) inside the list. */
  const hadFocus = useRef(false);

  // A list replacing one that had focus takes it over (see focusCarriedOver).
  useLayoutEffect(() => {
    if (focusCarriedOver && bodyHasFocus()) hadFocus.current = true;
    focusCarriedOver = false;
    document.removeEventListener('focusin', dropCarriedFocus);
    return () => {
      if (!hadFocus.current) return;
      focusCarriedOver = true;
      document.addEventListener('focusin', dropCarriedFocus, { once: true });
    };
  }, []);

  useLayoutEffect(() => {
    if (hadFocus.current && pendingFocusRef.current === null && bodyHasFocus()) {
      pendingFocusRef.current = active;
    }
    if (pendingFocusRef.current === null) return;
    const item = scrollRef.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocusRef.current}"]`,
    );
    if (item) {
      item.focus({ preventScroll: true });
      pendingFocusRef.current = null;
    }
  });

  return {
    tabIndex: activeRendered ? -1 : 0,
    onFocus: (event) => {
      hadFocus.current = true;
      if (event.target === event.currentTarget && !activeRendered) enter();
    },
    onBlur: (event) => {
      const next = event.relatedTarget;
      const list = event.currentTarget;
      if (next instanceof Node) {
        if (!list.contains(next)) hadFocus.current = false;
        return;
      }
      // Focus left for nowhere: the user clicked a blank part of the page or left the window,
      // or the focused item was removed (Chromium blurs it then too). Only an item still in
      // the page after this event was left by the user.
      const left = event.target;
      queueMicrotask(() => {
        if (left.isConnected && !list.contains(document.activeElement)) hadFocus.current = false;
      });
    },
  };
}

/**
 * The index of the list's active item (its tab stop), which stays on the same item when the list
 * changes: a sync that adds or removes items before it would otherwise leave the keyboard on
 * whatever item now stands at the old place. An item that left the list keeps the place.
 */
export function useActiveIndex(
  ids: readonly string[],
  initial: () => number,
): [number, (index: number) => void] {
  const [state, setState] = useState(() => ({ ids, active: initial() }));
  let active = state.active;
  if (state.ids !== ids) {
    const id = state.ids[state.active];
    const at = id === undefined ? -1 : ids.indexOf(id);
    active = at >= 0 ? at : Math.min(state.active, Math.max(0, ids.length - 1));
    setState({ ids, active });
  }
  const setActive = useCallback(
    (index: number) => setState((current) => ({ ...current, active: index })),
    [],
  );
  return [active, setActive];
}
