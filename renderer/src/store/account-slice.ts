// The account as the renderer may know it: configured or not, the masked id, region, endpoint
// and where the key is kept. The AccessKey secret and STS token never enter the store: the
// settings form keeps them in its own state and passes them straight to the bridge through
// the calls below, which return only what the main process answers.

import type {
  AccountFieldErrors,
  AccountFormInput,
  AccountSaveResult,
  AccountStatus,
  ConnectionTestResult,
} from '../../../shared/account';
import type { AppErrorData, Result } from '../../../shared/errors';
import type { BridgeApi } from '../../../shared/ipc-contract';
import type { SliceCreator } from './types';

export interface AccountSlice {
  /** Null until the first answer. */
  account: AccountStatus | null;
  accountError: AppErrorData | null;
  /** Loads the status and follows onAccountChanged; returns a function that stops listening. */
  startAccount(): () => void;
  refreshAccount(): Promise<void>;
  /** Field errors (empty when valid); nothing is called or stored. */
  validateAccount(form: AccountFormInput): Promise<Result<AccountFieldErrors>>;
  /** One small list call with the form's settings. */
  testAccount(form: AccountFormInput): Promise<Result<ConnectionTestResult>>;
  /** Tests, stores (keychain, or memory when sessionOnly) and switches the library to it. */
  saveAccount(form: AccountFormInput, sessionOnly: boolean): Promise<Result<AccountSaveResult>>;
  removeAccount(): Promise<Result<AccountStatus>>;
}

export function createAccountSlice(api: BridgeApi): SliceCreator<AccountSlice> {
  return (set, get) => {
    const applyStatus = (status: AccountStatus): void =>
      set({ account: status, accountError: null });

    return {
      account: null,
      accountError: null,

      startAccount() {
        void get().refreshAccount();
        return api.onAccountChanged(applyStatus);
      },

      async refreshAccount() {
        const result = await api.getAccountStatus();
        if (result.ok) applyStatus(result.value);
        else set({ accountError: result.error });
      },

      validateAccount(form) {
        return api.validateAccount(form);
      },

      testAccount(form) {
        return api.testAccount(form);
      },

      async saveAccount(form, sessionOnly) {
        const result = await api.saveAccount(sessionOnly ? { form, sessionOnly } : { form });
        if (result.ok) applyStatus(result.value.status);
        return result;
      },

      async removeAccount() {
        const result = await api.clearAccount();
        if (result.ok) {
          applyStatus(result.value);
          return result;
        }
        // A failure may still have removed part of it (the session copy, before the keychain
        // refused): show what is left, and stop browsing with a key that is no longer there.
        await get().refreshAccount();
        if (get().account?.configured === false && get().source?.kind === 'account') {
          await get().switchSource('demo');
        }
        return result;
      },
    };
  };
}
