import { memo, useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { isAnimated, mediaKind, tileFacts } from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMedia, selectMessages } from '../store/selectors';
import { mediaCoverUrl } from '../media/media-urls';
import { useMediaOut } from './media-out/use-media-out';
import { FavouriteButton } from './FavouriteButton';
import { GifOnHover } from './GifOnHover';
import { Thumbnail } from './Thumbnail';
import './MediaTile.css';

/** A pointer resting this long on a tile fetches its file for a drag (small files only). */
const HOVER_PREFETCH_MS = 400;

interface MediaTileProps {
  mediaId: string;
  index: number;
  /** The roving tab stop of the grid. */
  active: boolean;
  selected: boolean;
  onChoose: (index: number, event: MouseEvent<HTMLElement>) => void;
  /** Whether the grid is scrolling (read when the tile mounts). */
  isGridScrolling: () => boolean;
}

export const MediaTile = memo(function MediaTile({
  mediaId,
  index,
  active,
  selected,
  onChoose,
  isGridScrolling,
}: MediaTileProps) {
  const item = useAppStore(selectMedia(mediaId));
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const mediaEpoch = useAppStore((s) => s.mediaEpoch);
  const local = useAppStore((s) => s.localFiles[mediaId]);
  const dragPending = useAppStore((s) => s.dragPending.includes(mediaId));
  const prepareLocal = useAppStore((s) => s.prepareLocal);
  const { onDragStart, openMenu } = useMediaOut();
  // Artwork of a tile that scrolled into view appears at once; the first screen fades in.
  const [fadeIn] = useState(() => !isGridScrolling());
  const hoverTimer = useRef<number | null>(null);
  /** Whether this hover has started (or done) its prefetch. */
  const hoverArmed = useRef(false);
  useEffect(
    () => () => {
      if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
    },
    [],
  );
  // Not fetched yet (the catalogue's grid loads items as they scroll into view).
  if (!item) {
    return <div role="gridcell" className="tile tile--placeholder" data-index={index} aria-busy />;
  }

  const kind = mediaKind(item);
  // The item's own type, not the grid's: search results and Favourites mix the three, and a
  // track or a background drawn as a sticker (contained, on a checkerboard) looks broken.
  const type = item.businessType;
  const title = item.title.trim() || t.library.untitled;
  const facts = tileFacts(item, language);
  const animated = isAnimated(item);
  const fetching = local?.state === 'fetching' && (dragPending || selected);
  const percent =
    local?.state === 'fetching' && local.total
      ? Math.floor((local.received / local.total) * 100)
      : null;

  return (
    <div
      role="gridcell"
      className={`tile tile--${type}${selected ? ' tile--selected' : ''}`}
      tabIndex={active ? 0 : -1}
      aria-selected={selected}
      aria-busy={fetching}
      data-index={index}
      data-media-id={mediaId}
      data-local={local?.state ?? 'none'}
      draggable
      onClick={(event) => onChoose(index, event)}
      onDragStart={(event) => onDragStart(event, mediaId)}
      onContextMenu={(event) => {
        event.preventDefault();
        void openMenu(mediaId, event.clientX, event.clientY);
      }}
      // Armed by the pointer moving over the tile, not by entering it: the wheel slides tiles
      // under a still pointer, and those should not each fetch a file while the user scrolls.
      onPointerMove={(event) => {
        if (hoverArmed.current || (event.movementX === 0 && event.movementY === 0)) return;
        hoverArmed.current = true;
        hoverTimer.current = window.setTimeout(() => {
          hoverTimer.current = null;
          prepareLocal([mediaId], 'hover');
        }, HOVER_PREFETCH_MS);
      }}
      onPointerLeave={() => {
        if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
        hoverTimer.current = null;
        hoverArmed.current = false;
      }}
    >
      <div className="tile__media">
        <Thumbnail
          key={`${item.coverUrl === null ? '-' : '+'}#${mediaEpoch}`}
          src={item.coverUrl === null ? null : mediaCoverUrl(item.mediaId)}
          kind={kind}
          fit={type === 'sticker' ? 'contain' : 'cover'}
          checkerboard={type === 'sticker'}
          seed={item.mediaId}
          fadeIn={fadeIn}
        />
        {animated && <GifOnHover item={item} />}
        {animated && <span className="badge tile__badge">{t.library.animated}</span>}
        {fetching && (
          <div className="tile__fetching" role="status" aria-label={t.mediaOut.preparing(percent)}>
            <div className="tile__fetching-bar" style={{ width: `${percent ?? 15}%` }} />
          </div>
        )}
        <FavouriteButton
          mediaId={mediaId}
          className="tile__favourite"
          size={15}
          tabbable={active}
        />
      </div>
      <div className="tile__caption">
        <span className="tile__title" title={title}>
          {title}
        </span>
        {facts.length > 0 && <span className="tile__facts">{facts.join(' · ')}</span>}
      </div>
    </div>
  );
});
