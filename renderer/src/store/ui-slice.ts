// What the user sees around the library: the UI language and theme, whether the details panel
// and the settings view show, and the settings file's notice. Language and theme start from the
// system's preference, then follow the app's saved settings; changing them saves them there
// (not in page storage, so Electron and every window agree).

import type { AppSettings } from '../../../shared/account';
import type { BridgeApi } from '../../../shared/ipc-contract';
import { detectLanguage, isLanguage } from '../i18n';
import type { Language } from '../i18n';
import type { SliceCreator } from './types';

export type LanguagePreference = AppSettings['language'];
export type ThemePreference = AppSettings['theme'];

export interface UiSlice {
  language: Language;
  languagePreference: LanguagePreference;
  theme: ThemePreference;
  detailsOpen: boolean;
  settingsOpen: boolean;
  /** Why the settings file was set aside at start (from the main process), until dismissed. */
  settingsNotice: string | null;
  /** Applies the saved language and theme, unless the user already chose them this session. */
  loadPreferences(browserLanguages: readonly string[]): Promise<void>;
  setLanguage(language: Language): void;
  setLanguagePreference(preference: LanguagePreference, browserLanguages: readonly string[]): void;
  setTheme(theme: ThemePreference): void;
  openSettings(): void;
  closeSettings(): void;
  dismissSettingsNotice(): void;
  /** Opens an https page in the system browser (the main process checks the address). */
  openExternal(url: string): void;
  /** Selects the item and shows it in the details panel. */
  openDetails(mediaId: string): void;
  closeDetails(): void;
}

export function createUiSlice(api: BridgeApi, initialLanguage: Language): SliceCreator<UiSlice> {
  return (set) => {
    let languageChosen = false;
    let themeChosen = false;
    return {
      language: initialLanguage,
      languagePreference: 'system',
      theme: 'system',
      detailsOpen: false,
      settingsOpen: false,
      settingsNotice: null,
      async loadPreferences(browserLanguages) {
        const result = await api.getSettings();
        if (!result.ok) return;
        const { settings, notice } = result.value;
        set({ settingsNotice: notice });
        if (!themeChosen) set({ theme: settings.theme });
        if (!languageChosen) {
          const saved = settings.language;
          set({
            languagePreference: saved,
            language: isLanguage(saved) ? saved : detectLanguage(browserLanguages),
          });
        }
      },
      setLanguage(language) {
        languageChosen = true;
        set({ language, languagePreference: language });
        // A failed save keeps the choice for this session; there is nothing useful to show.
        void api.updateSettings({ language });
      },
      setLanguagePreference(preference, browserLanguages) {
        languageChosen = true;
        set({
          languagePreference: preference,
          language: isLanguage(preference) ? preference : detectLanguage(browserLanguages),
        });
        void api.updateSettings({ language: preference });
      },
      setTheme(theme) {
        themeChosen = true;
        set({ theme });
        void api.updateSettings({ theme });
      },
      openSettings() {
        set({ settingsOpen: true });
      },
      closeSettings() {
        set({ settingsOpen: false });
      },
      dismissSettingsNotice() {
        set({ settingsNotice: null });
      },
      openExternal(url) {
        void api.openExternal({ url });
      },
      openDetails(mediaId) {
        set((s) => ({
          selectedMediaId: mediaId,
          detailsOpen: true,
          // Opening one tile selects it, unless it is already part of the selection.
          ...(s.selectedIds.includes(mediaId)
            ? {}
            : { selectedIds: [mediaId], selectionAnchor: mediaId }),
        }));
      },
      closeDetails() {
        set({ detailsOpen: false });
      },
    };
  };
}
