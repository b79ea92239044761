import type { AppErrorData } from '../../../shared/errors';
import { errorText } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { RetryIcon } from './icons';
import './ErrorWithRetry.css';

/** The Retry button of every failure the user can try again: the same words and icon everywhere. */
export function RetryButton({
  onRetry,
  primary = false,
}: {
  onRetry: () => void;
  primary?: boolean;
}) {
  const t = useAppStore(selectMessages);
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      onClick={onRetry}
    >
      <RetryIcon size={16} />
      {t.library.retry}
    </button>
  );
}

/**
 * A failure of one part of the window (the sidebar's tags, the grid's next page): what failed,
 * the error in words, and a small Retry button, announced as an alert.
 */
export function ErrorWithRetry({
  what,
  error,
  onRetry,
  layout,
}: {
  /** The sentence that says what failed, before the error's own words. */
  what: string;
  error: AppErrorData;
  onRetry: () => void;
  /** banner: a tinted strip across the grid; stacked: text above the button, in a narrow column. */
  layout: 'banner' | 'stacked';
}) {
  const t = useAppStore(selectMessages);
  return (
    <div className={`error-with-retry error-with-retry--${layout}`} role="alert">
      <p>
        {what} {errorText(t, error)}
      </p>
      <button type="button" className="button button--small" onClick={onRetry}>
        <RetryIcon size={14} />
        {t.library.retry}
      </button>
    </div>
  );
}
