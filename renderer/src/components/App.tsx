import { useContext, useEffect } from 'react';
import type { CSSProperties } from 'react';
import { MESSAGES } from '../i18n';
import { browserLanguages } from '../platform';
import { StoreContext, useAppStore } from '../store/app-store';
import { selectDetailsOpen, selectLanguage } from '../store/selectors';
import { useAppliedTheme } from '../theme';
import { DETAILS_PANEL_ID, DetailsPanel } from './DetailsPanel';
import { Header } from './Header';
import { LibraryView } from './LibraryView';
import { PlayerBar } from './PlayerBar';
import { QuickLook } from './QuickLook';
import { SettingsSheet } from './settings/SettingsSheet';
import { Sidebar } from './Sidebar';
import { ContextMenu } from './media-out/ContextMenu';
import { MediaOutNotice } from './media-out/MediaOutNotice';
import { runMediaAction } from '../media/media-actions';
import { selectMessages } from '../store/selectors';
import './App.css';

export function App() {
  const store = useContext(StoreContext);
  const language = useAppStore(selectLanguage);
  const detailsOpen = useAppStore(selectDetailsOpen);
  const theme = useAppStore((s) => s.theme);
  const sidebarCollapsed = useAppStore((s) => s.sidebarCollapsed);
  const detailsWidth = useAppStore((s) => s.detailsWidth);
  useAppliedTheme(theme);

  useEffect(() => {
    if (!store) return;
    void store.getState().loadPreferences(browserLanguages());
    const stopLibrary = store.getState().startLibrary();
    const stopAccount = store.getState().startAccount();
    const stopMediaCache = store.getState().startMediaCache();
    const stopMediaOut = store.getState().startMediaOut();
    const stopCatalogue = store.getState().startCatalogue();
    const stopFavouriteSync = store.getState().startFavouriteSync();
    return () => {
      stopLibrary();
      stopAccount();
      stopMediaCache();
      stopMediaOut();
      stopCatalogue();
      stopFavouriteSync();
    };
  }, [store]);

  // The selected item's file is fetched ahead of a drag (any size); the rest of a multiple
  // selection only when small (the hover limit), so a large selection does not flood the disk.
  const selectedMediaId = useAppStore((s) => s.selectedMediaId);
  const selectedIds = useAppStore((s) => s.selectedIds);
  useEffect(() => {
    if (!store || selectedMediaId === null) return;
    const state = store.getState();
    state.prepareLocal([selectedMediaId], 'selection');
    const others = selectedIds.filter((id) => id !== selectedMediaId).slice(0, 50);
    if (others.length > 0) state.prepareLocal(others, 'hover');
  }, [store, selectedMediaId, selectedIds]);

  const t = useAppStore(selectMessages);
  useEffect(() => {
    if (!store) return;
    // Ctrl/⌘+S downloads the selection (or the item in the details panel); with Shift, Save to….
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's')
        return;
      event.preventDefault();
      const state = store.getState();
      if (state.settingsOpen) return;
      const ids =
        state.selectedIds.length > 0
          ? state.selectedIds
          : state.selectedMediaId !== null
            ? [state.selectedMediaId]
            : [];
      const first = ids[0];
      if (first === undefined) return;
      void runMediaAction(store, event.shiftKey ? 'save-to' : 'download', ids, first, t);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, t]);

  useEffect(() => {
    document.documentElement.lang = language;
    // The window title (Electron shows the page's) in the UI language.
    document.title = MESSAGES[language].catalogue.windowTitle;
  }, [language]);

  useEffect(() => {
    if (!store) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+, (⌘, on macOS) opens Settings, as in most desktop apps.
      if (event.key === ',' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        store.getState().openSettings();
        return;
      }
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const state = store.getState();
      if (state.settingsOpen || !state.detailsOpen) return;
      event.preventDefault();
      const focused = document.activeElement;
      const focusWasInPanel =
        focused === null ||
        focused === document.body ||
        document.getElementById(DETAILS_PANEL_ID)?.contains(focused) === true;
      state.closeDetails();
      if (focusWasInPanel) {
        // Back to where the user was browsing: the grid's current tab stop.
        requestAnimationFrame(() => {
          document.querySelector<HTMLElement>('.media-grid [tabindex="0"]')?.focus();
        });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  return (
    <div
      className={`app${detailsOpen ? ' app--details-open' : ''}${sidebarCollapsed ? ' app--sidebar-collapsed' : ''}`}
      style={
        detailsWidth === null
          ? undefined
          : ({ '--details-width': `${detailsWidth}px` } as CSSProperties)
      }
    >
      <Header />
      <Sidebar />
      <LibraryView />
      <DetailsPanel />
      <PlayerBar />
      <QuickLook />
      <SettingsSheet />
      <ContextMenu />
      <MediaOutNotice />
    </div>
  );
}
