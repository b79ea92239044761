import type { MediaFile, MediaItem } from '../../../shared/domain';
import { tagNameById } from '../i18n';
import {
  fileFormat,
  formatBitrate,
  formatDimensions,
  formatDuration,
  formatFileSize,
} from '../media/media-facts';
import { useAppStore } from '../store/app-store';
import {
  selectDetailsOpen,
  selectLanguage,
  selectMessages,
  selectSelectedMedia,
  selectTags,
} from '../store/selectors';
import { CopyButton } from './CopyButton';
import { DownloadIcon, FileIcon } from './icons';
import { useMediaOut } from './media-out/use-media-out';
import { CloseButton } from './CloseButton';
import { FavouriteButton } from './FavouriteButton';
import { DetailsResizeHandle } from './ViewControls';
import { MediaPreview } from './MediaPreview';
import './DetailsPanel.css';

export const DETAILS_PANEL_ID = 'details-panel';

export function DetailsPanel() {
  const open = useAppStore(selectDetailsOpen);
  const item = useAppStore(selectSelectedMedia);
  const t = useAppStore(selectMessages);
  const closeDetails = useAppStore((s) => s.closeDetails);
  if (!open || !item) return null;

  const title = item.title.trim() || t.library.untitled;
  return (
    <aside className="details" id={DETAILS_PANEL_ID} aria-label={t.details.label}>
      <DetailsResizeHandle />
      <div className="details__header">
        <h2 className="details__title" title={title}>
          {title}
        </h2>
        <FavouriteButton mediaId={item.mediaId} size={18} />
        <CloseButton label={t.details.close} onClick={closeDetails} />
      </div>
      <div className="details__scroll">
        <DraggablePreview item={item} />
        <DetailsActions item={item} />
        <DetailsBody item={item} />
      </div>
    </aside>
  );
}

/** The preview drags out like a tile; until its file is local it shows progress instead. */
function DraggablePreview({ item }: { item: MediaItem }) {
  const t = useAppStore(selectMessages);
  const local = useAppStore((s) => s.localFiles[item.mediaId]);
  const pending = useAppStore((s) => s.dragPending.includes(item.mediaId));
  const { onDragStart } = useMediaOut();
  const percent =
    local?.state === 'fetching' && local.total
      ? Math.floor((local.received / local.total) * 100)
      : null;
  return (
    <div
      className="details__drag"
      draggable
      title={t.mediaOut.dragHint}
      data-testid="details-drag"
      data-local={local?.state ?? 'none'}
      onDragStart={(event) => onDragStart(event, item.mediaId)}
    >
      <MediaPreview key={item.mediaId} item={item} />
      {local?.state === 'fetching' && pending && (
        <p className="details__preparing" role="status">
          {t.mediaOut.preparing(percent)}
        </p>
      )}
    </div>
  );
}

/** Download (to the download folder) and Save to… (a folder chosen this once). */
function DetailsActions({ item }: { item: MediaItem }) {
  const t = useAppStore(selectMessages);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const { run } = useMediaOut();
  const ids = selectedIds.includes(item.mediaId) ? selectedIds : [item.mediaId];
  const label = ids.length > 1 ? `${t.mediaOut.download} (${ids.length})` : t.mediaOut.download;
  return (
    <div className="details__actions">
      <button
        type="button"
        className="button button--primary"
        aria-keyshortcuts="Control+S Meta+S"
        title={`${t.mediaOut.download} (${t.mediaOut.shortcuts.download})`}
        onClick={() => void run('download', ids, item.mediaId)}
      >
        <DownloadIcon size={15} />
        {label}
      </button>
      <button
        type="button"
        className="button"
        aria-keyshortcuts="Control+Shift+S Meta+Shift+S"
        title={`${t.mediaOut.saveTo} (${t.mediaOut.shortcuts.saveTo})`}
        onClick={() => void run('save-to', ids, item.mediaId)}
      >
        {t.mediaOut.saveTo}
      </button>
    </div>
  );
}

function DetailsBody({ item }: { item: MediaItem }) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const knownTags = useAppStore(selectTags);
  const description = item.description?.trim();

  return (
    <div className="details__body">
      <section className="details__section">
        <h3 className="details__label">{t.details.description}</h3>
        <p className={description ? 'details__text' : 'details__text details__text--muted'}>
          {description || t.details.noDescription}
        </p>
      </section>

      {item.tags.length > 0 && (
        <section className="details__section">
          <h3 className="details__label">{t.details.tags}</h3>
          <ul className="chip-list">
            {item.tags.map((tagId) => (
              <li key={tagId} className="chip">
                {tagNameById(language, tagId, knownTags)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="details__section">
        <h3 className="details__label">{t.details.files}</h3>
        {item.files.length === 0 ? (
          <p className="details__text details__text--muted">{t.details.noFiles}</p>
        ) : (
          <ul className="file-list">
            {item.files.map((file, i) => (
              <FileCard key={`${file.fileName}-${i}`} file={file} />
            ))}
          </ul>
        )}
      </section>

      <section className="details__section">
        <h3 className="details__label">{t.details.mediaId}</h3>
        <div className="media-id">
          <code className="media-id__value" data-testid="media-id">
            {item.mediaId}
          </code>
          <CopyButton text={item.mediaId} label={t.details.mediaId} />
        </div>
      </section>
    </div>
  );
}

function FileCard({ file }: { file: MediaFile }) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const facts: Array<[string, string | null]> = [
    [t.details.format, fileFormat(file)?.toUpperCase() ?? null],
    [t.details.size, formatFileSize(file.fileSize, language)],
    [t.details.dimensions, formatDimensions(file.width, file.height)],
    [t.details.duration, formatDuration(file.duration)],
    [t.details.bitrate, formatBitrate(file.bitrate, language)],
  ];
  return (
    <li className="file-card">
      <div className="file-card__name">
        <FileIcon size={15} />
        <span title={file.fileName}>{file.fileName}</span>
      </div>
      <dl className="fact-list">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([label, value]) => (
            <div key={label} className="fact-list__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </li>
  );
}
