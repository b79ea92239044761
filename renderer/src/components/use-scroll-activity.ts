import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** How long after its last scroll event a list counts as still scrolling. */
export const SCROLL_SETTLE_MS = 150;

/**
 * Whether the element has scrolled in the last SCROLL_SETTLE_MS, as a stable function: read it
 * when a row mounts, so the answer costs no render while scrolling.
 */
export function useScrollActivity(ref: RefObject<HTMLElement | null>): () => boolean {
  const lastScroll = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onScroll = () => {
      lastScroll.current = performance.now();
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [ref]);
  return useCallback(() => performance.now() - lastScroll.current < SCROLL_SETTLE_MS, []);
}
