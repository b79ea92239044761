import { useState } from 'react';
import type { CSSProperties } from 'react';
import type { MediaKind } from '../media/media-facts';
import { ImageIcon, MusicIcon } from './icons';
import './Thumbnail.css';

export type ThumbnailFit = 'contain' | 'cover';

interface ThumbnailProps {
  src: string | null;
  kind: MediaKind;
  fit: ThumbnailFit;
  /** Transparent stickers sit on a checkerboard so their edges show. */
  checkerboard?: boolean;
  /** Seeds the placeholder colour so tiles without art still look distinct. */
  seed: string;
  /** Eager for the details preview; lazy in the grid. */
  loading?: 'lazy' | 'eager';
  /**
   * Fade the image in when it arrives. Lists turn it off for rows mounted while scrolling: a
   * fade is a compositor animation, and a scroll step brings dozens of new images at once.
   */
  fadeIn?: boolean;
  className?: string;
}

type LoadState = 'loading' | 'loaded' | 'failed';

// Images already shown once: a tile re-created by the virtual grid while scrolling starts
// loaded, so the fade-in does not replay on every remount (it cost frames while scrolling).
const shownSources = new Set<string>();
const SHOWN_LIMIT = 20_000;

function hueOf(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/** An image with a shimmer while it loads and an icon if it fails. Key it by src. */
export function Thumbnail({
  src,
  kind,
  fit,
  checkerboard = false,
  seed,
  loading = 'lazy',
  fadeIn = true,
  className,
}: ThumbnailProps) {
  const [state, setState] = useState<LoadState>(
    src ? (shownSources.has(src) ? 'loaded' : 'loading') : 'failed',
  );
  const classes = [
    'thumb',
    `thumb--${state}`,
    `thumb--${fit}`,
    checkerboard ? 'thumb--checker' : '',
    fadeIn ? 'thumb--fade' : '',
    className ?? '',
  ].join(' ');
  return (
    <div className={classes} data-state={state}>
      {src && state !== 'failed' && (
        <img
          className="thumb__img"
          src={src}
          alt=""
          loading={loading}
          decoding="async"
          draggable={false}
          onLoad={() => {
            if (shownSources.size >= SHOWN_LIMIT) shownSources.clear();
            shownSources.add(src);
            setState('loaded');
          }}
          onError={() => setState('failed')}
        />
      )}
      {state === 'failed' && (
        <span
          className={`thumb__fallback thumb__fallback--${kind}`}
          style={{ '--thumb-hue': hueOf(seed) } as CSSProperties}
        >
          {kind === 'audio' ? <MusicIcon size={30} /> : <ImageIcon size={30} />}
        </span>
      )}
    </div>
  );
}
