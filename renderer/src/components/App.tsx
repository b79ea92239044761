import { useContext, useEffect } from 'react';
import { StoreContext, useAppStore } from '../store/app-store';
import { selectDetailsOpen, selectLanguage } from '../store/selectors';
import { DETAILS_PANEL_ID, DetailsPanel } from './DetailsPanel';
import { Header } from './Header';
import { LibraryView } from './LibraryView';
import { Sidebar } from './Sidebar';
import './App.css';

export function App() {
  const store = useContext(StoreContext);
  const language = useAppStore(selectLanguage);
  const detailsOpen = useAppStore(selectDetailsOpen);

  useEffect(() => {
    if (!store) return;
    void store.getState().loadPreferences(browserLanguages());
    return store.getState().startLibrary();
  }, [store]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    if (!store) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !store.getState().detailsOpen) return;
      event.preventDefault();
      const focused = document.activeElement;
      const focusWasInPanel =
        focused === null ||
        focused === document.body ||
        document.getElementById(DETAILS_PANEL_ID)?.contains(focused) === true;
      store.getState().closeDetails();
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
    <div className={detailsOpen ? 'app app--details-open' : 'app'}>
      <Header />
      <Sidebar />
      <LibraryView />
      <DetailsPanel />
    </div>
  );
}

export function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
