import { useEffect, useId, useState } from 'react';
import { isTransientError } from '../../../../shared/errors';
import type { AppErrorData } from '../../../../shared/errors';
import { errorText } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { selectLanguage, selectMessages } from '../../store/selectors';
import { lastUpdatedText, relativeTime } from '../../i18n/relative-time';
import { ErrorMeta } from '../StatusViews';
import { BusyButton } from './BusyButton';
import './FavouritesSection.css';

/**
 * Favourites sync with the account: the option (offered for an account source only, with the
 * reason otherwise) and a status line: last synced, changes waiting, or the failure with Retry.
 */
export function FavouritesSection() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const status = useAppStore((s) => s.favouriteSync);
  const requestError = useAppStore((s) => s.favouriteSyncRequestError);
  const setEnabled = useAppStore((s) => s.setFavouriteSync);
  const retry = useAppStore((s) => s.retryFavouriteSync);
  const [retrying, setRetrying] = useState(false);
  const headingId = useId();
  const hintId = useId();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const unavailable = status === null || status.unavailable !== null;
  const when = (iso: string) => relativeTime(iso, now, language);
  // Within a minute, "Trying again now" would read as if it were happening already.
  const retryText = (iso: string) =>
    Date.parse(iso) - now < 60_000 ? t.favouriteSync.retrySoon : t.favouriteSync.retryAt(when(iso));
  const error = status?.enabled ? (status.error ?? requestError) : requestError;
  // When the app will try again by itself, the cause alone: the error's own "try again" advice
  // would repeat the "Trying again…" that follows it.
  const reason = (shown: AppErrorData) =>
    status?.nextRetryAt && isTransientError(shown.code)
      ? t.favouriteSync.passing[shown.code]
      : errorText(t, shown);

  const lines: string[] = [];
  if (status?.enabled) {
    if (status.state === 'syncing') lines.push(t.favouriteSync.syncing);
    else if (!error)
      lines.push(
        status.lastSyncedAt
          ? lastUpdatedText(status.lastSyncedAt, now, language, {
              justNow: t.favouriteSync.lastSyncedJustNow,
              at: t.favouriteSync.lastSynced,
            })
          : t.favouriteSync.notYet,
      );
    if (status.pendingCount > 0 && !error) lines.push(t.favouriteSync.pending(status.pendingCount));
    if (status.localOnlyCount > 0) lines.push(t.favouriteSync.localOnly(status.localOnlyCount));
  }

  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 className="settings__section-title" id={headingId}>
        {t.favouriteSync.heading}
      </h3>
      <div className="settings__rows">
        <label className="favourite-sync__toggle">
          <input
            type="checkbox"
            checked={status?.enabled ?? false}
            disabled={unavailable}
            aria-describedby={hintId}
            onChange={(event) => void setEnabled(event.target.checked)}
          />
          <span>{t.favouriteSync.toggle}</span>
        </label>
        <p className="favourite-sync__hint" id={hintId}>
          {unavailable ? t.favouriteSync.unavailable : t.favouriteSync.intro}
        </p>
        <div className="favourite-sync__status" role="status" data-testid="favourite-sync-status">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {error && (
            <div className="favourite-sync__error">
              <p>
                {t.favouriteSync.failed(reason(error))}{' '}
                {status?.enabled ? t.favouriteSync.kept(status.pendingCount) : ''}
                {status?.nextRetryAt ? ` ${retryText(status.nextRetryAt)}` : ''}
              </p>
              <ErrorMeta error={error} />
              {status?.enabled && (
                <BusyButton
                  className="button button--small"
                  busy={retrying}
                  disabled={retrying}
                  onClick={() => {
                    setRetrying(true);
                    void retry().finally(() => setRetrying(false));
                  }}
                >
                  {t.favouriteSync.retry}
                </BusyButton>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
