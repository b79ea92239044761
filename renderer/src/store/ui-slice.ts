// What the user sees around the library: the UI language and whether the details panel shows.
// The language starts from the browser's preference, then follows the app's saved setting; the
// switch saves it there (not in page storage, so Electron and every window agree).

import type { BridgeApi } from '../../../shared/ipc-contract';
import { detectLanguage, isLanguage } from '../i18n';
import type { Language } from '../i18n';
import type { SliceCreator } from './types';

export interface UiSlice {
  language: Language;
  detailsOpen: boolean;
  /** Applies the saved language, unless the user already chose one in this session. */
  loadPreferences(browserLanguages: readonly string[]): Promise<void>;
  setLanguage(language: Language): void;
  /** Selects the item and shows it in the details panel. */
  openDetails(mediaId: string): void;
  closeDetails(): void;
}

export function createUiSlice(api: BridgeApi, initialLanguage: Language): SliceCreator<UiSlice> {
  return (set) => {
    let chosenThisSession = false;
    return {
      language: initialLanguage,
      detailsOpen: false,
      async loadPreferences(browserLanguages) {
        const result = await api.getSettings();
        if (!result.ok || chosenThisSession) return;
        const saved = result.value.settings.language;
        set({ language: isLanguage(saved) ? saved : detectLanguage(browserLanguages) });
      },
      setLanguage(language) {
        chosenThisSession = true;
        set({ language });
        // A failed save keeps the choice for this session; there is nothing useful to show.
        void api.updateSettings({ language });
      },
      openDetails(mediaId) {
        set({ selectedMediaId: mediaId, detailsOpen: true });
      },
      closeDetails() {
        set({ detailsOpen: false });
      },
    };
  };
}
