import { accountErrorText, offsetMinutes } from '../../account/account-errors';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { CopyButton } from '../CopyButton';
import { AlertIcon, CheckIcon, ClockIcon } from '../icons';
import type { FormOutcome } from './outcome';
import './Outcome.css';

/** The request id, selectable and with a Copy button, for a support ticket. */
export function RequestIdRow({
  requestId,
  code,
  serviceCode,
}: {
  requestId: string | null;
  code?: string;
  serviceCode?: string | undefined;
}) {
  const t = useAppStore(selectMessages);
  if (!requestId && !code) return null;
  return (
    <div className="outcome__meta">
      {code && (
        <span className="outcome__fact">
          <span className="outcome__fact-label">{t.errorDetails.code}</span>
          <code>{code}</code>
        </span>
      )}
      {serviceCode && (
        <span className="outcome__fact">
          <span className="outcome__fact-label">{t.errorDetails.serviceCode}</span>
          <code data-testid="service-code">{serviceCode}</code>
        </span>
      )}
      {requestId && (
        <span className="outcome__fact">
          <span className="outcome__fact-label">{t.errorDetails.requestId}</span>
          <code data-testid="request-id">{requestId}</code>
          <CopyButton text={requestId} label={t.errorDetails.requestId} />
        </span>
      )}
    </div>
  );
}

/** Said after a success for which the app had to correct this computer's clock. */
export function ClockCorrectionNote({ seconds }: { seconds: number | null }) {
  const t = useAppStore(selectMessages);
  if (seconds === null || Math.abs(seconds) < 60) return null;
  return (
    <p className="outcome__text" data-testid="clock-corrected">
      {t.account.outcome.clockCorrected(offsetMinutes(seconds))}
    </p>
  );
}

/** The result of Test connection or Save: success with the library size, or the error in words. */
export function ConnectionOutcome({
  outcome,
  retryInSeconds,
}: {
  outcome: FormOutcome;
  /** While a throttled call waits to retry by itself: seconds left, 0 while it runs again. */
  retryInSeconds: number | null;
}) {
  const t = useAppStore(selectMessages);
  if (outcome.kind === 'fields') {
    return (
      <div className="outcome outcome--error" role="alert" data-testid="connection-outcome">
        <AlertIcon size={18} />
        <div className="outcome__body">
          <p className="outcome__title">{t.account.outcome.fixFields}</p>
        </div>
      </div>
    );
  }
  if (outcome.kind === 'connected') {
    return (
      <div className="outcome outcome--success" role="status" data-testid="connection-outcome">
        <CheckIcon size={18} />
        <div className="outcome__body">
          <p className="outcome__title">{t.account.outcome.connected}</p>
          <p className="outcome__text">
            {outcome.totalCount === null
              ? t.account.outcome.librarySizeUnknown
              : t.account.outcome.librarySize(outcome.totalCount)}
          </p>
          <ClockCorrectionNote seconds={outcome.clockCorrectionSeconds} />
          <RequestIdRow requestId={outcome.requestId} />
        </div>
      </div>
    );
  }
  const { error, during } = outcome;
  const throttled = error.code === 'THROTTLED' && retryInSeconds !== null;
  const text = throttled
    ? retryInSeconds > 0
      ? t.account.outcome.throttled(retryInSeconds)
      : t.account.outcome.retryingNow
    : accountErrorText(t, error);
  return (
    <div
      className={throttled ? 'outcome outcome--waiting' : 'outcome outcome--error'}
      role="alert"
      data-testid="connection-outcome"
    >
      {throttled ? <ClockIcon size={18} /> : <AlertIcon size={18} />}
      <div className="outcome__body">
        <p className="outcome__title">
          {throttled
            ? t.account.outcome.busy
            : during === 'save'
              ? t.account.outcome.saveFailed
              : t.account.outcome.failed}
        </p>
        <p className="outcome__text">{text}</p>
        <RequestIdRow
          requestId={error.requestId ?? null}
          code={error.code}
          serviceCode={error.serviceCode}
        />
      </div>
    </div>
  );
}
