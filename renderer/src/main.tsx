import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { browserLanguages } from './platform';
import { BridgeMissing } from './components/BridgeMissing';
import { MESSAGES, detectLanguage } from './i18n';
import { StoreContext, createAppStore } from './store/app-store';
import { applyTheme } from './theme';
import './styles/tokens.css';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);
// The browser's preference until the saved setting arrives (a moment later, over the bridge).
const language = detectLanguage(browserLanguages());
const api = window.iceApi;
// The system's theme until the saved one arrives, so the first paint is already right for most.
applyTheme('system');

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
