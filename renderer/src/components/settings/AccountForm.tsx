import { useEffect, useRef } from 'react';
import type { AccountStatus } from '../../../../shared/account';
import { regionEndpoint } from '../../account/account-form';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { BusyButton } from './BusyButton';
import { ConnectionOutcome } from './ConnectionOutcome';
import { KeychainProblem } from './KeychainProblem';
import type { SavedOutcome } from './outcome';
import { AccessKeyIdField } from './account-form/AccessKeyIdField';
import { EndpointField } from './account-form/EndpointField';
import { RegionField } from './account-form/RegionField';
import { SecretField } from './account-form/SecretField';
import { SecurityTokenField } from './account-form/SecurityTokenField';
import { SignatureMethodField } from './account-form/SignatureMethodField';
import { useAccountFormSubmit } from './account-form/useAccountFormSubmit';
import './AccountForm.css';

/**
 * Enter, test and save an AccessKey. The secret and token live only in this form's state
 * (useAccountFormSubmit) and go to the bridge inside the validate/test/save requests; they are
 * never stored elsewhere in the renderer and never shown unless the user asks.
 */
export function AccountForm({
  status,
  focusOnMount,
  onSaved,
  onCancel,
}: {
  status: AccountStatus | null;
  focusOnMount: boolean;
  onSaved: (outcome: SavedOutcome) => void;
  onCancel?: () => void;
}) {
  const t = useAppStore(selectMessages);
  const { fields, busy, outcome, keychainError, retryInSeconds, run, submit } =
    useAccountFormSubmit({ status, onSaved });
  const { ids, values, edit } = fields;
  const idInput = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusOnMount) idInput.current?.focus();
  }, [focusOnMount]);

  // The outcome appears below the buttons: bring it into view (the sheet may be scrolled).
  // Field errors instead move focus to the first field in question.
  useEffect(() => {
    if (keychainError === null && (outcome === null || outcome.kind === 'fields')) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }, [outcome, keychainError]);

  const isBusy = busy !== null;
  return (
    <form className="account-form" noValidate onSubmit={submit} aria-busy={isBusy}>
      <AccessKeyIdField control={fields.textControl('accessKeyId')} inputRef={idInput} />
      <SecretField control={fields.textControl('accessKeySecret')} />
      <SecurityTokenField
        control={fields.textControl('securityToken', t.account.securityTokenHint)}
        used={values.useToken}
        onUse={(used) => {
          if (!used) edit('securityToken', '');
          edit('useToken', used);
        }}
      />
      <RegionField
        id={ids.region}
        value={values.region}
        messages={fields.messagesFor('region')}
        onChange={(region) => edit('region', region)}
      />
      <EndpointField
        control={fields.textControl('endpoint', t.account.endpointHint)}
        placeholder={regionEndpoint(values.region)}
      />
      <SignatureMethodField
        id={ids.signatureMethod}
        name={`${fields.uid}-signature`}
        value={values.signatureMethod}
        error={fields.fieldErrors.signatureMethod}
        onChange={(method) => edit('signatureMethod', method)}
      />

      <div className="account-form__actions">
        {onCancel && (
          <button type="button" className="button account-form__cancel" onClick={onCancel}>
            {t.account.cancel}
          </button>
        )}
        <BusyButton
          className="button"
          busy={busy === 'test'}
          disabled={isBusy}
          onClick={() => run('test')}
        >
          {busy === 'test' ? t.account.testing : t.account.test}
        </BusyButton>
        <BusyButton
          type="submit"
          className="button button--primary"
          busy={busy === 'save'}
          disabled={isBusy}
        >
          {busy === 'save' ? t.account.saving : t.account.save}
        </BusyButton>
      </div>

      <div className="account-form__outcome" ref={outcomeRef} aria-live="polite">
        {keychainError ? (
          <KeychainProblem
            error={keychainError}
            busy={busy === 'session' || busy === 'save' ? busy : null}
            onKeepForSession={() => run('session')}
            onRetry={() => run('save')}
          />
        ) : (
          outcome && <ConnectionOutcome outcome={outcome} retryInSeconds={retryInSeconds} />
        )}
      </div>
    </form>
  );
}
