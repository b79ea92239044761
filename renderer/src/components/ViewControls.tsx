import type { PointerEvent as ReactPointerEvent } from 'react';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import './ViewControls.css';

/** The thumbnail-size slider (grid layouts). */
export function ThumbSizeSlider() {
  const t = useAppStore(selectMessages);
  const scale = useAppStore((s) => s.thumbScale);
  const setThumbScale = useAppStore((s) => s.setThumbScale);
  return (
    <input
      type="range"
      className="thumb-size"
      aria-label={t.player.thumbnailSize}
      title={t.player.thumbnailSize}
      min={0.6}
      max={2}
      step={0.1}
      value={scale}
      onChange={(event) => setThumbScale(Number(event.target.value))}
    />
  );
}

/** Collapses the sidebar to give the grid the room, and brings it back. */
export function SidebarToggle() {
  const t = useAppStore(selectMessages);
  const collapsed = useAppStore((s) => s.sidebarCollapsed);
  const toggleSidebar = useAppStore((s) => s.toggleSidebar);
  const label = collapsed ? t.player.expandSidebar : t.player.collapseSidebar;
  return (
    <button
      type="button"
      className="sidebar-toggle"
      aria-label={label}
      title={label}
      aria-expanded={!collapsed}
      onClick={toggleSidebar}
    >
      <svg
        width="18"
        height="18"
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        aria-hidden="true"
      >
        <rect x="3" y="4" width="14" height="12" rx="2" />
        <path d="M8 4v12" />
      </svg>
    </button>
  );
}

/** The details panel's left edge: drag it, or use ←/→ on it, to resize the panel. */
export function DetailsResizeHandle() {
  const t = useAppStore(selectMessages);
  const width = useAppStore((s) => s.detailsWidth);
  const setDetailsWidth = useAppStore((s) => s.setDetailsWidth);
  const current = () =>
    width ?? document.querySelector<HTMLElement>('.details')?.getBoundingClientRect().width ?? 380;
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const onMove = (move: PointerEvent) => setDetailsWidth(window.innerWidth - move.clientX);
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };
  return (
    <div
      className="details-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t.player.resizeDetails}
      aria-valuenow={Math.round(current())}
      aria-valuemin={280}
      aria-valuemax={720}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onDoubleClick={() => setDetailsWidth(null)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        event.stopPropagation();
        setDetailsWidth(current() + (event.key === 'ArrowLeft' ? 24 : -24));
      }}
    />
  );
}
