import { useEffect, useState } from 'react';
import { errorText } from '../i18n';
import { lastUpdatedText } from '../i18n/relative-time';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages } from '../store/selectors';
import { RetryIcon, Spinner } from './icons';
import './CatalogueNote.css';

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
    text = lastUpdatedText(status.lastSyncedAt, now, language, {
      justNow: t.catalogue.updatedJustNow,
      at: t.catalogue.updatedAt,
    });
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
