import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountFieldErrors, AccountStatus } from '../../../../../shared/account';
import type { AppErrorData } from '../../../../../shared/errors';
import { isKeychainError } from '../../../account/account-errors';
import {
  checkAccountForm,
  fieldErrorTexts,
  toFormInput,
  trimValues,
} from '../../../account/account-form';
import { useAppStore } from '../../../store/app-store';
import { selectLanguage, selectMessages } from '../../../store/selectors';
import type { FormAction, FormOutcome, SavedOutcome } from '../outcome';
import { useAccountFields } from './useAccountFields';
import type { FieldTexts } from './useAccountFields';

/** A throttled Test or Save retries by itself this many times, after the server's wait. */
const MAX_AUTO_RETRIES = 3;

interface PendingRetry {
  action: FormAction;
  seconds: number;
  attempt: number;
}

/**
 * The account form's fields and what Test, Save and "keep for this session" do with them:
 * check locally, validate and test in the main process, save, and retry by itself after
 * throttling. The secret and token live only in this state and go to the bridge inside the
 * validate/test/save requests.
 */
export function useAccountFormSubmit({
  status,
  onSaved,
}: {
  status: AccountStatus | null;
  onSaved: (outcome: SavedOutcome) => void;
}) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const validateAccount = useAppStore((s) => s.validateAccount);
  const testAccount = useAppStore((s) => s.testAccount);
  const saveAccount = useAppStore((s) => s.saveAccount);

  const [busy, setBusy] = useState<FormAction | null>(null);
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  const [keychainError, setKeychainError] = useState<AppErrorData | null>(null);
  const [retry, setRetry] = useState<PendingRetry | null>(null);
  const running = useRef(false);
  // Any edit stops a pending automatic retry: the next attempt is the user's.
  const fields = useAccountFields(status, () => setRetry(null));

  const showFieldErrors = (texts: FieldTexts) => {
    fields.showErrors(texts);
    setOutcome({ kind: 'fields' });
  };

  async function run(action: FormAction, attempt = 0): Promise<void> {
    if (running.current) return;
    const cleaned = trimValues(fields.values);
    const form = cleaned.values;
    fields.replaceTrimmed(form, cleaned.trimmed);
    const local = checkAccountForm(form);
    if (Object.keys(local).length > 0) {
      setRetry(null);
      showFieldErrors(fieldErrorTexts(t, language, local, {}));
      return;
    }

    fields.clearErrors();
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

  const retryingNow =
    busy !== null && outcome?.kind === 'failed' && outcome.error.code === 'THROTTLED';
  return {
    fields,
    busy,
    outcome,
    keychainError,
    /** Seconds until the automatic retry (0: retrying now), or null when none is pending. */
    retryInSeconds: retry !== null ? retry.seconds : retryingNow ? 0 : null,
    run: (action: FormAction) => void run(action),
    submit,
  };
}

function hasErrors(errors: AccountFieldErrors): boolean {
  return Object.values(errors).some((text) => typeof text === 'string' && text !== '');
}
