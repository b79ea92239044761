// Words for what the connection test and the keychain report, in the settings view's context.

import { isErrorCode } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import { errorText } from '../i18n';
import type { Messages } from '../i18n';

/**
 * The clock offset the main process measured, in whole minutes. It travels only inside the
 * message ("…off by 17 minutes…"), so it is read from there; null when not stated.
 */
export function clockOffsetMinutes(error: AppErrorData): number | null {
  if (error.code !== 'AUTH_CLOCK_SKEW') return null;
  const match = /off by (\d+) minute/.exec(error.message);
  return match ? Number(match[1]) : null;
}

/** The sentence for a failed connection test or save. */
export function accountErrorText(messages: Messages, error: AppErrorData): string {
  const minutes = clockOffsetMinutes(error);
  if (minutes !== null) return messages.account.outcome.clockOff(minutes);
  const specific = isErrorCode(error.code) ? messages.account.errors[error.code] : undefined;
  return specific ?? errorText(messages, error);
}

export function isKeychainError(error: AppErrorData): boolean {
  return error.code === 'KEYCHAIN_UNAVAILABLE' || error.code === 'KEYCHAIN_LOCKED';
}

/** Why a saved AccessKey could not be read, for the status card. */
export function keychainReadProblemText(messages: Messages, problem: AppErrorData): string {
  if (problem.code === 'KEYCHAIN_LOCKED') return messages.account.keychain.readProblemLocked;
  if (problem.code === 'KEYCHAIN_UNAVAILABLE') {
    return messages.account.keychain.readProblemUnavailable;
  }
  return messages.account.keychain.readProblemOther;
}
