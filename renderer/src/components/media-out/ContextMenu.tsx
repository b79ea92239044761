// The context menu of the browser preview (Electron shows the same entries as a native Menu):
// role="menu", arrow keys move, Enter runs, Esc closes and returns focus where it was.

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { useMediaOut } from './use-media-out';
import './ContextMenu.css';

export function ContextMenu() {
  const menu = useAppStore((s) => s.contextMenu);
  const close = useAppStore((s) => s.closeContextMenu);
  const item = useAppStore((s) => (menu ? s.mediaById.get(menu.mediaId) : undefined));
  const t = useAppStore(selectMessages);
  const { run } = useMediaOut();
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!menu || !ref.current) {
      setPosition(null);
      return;
    }
    returnFocus.current = document.activeElement;
    const { width, height } = ref.current.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - height - 4)),
    });
  }, [menu]);

  // Once placed (a hidden element cannot take focus), the first entry gets it.
  useEffect(() => {
    if (position === null || !ref.current || ref.current.contains(document.activeElement)) return;
    ref.current
      .querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ?.focus();
  }, [position]);

  useEffect(() => {
    if (!menu) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close();
    };
    const onBlur = () => close();
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, [menu, close]);

  if (!menu) return null;

  const dismiss = () => {
    close();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };
  const choose = (id: string) => {
    dismiss();
    void run(id, menu.mediaIds, menu.mediaId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLElement>(
        '[role="menuitem"]:not([aria-disabled="true"])',
      ) ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      dismiss();
    }
  };

  const title = item?.title.trim() || t.library.untitled;
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t.mediaOut.menuLabel(title)}
      style={position ?? { left: menu.x, top: menu.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {menu.entries.map((entry) => (
        <div key={entry.id} className="context-menu__group">
          {entry.separatorBefore && <div className="context-menu__separator" role="separator" />}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="context-menu__item"
            aria-disabled={!entry.enabled}
            disabled={!entry.enabled}
            onClick={() => choose(entry.id)}
          >
            {entry.label}
          </button>
        </div>
      ))}
    </div>
  );
}
