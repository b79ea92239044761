import { useState } from 'react';
import type { MediaItem } from '../../../shared/domain';
import { fileFormat, isAnimated, mediaKind, primaryFile } from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { mediaCoverUrl, mediaFileUrl } from '../media/media-urls';
import { Thumbnail } from './Thumbnail';
import './MediaPreview.css';

const IMAGE_FORMATS = new Set(['png', 'gif', 'jpg', 'jpeg', 'webp', 'bmp', 'svg', 'apng', 'avif']);

/** The large preview: the full image (animated GIFs play) or the cover with an audio player. */
export function MediaPreview({ item }: { item: MediaItem }) {
  const t = useAppStore(selectMessages);
  const online = useAppStore((s) => s.online);
  const mediaEpoch = useAppStore((s) => s.mediaEpoch);
  // Which address failed, so a new item or a retry after reconnecting starts afresh.
  const [failedAudio, setFailedAudio] = useState<string | null>(null);
  const file = primaryFile(item);
  const cover = item.coverUrl === null ? null : mediaCoverUrl(item.mediaId);
  const kind = mediaKind(item);
  const sticker = item.businessType === 'sticker';

  if (kind === 'audio') {
    const audioSrc = file && file.url !== '' ? mediaFileUrl(item.mediaId, file.fileName) : null;
    return (
      <div className="preview preview--audio">
        <Thumbnail
          key={`${cover ?? ''}#${mediaEpoch}`}
          src={cover}
          kind="audio"
          fit="cover"
          seed={item.mediaId}
          loading="eager"
          className="preview__cover"
        />
        {audioSrc !== null && failedAudio !== `${audioSrc}#${mediaEpoch}` ? (
          <audio
            key={`${audioSrc}#${mediaEpoch}`}
            className="preview__audio"
            controls
            preload="metadata"
            src={audioSrc}
            aria-label={item.title}
            onError={() => setFailedAudio(`${audioSrc}#${mediaEpoch}`)}
          />
        ) : (
          <p className="preview__note">
            {online ? t.details.audioUnsupported : t.cache.audioOffline}
          </p>
        )}
      </div>
    );
  }

  const format = file ? fileFormat(file) : null;
  const fileIsImage =
    file !== null && file.url !== '' && format !== null && IMAGE_FORMATS.has(format);
  // The file itself shows full resolution and animates; the cover is the fallback.
  const src = fileIsImage ? mediaFileUrl(item.mediaId, file.fileName) : cover;
  const thumbnail = (
    <Thumbnail
      key={`${src ?? ''}#${mediaEpoch}`}
      src={src}
      kind="image"
      fit="contain"
      checkerboard={sticker || isAnimated(item)}
      seed={item.mediaId}
      loading="eager"
      className="preview__image"
    />
  );
  if (sticker) return <div className="preview preview--image preview--sticker">{thumbnail}</div>;
  // Backgrounds fill the panel's width in their own proportions (16:9 until the size is known).
  const ratio =
    file?.width && file.height ? Math.min(Math.max(file.width / file.height, 0.75), 3) : 16 / 9;
  return (
    <div className="preview preview--image preview--background">
      <div className="preview__frame" style={{ aspectRatio: ratio }}>
        {thumbnail}
      </div>
    </div>
  );
}
