import { useEffect, useId, useRef, useState } from 'react';
import type { ClipboardEvent, FormEvent } from 'react';
import { REGIONS } from '../../../../shared/account';
import type {
  AccountFieldErrors,
  AccountFormField,
  AccountStatus,
  SignatureMethodId,
} from '../../../../shared/account';
import type { AppErrorData } from '../../../../shared/errors';
import { isKeychainError } from '../../account/account-errors';
import {
  FIELD_ORDER,
  checkAccountForm,
  fieldErrorTexts,
  isRegion,
  regionEndpoint,
  toFormInput,
  trimPasted,
  trimValues,
} from '../../account/account-form';
import type { AccountFormValues, TrimmedField } from '../../account/account-form';
import { useAppStore } from '../../store/app-store';
import { selectLanguage, selectMessages } from '../../store/selectors';
import { EyeIcon, EyeOffIcon, PlusIcon } from '../icons';
import { BusyButton } from './BusyButton';
import { ConnectionOutcome } from './ConnectionOutcome';
import { Field, describedBy } from './Field';
import { KeychainProblem } from './KeychainProblem';
import type { FormAction, FormOutcome, SavedOutcome } from './outcome';

/** A throttled Test or Save retries by itself this many times, after the server's wait. */
const MAX_AUTO_RETRIES = 3;

type FieldTexts = Partial<Record<AccountFormField, string>>;

interface PendingRetry {
  action: FormAction;
  seconds: number;
  attempt: number;
}

function initialValues(status: AccountStatus | null): AccountFormValues {
  return {
    accessKeyId: '',
    accessKeySecret: '',
    securityToken: '',
    useToken: false,
    region: status?.region ?? 'cn-shanghai',
    endpoint: status?.endpoint ?? '',
    signatureMethod: status?.signatureMethod ?? 'v3',
  };
}

