import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, storedLanguage } from './components/App';
import { BridgeMissing } from './components/BridgeMissing';
import { MESSAGES, detectLanguage, isLanguage } from './i18n';
import type { Language } from './i18n';
import { StoreContext, createAppStore } from './store/app-store';
import './styles/tokens.css';
import './styles/base.css';

function initialLanguage(): Language {
  const saved = storedLanguage();
  if (isLanguage(saved)) return saved;
  return detectLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);
const language = initialLanguage();
const api = window.iceApi;

if (api) {
  const store = createAppStore(api, language);
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  );
} else {
  document.documentElement.lang = language;
  root.render(<BridgeMissing messages={MESSAGES[language]} />);
}
