import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AccountStatus } from '../../../../shared/account';
import type { AppErrorData } from '../../../../shared/errors';
import { accountErrorText } from '../../account/account-errors';
import { regionEndpoint } from '../../account/account-form';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { CheckIcon, ClockIcon, KeyIcon, ShieldIcon, TrashIcon } from '../icons';
import { BusyButton } from './BusyButton';
import type { SavedOutcome } from './outcome';
import { ClockCorrectionNote } from './ConnectionOutcome';
import './AccountStatusCard.css';
import './Outcome.css'; // the confirmation slides in as the outcome cards do

/** The configured AccessKey, masked, where it is kept, and the way to replace or remove it. */
export function AccountStatusCard({
  status,
  saved,
  editing,
  onReplace,
}: {
  status: AccountStatus;
  /** What the save that just happened found, until the user does something else. */
  saved: SavedOutcome | null;
  editing: boolean;
  onReplace: () => void;
}) {
  const t = useAppStore(selectMessages);
  const removeAccount = useAppStore((s) => s.removeAccount);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<AppErrorData | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const endConfirmation = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeRef.current?.focus());
  };

  const onConfirmKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Escape steps back out of the confirmation only, not out of Settings.
    event.preventDefault();
    endConfirmation();
  };

  const remove = async () => {
    setRemoving(true);
    setRemoveError(null);
    const result = await removeAccount();
    setRemoving(false);
    if (!result.ok) setRemoveError(result.error);
    // On success this card goes away: the account is no longer configured.
  };

  const session = status.storage === 'session';
  return (
    <div className="account-card" data-testid="account-status">
      {saved && (
        <div className="account-card__saved" role="status">
          <CheckIcon size={16} />
          <div>
            <p className="account-card__saved-title">
              {saved.sessionOnly ? t.account.outcome.savedSession : t.account.outcome.saved}
            </p>
            <p className="account-card__saved-text">
              {saved.totalCount === null
                ? t.account.outcome.librarySizeUnknown
                : t.account.outcome.librarySize(saved.totalCount)}
            </p>
            <ClockCorrectionNote seconds={saved.clockCorrectionSeconds} />
          </div>
        </div>
      )}
      <div className="account-card__head">
        <span className="account-card__icon">
          <KeyIcon size={18} />
        </span>
        <div className="account-card__heading">
          <p className="account-card__title">{t.account.status.configured}</p>
          <p className={`storage storage--${status.storage}`} data-testid="account-storage">
            {session ? <ClockIcon size={14} /> : <ShieldIcon size={14} />}
            {session ? t.account.status.storageSession : t.account.status.storageKeychain}
          </p>
        </div>
      </div>
      {session && <p className="account-card__hint">{t.account.status.storageSessionHint}</p>}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t.account.accessKeyId}</dt>
          <dd>
            <code data-testid="masked-access-key-id">{status.maskedAccessKeyId}</code>
            {status.hasStsToken && <span className="pill pill--muted">{t.account.status.sts}</span>}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t.account.region}</dt>
          <dd>
            {t.account.regions[status.region]} <span className="facts__muted">{status.region}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t.account.status.endpoint}</dt>
          <dd>
            <code>{status.endpoint ?? regionEndpoint(status.region)}</code>
            {status.endpoint === null && (
              <span className="facts__muted">{t.account.status.defaultEndpoint}</span>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t.account.signature}</dt>
          <dd>{status.signatureMethod === 'v3' ? t.account.signatureV3 : t.account.signatureV1}</dd>
        </div>
      </dl>

      {confirming ? (
        <div
          className="confirm"
          role="group"
          aria-labelledby="remove-confirm-text"
          onKeyDown={onConfirmKeyDown}
        >
          <p className="confirm__text" id="remove-confirm-text">
            {t.account.status.removeConfirm}
          </p>
          <div className="confirm__actions">
            <button
              ref={cancelRef}
              type="button"
              className="button button--small"
              onClick={endConfirmation}
            >
              {t.account.cancel}
            </button>
            <BusyButton
              className="button button--small button--danger"
              busy={removing}
              disabled={removing}
              onClick={() => void remove()}
              icon={<TrashIcon size={14} />}
            >
              {removing ? t.account.status.removing : t.account.status.removeConfirmButton}
            </BusyButton>
          </div>
        </div>
      ) : (
        <div className="account-card__actions">
          {!editing && (
            <button type="button" className="button button--small" onClick={onReplace}>
              {t.account.status.replace}
            </button>
          )}
          <button
            ref={removeRef}
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => {
              setRemoveError(null);
              setConfirming(true);
            }}
          >
            <TrashIcon size={14} />
            {t.account.status.remove}
          </button>
        </div>
      )}
      {removeError && (
        <p className="account-card__error" role="alert">
          {t.account.status.removeFailed} {accountErrorText(t, removeError)}
        </p>
      )}
    </div>
  );
}