/**
 * Enter, test and save an AccessKey. The secret and token live only in this component's state
 * and go to the bridge inside the validate/test/save requests; they are never stored elsewhere
 * in the renderer and never shown unless the user asks.
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
  const language = useAppStore(selectLanguage);
  const validateAccount = useAppStore((s) => s.validateAccount);
  const testAccount = useAppStore((s) => s.testAccount);
  const saveAccount = useAppStore((s) => s.saveAccount);

  const [values, setValues] = useState<AccountFormValues>(() => initialValues(status));
  const [showSecret, setShowSecret] = useState(false);
  const [showToken, setShowToken] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldTexts>({});
  const [trimmed, setTrimmed] = useState<ReadonlySet<TrimmedField>>(new Set());
  const [busy, setBusy] = useState<FormAction | null>(null);
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  const [keychainError, setKeychainError] = useState<AppErrorData | null>(null);
  const [retry, setRetry] = useState<PendingRetry | null>(null);
  const running = useRef(false);
  const uid = useId();
  const ids = {
    accessKeyId: `${uid}-id`,
    accessKeySecret: `${uid}-secret`,
    securityToken: `${uid}-token`,
    region: `${uid}-region`,
    endpoint: `${uid}-endpoint`,
    signatureMethod: `${uid}-signature`,
  } satisfies Record<AccountFormField, string>;
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

  const edit = <K extends keyof AccountFormValues>(field: K, value: AccountFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field as AccountFormField];
      return next;
    });
    setTrimmed((current) => {
      if (!current.has(field as TrimmedField)) return current;
      const next = new Set(current);
      next.delete(field as TrimmedField);
      return next;
    });
    setRetry(null);
  };

  /**
   * Pasting removes the spaces and line breaks copied along with a key, and says so. (Done on
   * paste, not on leaving the field: a note appearing on blur would move the button under the
   * pointer between mouse down and up.) Typed spaces are removed on Test/Save.
   */
  const trimOnPaste =
    (field: TrimmedField) => (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const pasted = event.clipboardData.getData('text');
      const clean = trimPasted(pasted);
      if (clean === pasted || clean === '') return;
      event.preventDefault();
      const target = event.currentTarget;
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? target.value.length;
      edit(field, target.value.slice(0, start) + clean + target.value.slice(end));
      setTrimmed((current) => new Set(current).add(field));
      requestAnimationFrame(() =>
        target.setSelectionRange(start + clean.length, start + clean.length),
      );
    };

  const showFieldErrors = (texts: FieldTexts) => {
    setFieldErrors(texts);
    setOutcome({ kind: 'fields' });
    const first = FIELD_ORDER.find((field) => texts[field] !== undefined);
    if (first) document.getElementById(ids[first])?.focus();
  };

  async function run(action: FormAction, attempt = 0): Promise<void> {
    if (running.current) return;
    const cleaned = trimValues(values);
    const form = cleaned.values;
    if (cleaned.trimmed.length > 0) {
      setValues(form);
      setTrimmed((current) => new Set([...current, ...cleaned.trimmed]));
    }
    const local = checkAccountForm(form);
    if (Object.keys(local).length > 0) {
      setRetry(null);
      showFieldErrors(fieldErrorTexts(t, language, local, {}));
      return;
    }

    setFieldErrors({});
    running.current = true;
    setBusy(action);
    setRetry(null);
    setKeychainError(null);
    if (attempt === 0) setOutcome(null);
    const during = action === 'test' ? 'test' : 'save';
    const failWith = (error: AppErrorData) => {
      setOutcome({ kind: 'failed', during, error });
      if (
        error.code === 'THROTTLED' &&
        error.retryAfterSeconds !== undefined &&
        attempt < MAX_AUTO_RETRIES
      ) {
        setRetry({ action, seconds: Math.max(1, Math.ceil(error.retryAfterSeconds)), attempt });
      }
    };
    try {
      const input = toFormInput(form);
      const checked = await validateAccount(input);
      if (!checked.ok) return failWith(checked.error);
      if (hasErrors(checked.value)) {
        return showFieldErrors(fieldErrorTexts(t, language, {}, checked.value));
      }

      if (action === 'test') {
        const test = await testAccount(input);
        if (!test.ok) return failWith(test.error);
        if (!test.value.ok) {
          if (test.value.fieldErrors && hasErrors(test.value.fieldErrors)) {
            return showFieldErrors(fieldErrorTexts(t, language, {}, test.value.fieldErrors));
          }
          return failWith(test.value.error);
        }
        const { totalCount, requestId, clockCorrectionSeconds } = test.value;
        setOutcome({ kind: 'connected', totalCount, requestId, clockCorrectionSeconds });
        return;
      }

      // Save runs the connection test in the main process before storing: one call, whose
      // failure comes back as the error and whose success carries the library size.
      const saved = await saveAccount(input, action === 'session');
      if (!saved.ok) {
        if (isKeychainError(saved.error)) {
          setKeychainError(saved.error);
          return;
        }
        return failWith(saved.error);
      }
      // The form goes away with its secret; the status card shows what was saved.
      onSaved({
        totalCount: saved.value.totalCount,
        clockCorrectionSeconds: saved.value.clockCorrectionSeconds,
        sessionOnly: action === 'session',
      });
    } finally {
      running.current = false;
      setBusy(null);
    }
  }

  // A throttled call waits the server's Retry-After, counting down, then runs again by itself.
  useEffect(() => {
    if (retry === null) return;
    const timer = window.setTimeout(() => {
      if (retry.seconds > 1) {
        setRetry({ ...retry, seconds: retry.seconds - 1 });
      } else {
        setRetry({ ...retry, seconds: 0 });
        void run(retry.action, retry.attempt + 1);
      }
    }, 1000);
    return () => window.clearTimeout(timer);
    // run is recreated each render; the countdown only depends on the pending retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [retry]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('save');
  };

  const messagesFor = (field: AccountFormField, hint?: string) => ({
    hint,
    error: fieldErrors[field],
    note: trimmed.has(field as TrimmedField) ? t.account.trimmed : undefined,
  });
  const invalid = (field: AccountFormField) => (fieldErrors[field] ? true : undefined);

  const idMessages = messagesFor('accessKeyId');
  const secretMessages = messagesFor('accessKeySecret');
  const tokenMessages = messagesFor('securityToken', t.account.securityTokenHint);
  const endpointMessages = messagesFor('endpoint', t.account.endpointHint);
  const regionMessages = messagesFor('region');
  const isBusy = busy !== null;
  const retryingNow = isBusy && outcome?.kind === 'failed' && outcome.error.code === 'THROTTLED';
  const retryInSeconds = retry !== null ? retry.seconds : retryingNow ? 0 : null;

  return (
    <form className="account-form" noValidate onSubmit={submit} aria-busy={isBusy}>
      <Field id={ids.accessKeyId} label={t.account.accessKeyId} messages={idMessages}>
        <input
          ref={idInput}
          id={ids.accessKeyId}
          className="input input--mono"
          data-autofocus
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={values.accessKeyId}
          aria-invalid={invalid('accessKeyId')}
          aria-describedby={describedBy(ids.accessKeyId, idMessages)}
          onChange={(e) => edit('accessKeyId', e.target.value)}
          onPaste={trimOnPaste('accessKeyId')}
        />
      </Field>

      <Field
        id={ids.accessKeySecret}
        label={t.account.accessKeySecret}
        messages={secretMessages}
        action={
          <RevealToggle
            shown={showSecret}
            controls={ids.accessKeySecret}
            showLabel={t.account.showSecret}
            hideLabel={t.account.hideSecret}
            onToggle={() => setShowSecret((v) => !v)}
          />
        }
      >
        <input
          id={ids.accessKeySecret}
          className="input input--mono"
          type={showSecret ? 'text' : 'password'}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={values.accessKeySecret}
          aria-invalid={invalid('accessKeySecret')}
          aria-describedby={describedBy(ids.accessKeySecret, secretMessages)}
          onChange={(e) => edit('accessKeySecret', e.target.value)}
          onPaste={trimOnPaste('accessKeySecret')}
        />
      </Field>

      {values.useToken ? (
        <Field
          id={ids.securityToken}
          label={t.account.securityToken}
          messages={tokenMessages}
          action={
            <RevealToggle
              shown={showToken}
              controls={ids.securityToken}
              showLabel={t.account.showToken}
              hideLabel={t.account.hideToken}
              onToggle={() => setShowToken((v) => !v)}
            />
          }
        >
          <textarea
            id={ids.securityToken}
            className={
              showToken ? 'input input--mono textarea' : 'input input--mono textarea input--masked'
            }
            rows={3}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={values.securityToken}
            aria-invalid={invalid('securityToken')}
            aria-describedby={describedBy(ids.securityToken, tokenMessages)}
            onChange={(e) => edit('securityToken', e.target.value)}
            onPaste={trimOnPaste('securityToken')}
          />
          <button
            type="button"
            className="link-button field__after"
            onClick={() => {
              edit('securityToken', '');
              edit('useToken', false);
              setShowToken(false);
            }}
          >
            {t.account.removeToken}
          </button>
        </Field>
      ) : (
        <div className="field">
          <button
            type="button"
            className="link-button"
            aria-expanded={false}
            onClick={() => {
              edit('useToken', true);
              // The textarea appears on the next render; move there for the paste.
              requestAnimationFrame(() => document.getElementById(ids.securityToken)?.focus());
            }}
          >
            <PlusIcon size={14} />
            {t.account.addToken}
          </button>
          {fieldErrors.securityToken && (
            <p className="field__error" id={`${ids.securityToken}-error`}>
              {fieldErrors.securityToken}
            </p>
          )}
        </div>
      )}

      <div className="field-pair">
        <Field id={ids.region} label={t.account.region} messages={regionMessages}>
          <div className="select">
            <select
              id={ids.region}
              className="input"
              value={values.region}
              aria-invalid={invalid('region')}
              aria-describedby={describedBy(ids.region, regionMessages)}
              onChange={(e) => {
                if (isRegion(e.target.value)) edit('region', e.target.value);
              }}
            >
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {`${t.account.regions[region]} · ${region}`}
                </option>
              ))}
            </select>
          </div>
        </Field>
      </div>

      <Field
        id={ids.endpoint}
        label={t.account.endpoint}
        optional={t.account.optional}
        messages={endpointMessages}
      >
        <input
          id={ids.endpoint}
          className="input input--mono"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={regionEndpoint(values.region)}
          value={values.endpoint}
          aria-invalid={invalid('endpoint')}
          aria-describedby={describedBy(ids.endpoint, endpointMessages)}
          onChange={(e) => edit('endpoint', e.target.value)}
          onPaste={trimOnPaste('endpoint')}
        />
      </Field>

      <fieldset
        className="field signature"
        aria-describedby={fieldErrors.signatureMethod ? `${ids.signatureMethod}-error` : undefined}
      >
        <legend className="field__label">{t.account.signature}</legend>
        <div className="radio-cards" id={ids.signatureMethod}>
          {(['v3', 'v1'] as const satisfies readonly SignatureMethodId[]).map((method) => (
            <label key={method} className="radio-card">
              <input
                type="radio"
                name={`${uid}-signature`}
                value={method}
                checked={values.signatureMethod === method}
                onChange={() => edit('signatureMethod', method)}
              />
              <span className="radio-card__text">
                <span className="radio-card__title">
                  {method === 'v3' ? t.account.signatureV3 : t.account.signatureV1}
                  {method === 'v3' && <span className="pill">{t.account.recommended}</span>}
                </span>
                <span className="radio-card__hint">
                  {method === 'v3' ? t.account.signatureV3Hint : t.account.signatureV1Hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.signatureMethod && (
          <p className="field__error" id={`${ids.signatureMethod}-error`}>
            {fieldErrors.signatureMethod}
          </p>
        )}
      </fieldset>

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
          onClick={() => void run('test')}
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
            onKeepForSession={() => void run('session')}
            onRetry={() => void run('save')}
          />
        ) : (
          outcome && <ConnectionOutcome outcome={outcome} retryInSeconds={retryInSeconds} />
        )}
      </div>
    </form>
  );
}

function hasErrors(errors: AccountFieldErrors): boolean {
  return Object.values(errors).some((text) => typeof text === 'string' && text !== '');
}

function RevealToggle({
  shown,
  controls,
  showLabel,
  hideLabel,
  onToggle,
}: {
  shown: boolean;
  controls: string;
  showLabel: string;
  hideLabel: string;
  onToggle: () => void;
}) {
  const t = useAppStore(selectMessages);
  return (
    <button
      type="button"
      className="link-button reveal-toggle"
      aria-controls={controls}
      aria-pressed={shown}
      aria-label={shown ? hideLabel : showLabel}
      onClick={onToggle}
    >
      {shown ? <EyeOffIcon size={15} /> : <EyeIcon size={15} />}
      {shown ? t.account.hide : t.account.show}
    </button>
  );
}
