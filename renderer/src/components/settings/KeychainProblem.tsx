import type { AppErrorData } from '../../../../shared/errors';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { ShieldIcon } from '../icons';
import { BusyButton } from './BusyButton';
import './Outcome.css';

/**
 * Saving to the keychain failed: says why in plain words and offers the one alternative the app
 * allows, keeping the key in memory for this session. The app never falls back on its own.
 */
export function KeychainProblem({
  error,
  busy,
  onKeepForSession,
  onRetry,
}: {
  error: AppErrorData;
  busy: 'session' | 'save' | null;
  onKeepForSession: () => void;
  onRetry: () => void;
}) {
  const t = useAppStore(selectMessages);
  const locked = error.code === 'KEYCHAIN_LOCKED';
  return (
    <div
      className="outcome outcome--warning keychain-problem"
      role="alert"
      data-testid="keychain-problem"
    >
      <ShieldIcon size={18} />
      <div className="outcome__body">
        <p className="outcome__title">
          {locked ? t.account.keychain.lockedTitle : t.account.keychain.unavailableTitle}
        </p>
        <p className="outcome__text">
          {locked ? t.account.keychain.lockedBody : t.account.keychain.unavailableBody}
        </p>
        <p className="outcome__text">{t.account.keychain.neverElsewhere}</p>
        <div className="outcome__actions">
          <BusyButton
            className="button button--small button--primary"
            busy={busy === 'session'}
            disabled={busy !== null}
            onClick={onKeepForSession}
          >
            {t.account.keychain.keepForSession}
          </BusyButton>
          <BusyButton
            className="button button--small"
            busy={busy === 'save'}
            disabled={busy !== null}
            onClick={onRetry}
          >
            {t.library.retry}
          </BusyButton>
        </div>
      </div>
    </div>
  );
}
