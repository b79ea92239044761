import { describe, expect, it } from 'vitest';
import {
  accountErrorText,
  clockOffsetMinutes,
  isKeychainError,
  keychainReadProblemText,
} from '../../renderer/src/account/account-errors';
import { MESSAGES } from '../../renderer/src/i18n';
import { resolveTheme } from '../../renderer/src/theme';

const en = MESSAGES.en;

describe('connection test words', () => {
  it('names the clock offset the main process measured', () => {
    const error = {
      code: 'AUTH_CLOCK_SKEW' as const,
      message: "Your computer's clock is off by 17 minutes (behind the server). Set it…",
      clockOffsetSeconds: 17 * 60 - 8,
    };
    expect(clockOffsetMinutes(error)).toBe(17);
    expect(accountErrorText(en, error)).toBe(en.account.outcome.clockOff(17));
    expect(accountErrorText(MESSAGES['zh-CN'], error)).toContain('17 分钟');
  });

  it('falls back to general clock words when no offset was measured', () => {
    // The message's words are not parsed: only the measured field counts.
    const error = { code: 'AUTH_CLOCK_SKEW' as const, message: 'clock is off by 17 minutes' };
    expect(clockOffsetMinutes(error)).toBeNull();
    expect(accountErrorText(en, error)).toBe(en.account.errors.AUTH_CLOCK_SKEW);
  });

  it('uses the account words where they exist, and the library words otherwise', () => {
    expect(accountErrorText(en, { code: 'AUTH_SIGNATURE_MISMATCH', message: 'x' })).toMatch(
      /^The secret does not match/,
    );
    expect(accountErrorText(en, { code: 'AUTH_INVALID_KEY', message: 'x' })).toMatch(
      /^This AccessKey ID does not exist/,
    );
    expect(accountErrorText(en, { code: 'DISK_FULL', message: 'x' })).toBe(en.errors.DISK_FULL);
    // A clock offset only counts for the clock code.
    expect(
      clockOffsetMinutes({ code: 'NETWORK', message: 'off by 3 minutes', clockOffsetSeconds: 180 }),
    ).toBeNull();
  });

  it('tells keychain failures apart, for the status card too', () => {
    expect(isKeychainError({ code: 'KEYCHAIN_LOCKED', message: '' })).toBe(true);
    expect(isKeychainError({ code: 'KEYCHAIN_UNAVAILABLE', message: '' })).toBe(true);
    expect(isKeychainError({ code: 'INTERNAL', message: '' })).toBe(false);
    expect(keychainReadProblemText(en, { code: 'KEYCHAIN_LOCKED', message: '' })).toBe(
      en.account.keychain.readProblemLocked,
    );
    expect(keychainReadProblemText(en, { code: 'INTERNAL', message: '' })).toBe(
      en.account.keychain.readProblemOther,
    );
  });
});

describe('theme', () => {
  it('follows the system for "system", and the choice otherwise', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
