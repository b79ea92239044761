import { useEffect, useRef } from 'react';
import { fileFormat, primaryFile } from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { CloseButton } from './CloseButton';
import './QuickLook.css';
import { mediaCoverUrl, mediaFileUrl } from '../media/media-urls';

const IMAGE_FORMATS = new Set(['png', 'gif', 'jpg', 'jpeg', 'webp', 'bmp', 'avif']);

/**
 * Full-size quick look of an image (Space on a tile): transparency on a checkerboard, ←/→ move
 * through the list on screen, Escape or Space closes and focus goes back to the tile.
 */
export function QuickLook() {
  const t = useAppStore(selectMessages);
  const look = useAppStore((s) => s.quickLook);
  const item = useAppStore((s) => (s.quickLook ? s.mediaById.get(s.quickLook.mediaId) : undefined));
  const move = useAppStore((s) => s.moveQuickLook);
  const close = useAppStore((s) => s.closeQuickLook);
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!look) return;
    if (returnFocus.current === null && document.activeElement instanceof HTMLElement) {
      returnFocus.current = document.activeElement;
    }
    dialog.current?.focus();
  }, [look]);

  if (!look || !item) return null;
  const file = primaryFile(item);
  const format = file ? fileFormat(file) : null;
  const src =
    file && format && IMAGE_FORMATS.has(format)
      ? mediaFileUrl(item.mediaId, file.fileName)
      : item.coverUrl === null
        ? null
        : mediaCoverUrl(item.mediaId);
  const title = item.title.trim() || t.library.untitled;
  const position = look.queue.indexOf(look.mediaId) + 1;
  const finish = () => {
    close();
    const back = returnFocus.current;
    returnFocus.current = null;
    // The tile may have been re-created; focus the one for the item last shown.
    requestAnimationFrame(() => {
      const tile = document.querySelector<HTMLElement>(`[data-media-id="${item.mediaId}"]`);
      (tile ?? back)?.focus();
    });
  };

  return (
    <div className="quick-look" onClick={finish}>
      <div
        ref={dialog}
        className="quick-look__dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t.player.quickLookOf(title, position, look.queue.length)}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === ' ') {
            event.preventDefault();
            event.stopPropagation();
            finish();
          } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
            event.preventDefault();
            move(1);
          } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
            event.preventDefault();
            move(-1);
          }
        }}
      >
        <div className="quick-look__header">
          <h2 className="quick-look__title">{title}</h2>
          <span className="quick-look__position">
            {position} / {look.queue.length}
          </span>
          <CloseButton label={t.details.close} onClick={finish} />
        </div>
        <div className="quick-look__stage">
          {src && <img className="quick-look__img" src={src} alt={title} draggable={false} />}
        </div>
      </div>
    </div>
  );
}
