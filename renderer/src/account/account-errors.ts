// Words for what the connection test and the keychain report, in the settings view's context.

import { isErrorCode } from '../../../shared/errors';
import type { AppErrorData } from '../../../shared/errors';
import { errorText } from '../i18n';
import type { Messages } from '../i18n';

/** Whole minutes, at least 1, of a clock offset given in seconds (either sign). */
export function offsetMinutes(seconds: number): number {
  return Math.max(1, Math.round(Math.abs(seconds) / 60));
}

/** The clock offset the main process measured, in whole minutes; null when not measured. */
export function clockOffsetMinutes(error: AppErrorData): number | null {
  if (error.code !== 'AUTH_CLOCK_SKEW' || error.clockOffsetSeconds === undefined) return null;
  return offsetMinutes(error.clockOffsetSeconds);
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
