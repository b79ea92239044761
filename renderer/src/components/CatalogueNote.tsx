import { useEffect, useState } from 'react';
import type { Language } from '../i18n';
import { errorText } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages } from '../store/selectors';
import { RetryIcon, Spinner } from './icons';
import './CatalogueNote.css';

/** "5 minutes ago" in the UI language, or the date when it is older than a day. */
export function relativeTime(iso: string, now: number, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(0, 'second');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return new Date(ms).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The local catalogue's state: progress while it syncs, else when it was last updated. */
export function CatalogueNote() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const status = useAppStore((s) => s.catalogue);
  const syncError = useAppStore((s) => s.catalogueSyncError);
  const syncCatalogue = useAppStore((s) => s.syncCatalogue);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!status) return null;

  const syncing = status.state === 'syncing';
  const error = status.error ?? syncError;
  let text: string;
  if (syncing) {
    text = t.catalogue.syncing(status.progress?.done ?? 0, status.progress?.total ?? null);
  } else if (status.lastSyncedAt) {
    text = t.catalogue.updatedAt(relativeTime(status.lastSyncedAt, now, language));
  } else {
    text = t.catalogue.notYetSynced;
  }
  return (
    <div className="catalogue-note" data-testid="catalogue-note" data-state={status.state}>
      {syncing && <Spinner size={12} />}
      <span role="status" aria-live="polite">
        {text}
      </span>
      {!syncing && error && (
        <span className="catalogue-note__error" title={error.message}>
          {t.catalogue.syncFailed} {errorText(t, error)}
        </span>
      )}
      {!syncing && (
        <button type="button" className="button button--small" onClick={() => void syncCatalogue()}>
          <RetryIcon size={14} />
          {t.catalogue.refresh}
        </button>
      )}
    </div>
  );
}
