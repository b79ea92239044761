import type { Language } from '../i18n';
import type { SliceCreator } from './types';

export interface UiSlice {
  language: Language;
  detailsOpen: boolean;
  setLanguage(language: Language): void;
  /** Selects the item and shows it in the details panel. */
  openDetails(mediaId: string): void;
  closeDetails(): void;
}

export function createUiSlice(initialLanguage: Language): SliceCreator<UiSlice> {
  return (set) => ({
    language: initialLanguage,
    detailsOpen: false,
    setLanguage(language) {
      set({ language });
    },
    openDetails(mediaId) {
      set({ selectedMediaId: mediaId, detailsOpen: true });
    },
    closeDetails() {
      set({ detailsOpen: false });
    },
  });
}
