// The downloads panel: a button in the header and a popover, as in browsers. Per file: name,
// progress, speed and time left; cancel, retry, Show in folder and Open. Batches show one
// overall progress. The list survives restarts and can be cleared.

import { useEffect, useRef } from 'react';
import type { DownloadBatch, DownloadEntry } from '../../../../shared/media-out';
import { errorText } from '../../i18n';
import { formatDuration, formatFileSize } from '../../media/media-facts';
import { useAppStore } from '../../store/app-store';
import { selectLanguage, selectMessages } from '../../store/selectors';
import { CloseIcon, DownloadIcon, FolderIcon, RetryIcon } from '../icons';
import './DownloadsPopover.css';

export const DOWNLOADS_BUTTON_ID = 'open-downloads';

export function DownloadsButton() {
  const t = useAppStore(selectMessages);
  const open = useAppStore((s) => s.downloadsOpen);
  const setOpen = useAppStore((s) => s.setDownloadsOpen);
  const running = useAppStore(
    (s) =>
      s.downloads?.entries.filter((e) => e.state === 'queued' || e.state === 'downloading')
        .length ?? 0,
  );
  const label = running > 0 ? t.mediaOut.downloadsActive(running) : t.mediaOut.downloads;
  return (
    <div className="downloads-anchor">
      <button
        type="button"
        id={DOWNLOADS_BUTTON_ID}
        className={`icon-button${running > 0 ? ' icon-button--busy' : ''}`}
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <DownloadIcon size={18} />
        {running > 0 && <span className="icon-button__badge">{running}</span>}
      </button>
      {open && <DownloadsPopover />}
    </div>
  );
}

function DownloadsPopover() {
  const t = useAppStore(selectMessages);
  const downloads = useAppStore((s) => s.downloads);
  const error = useAppStore((s) => s.downloadsError);
  const setOpen = useAppStore((s) => s.setDownloadsOpen);
  const clear = useAppStore((s) => s.clearDownloadHistory);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      document.getElementById(DOWNLOADS_BUTTON_ID)?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      const anchor = document.getElementById(DOWNLOADS_BUTTON_ID)?.parentElement;
      if (!anchor?.contains(target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [setOpen]);

  const entries = downloads?.entries ?? [];
  const finished = entries.some((e) => e.state !== 'queued' && e.state !== 'downloading');
  const batches = (downloads?.batches ?? []).filter((b) => b.done + b.failed < b.count);
  return (
    <div
      ref={ref}
      className="downloads-popover"
      role="dialog"
      aria-label={t.mediaOut.downloads}
      tabIndex={-1}
    >
      <div className="downloads-popover__header">
        <h2 className="downloads-popover__title">{t.mediaOut.downloads}</h2>
        {finished && (
          <button type="button" className="button button--small" onClick={clear}>
            {t.mediaOut.clearHistory}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t.mediaOut.close}
          onClick={() => setOpen(false)}
        >
          <CloseIcon size={16} />
        </button>
      </div>
      {downloads && (
        <p className="downloads-popover__folder" title={downloads.folder}>
          <FolderIcon size={14} /> {downloads.folder}
        </p>
      )}
      {error && (
        <p className="downloads-popover__error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {batches.map((batch) => (
        <BatchProgress key={batch.batchId} batch={batch} />
      ))}
      {entries.length === 0 ? (
        <p className="downloads-popover__empty">{t.mediaOut.downloadsEmpty}</p>
      ) : (
        <ul className="downloads-list" aria-label={t.mediaOut.downloads}>
          {entries.map((entry) => (
            <DownloadRow key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}

function BatchProgress({ batch }: { batch: DownloadBatch }) {
  const t = useAppStore(selectMessages);
  const fraction = batch.total
    ? batch.bytes / batch.total
    : (batch.done + batch.failed) / batch.count;
  return (
    <div className="download-batch" data-testid="download-batch">
      <span>{t.mediaOut.batch(batch.done, batch.count)}</span>
      <progress
        className="download-progress"
        max={1}
        value={Math.min(1, fraction)}
        aria-label={t.mediaOut.batch(batch.done, batch.count)}
      />
    </div>
  );
}

function DownloadRow({ entry }: { entry: DownloadEntry }) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const cancel = useAppStore((s) => s.cancelDownload);
  const retry = useAppStore((s) => s.retryDownload);
  const show = useAppStore((s) => s.showDownloadInFolder);
  const open = useAppStore((s) => s.openDownload);
  const active = entry.state === 'queued' || entry.state === 'downloading';
  const size = (bytes: number | null) => formatFileSize(bytes, language) ?? '';

  let detail: string;
  if (entry.state === 'downloading') {
    const parts = [entry.total ? `${size(entry.bytes)} / ${size(entry.total)}` : size(entry.bytes)];
    if (entry.bytesPerSecond) {
      parts.push(t.mediaOut.speed(size(entry.bytesPerSecond)));
      if (entry.total) {
        const left = formatDuration(
          Math.max(0, (entry.total - entry.bytes) / entry.bytesPerSecond),
        );
        if (left) parts.push(t.mediaOut.timeLeft(left));
      }
    }
    detail = parts.join(' · ');
  } else if (entry.state === 'failed' && entry.error) {
    detail = errorText(t, entry.error);
  } else if (entry.state === 'done') {
    detail = entry.alreadyThere ? t.mediaOut.alreadyThere : size(entry.total ?? entry.bytes);
  } else {
    detail = t.mediaOut.states[entry.state];
  }

  return (
    <li className={`download-row download-row--${entry.state}`} data-state={entry.state}>
      <div className="download-row__text">
        <span className="download-row__name" title={entry.path ?? entry.fileName}>
          {entry.fileName}
        </span>
        <span
          className="download-row__detail"
          role={entry.state === 'failed' ? 'alert' : undefined}
        >
          {detail}
        </span>
        {entry.state === 'downloading' && (
          <progress
            className="download-progress"
            max={entry.total ?? undefined}
            value={entry.total ? entry.bytes : undefined}
            aria-label={entry.fileName}
          />
        )}
      </div>
      <div className="download-row__actions">
        {active && (
          <button type="button" className="button button--small" onClick={() => cancel(entry.id)}>
            {t.mediaOut.cancel}
          </button>
        )}
        {(entry.state === 'failed' || entry.state === 'cancelled') && (
          <button type="button" className="button button--small" onClick={() => retry(entry.id)}>
            <RetryIcon size={14} />
            {t.mediaOut.retry}
          </button>
        )}
        {entry.state === 'done' && (
          <>
            <button type="button" className="button button--small" onClick={() => show(entry.id)}>
              {t.mediaOut.showInFolder}
            </button>
            <button type="button" className="button button--small" onClick={() => open(entry.id)}>
              {t.mediaOut.open}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
