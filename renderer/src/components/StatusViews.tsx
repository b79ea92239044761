import type { ReactNode } from 'react';
import type { AppErrorData } from '../../../shared/errors';
import { errorText } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { RetryButton } from './ErrorWithRetry';
import { AlertIcon, GridIcon } from './icons';
import './StatusViews.css';

export function ErrorState({
  error,
  onRetry,
  title,
  text,
  icon,
  children,
}: {
  error: AppErrorData;
  onRetry: () => void;
  /** Heading and words for this context; by default the generic ones and the code's words. */
  title?: string;
  text?: string;
  /** An icon in the accent tone instead of the red alert, for something the user can set up. */
  icon?: ReactNode;
  /** More actions beside Retry. */
  children?: ReactNode;
}) {
  const t = useAppStore(selectMessages);
  return (
    <div
      className={icon ? 'status-view status-view--setup' : 'status-view status-view--error'}
      role="alert"
      data-testid="error-state"
    >
      <span className="status-view__icon">{icon ?? <AlertIcon size={26} />}</span>
      <h2 className="status-view__title">{title ?? t.library.errorTitle}</h2>
      <p className="status-view__text">{text ?? errorText(t, error)}</p>
      <ErrorMeta error={error} />
      <div className="status-view__actions">
        {children}
        <RetryButton onRetry={onRetry} primary={!children} />
      </div>
    </div>
  );
}

/** The code and request id, small, for support. */
export function ErrorMeta({ error }: { error: AppErrorData }) {
  const t = useAppStore(selectMessages);
  return (
    <dl className="error-meta">
      <div>
        <dt>{t.errorDetails.code}</dt>
        <dd>{error.code}</dd>
      </div>
      {error.serviceCode && (
        <div>
          <dt>{t.errorDetails.serviceCode}</dt>
          <dd className="error-meta__mono">{error.serviceCode}</dd>
        </div>
      )}
      {error.requestId && (
        <div>
          <dt>{t.errorDetails.requestId}</dt>
          <dd className="error-meta__mono">{error.requestId}</dd>
        </div>
      )}
    </dl>
  );
}

export function EmptyState({ title, hint }: { title?: string; hint?: string } = {}) {
  const t = useAppStore(selectMessages);
  return (
    <div className="status-view" role="status" data-testid="empty-state">
      <span className="status-view__icon">
        <GridIcon size={26} />
      </span>
      <h2 className="status-view__title">{title ?? t.library.emptyTitle}</h2>
      <p className="status-view__text">{hint ?? t.library.emptyHint}</p>
    </div>
  );
}
