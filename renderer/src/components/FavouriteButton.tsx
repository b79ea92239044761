import type { MouseEvent } from 'react';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { StarIcon } from './icons';
import './FavouriteButton.css';

/** The star: adds the item to the favourites stored in the local catalogue, or removes it. */
export function FavouriteButton({
  mediaId,
  className,
  size = 16,
  tabbable = true,
}: {
  mediaId: string;
  className?: string;
  size?: number;
  /**
   * False in a grid's or list's items other than the active one: the list is one tab stop, and
   * Tab from its active item reaches that item's star and then leaves, not every star drawn.
   */
  tabbable?: boolean;
}) {
  const t = useAppStore(selectMessages);
  const favourite = useAppStore((s) => s.favouriteIds.includes(mediaId));
  const toggleFavourite = useAppStore((s) => s.toggleFavourite);
  const label = favourite ? t.catalogue.unfavourite : t.catalogue.favourite;
  return (
    <button
      type="button"
      className={`favourite-button${favourite ? ' favourite-button--on' : ''}${className ? ` ${className}` : ''}`}
      aria-pressed={favourite}
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      title={label}
      // Inside a tile: the star must not also open the details.
      onClick={(event: MouseEvent) => {
        event.stopPropagation();
        void toggleFavourite(mediaId);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
      }}
    >
      <StarIcon size={size} filled={favourite} />
    </button>
  );
}
