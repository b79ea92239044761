import { memo } from 'react';
import type { BusinessType } from '../../../shared/domain';
import { isAnimated, mediaKind, tileFacts } from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMedia, selectMessages } from '../store/selectors';
import { FavouriteButton } from './FavouriteButton';
import { GifOnHover } from './GifOnHover';
import { Thumbnail } from './Thumbnail';

interface MediaTileProps {
  mediaId: string;
  index: number;
  businessType: BusinessType;
  /** The roving tab stop of the grid. */
  active: boolean;
  selected: boolean;
  onActivate: (index: number) => void;
}

export const MediaTile = memo(function MediaTile({
  mediaId,
  index,
  businessType,
  active,
  selected,
  onActivate,
}: MediaTileProps) {
  const item = useAppStore(selectMedia(mediaId));
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  // Not fetched yet (the catalogue's grid loads items as they scroll into view).
  if (!item) {
    return <div role="gridcell" className="tile tile--placeholder" data-index={index} aria-busy />;
  }

  const kind = mediaKind(item);
  const title = item.title.trim() || t.library.untitled;
  const facts = tileFacts(item, language);
  const animated = isAnimated(item);

  return (
    <div
      role="gridcell"
      className={`tile tile--${businessType}${selected ? ' tile--selected' : ''}`}
      tabIndex={active ? 0 : -1}
      aria-selected={selected}
      data-index={index}
      data-media-id={mediaId}
      onClick={() => onActivate(index)}
    >
      <div className="tile__media">
        <Thumbnail
          key={item.coverUrl ?? ''}
          src={item.coverUrl}
          kind={kind}
          fit={businessType === 'sticker' ? 'contain' : 'cover'}
          checkerboard={businessType === 'sticker'}
          seed={item.mediaId}
        />
        {animated && <GifOnHover item={item} />}
        {animated && <span className="badge tile__badge">{t.library.animated}</span>}
        <FavouriteButton mediaId={mediaId} className="tile__favourite" size={15} />
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
