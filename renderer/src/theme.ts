// Applies the theme preference to the page: html[data-theme] selects the token set in
// tokens.css. "system" follows the operating system's light/dark setting, live.

import { useEffect } from 'react';
import type { ThemePreference } from './store/ui-slice';

export type AppliedTheme = 'dark' | 'light';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(
  preference: ThemePreference,
  systemPrefersDark: boolean,
): AppliedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export function applyTheme(preference: ThemePreference): void {
  const dark = window.matchMedia(DARK_QUERY).matches;
  document.documentElement.dataset.theme = resolveTheme(preference, dark);
}

/** Keeps html[data-theme] in step with the preference and, for "system", with the OS. */
export function useAppliedTheme(preference: ThemePreference): void {
  useEffect(() => {
    applyTheme(preference);
    if (preference !== 'system') return;
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [preference]);
}
