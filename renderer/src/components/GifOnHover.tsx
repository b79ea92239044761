import { useState } from 'react';
import type { MediaItem } from '../../../shared/domain';
import { fileFormat, isAnimated } from '../media/media-facts';
import { mediaFileUrl } from '../media/media-urls';
import './GifOnHover.css';

/**
 * Over an animated sticker's still cover: while the pointer is on the tile, the GIF file itself
 * plays. It is fetched only on hover, so scrolling past hundreds of GIFs costs nothing.
 */
export function GifOnHover({ item }: { item: MediaItem }) {
  const [hovered, setHovered] = useState(false);
  const gif = isAnimated(item) ? item.files.find((f) => fileFormat(f) === 'gif' && f.url) : null;
  if (!gif) return null;
  return (
    <div
      className="gif-on-hover"
      // Started by the pointer moving, not by the wheel sliding a GIF under a still pointer:
      // scrolling past animated stickers must not load and play each one.
      onPointerMove={(event) => {
        if (!hovered && (event.movementX !== 0 || event.movementY !== 0)) setHovered(true);
      }}
      onPointerLeave={() => setHovered(false)}
    >
      {hovered && (
        <img
          className="gif-on-hover__img"
          src={mediaFileUrl(item.mediaId, gif.fileName)}
          alt=""
          draggable={false}
          decoding="async"
        />
      )}
    </div>
  );
}
