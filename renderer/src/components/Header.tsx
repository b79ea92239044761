import { LANGUAGES, MESSAGES } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages, selectSource } from '../store/selectors';
import { BrandMark } from './BrandMark';
import { DatabaseIcon } from './icons';
import './Header.css';

export function Header() {
  const t = useAppStore(selectMessages);
  const source = useAppStore(selectSource);
  const language = useAppStore(selectLanguage);
  const setLanguage = useAppStore((s) => s.setLanguage);

  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        <span className="brand__name">{t.appName}</span>
      </div>
      <div className="app-header__end">
        {source ? (
          <span
            className={`source-badge source-badge--${source.kind}`}
            title={t.header.sourceEndpoint(source.endpoint)}
            data-testid="library-source"
          >
            <DatabaseIcon size={14} />
            {t.header.sources[source.kind]}
          </span>
        ) : (
          <span className="source-badge source-badge--pending">{t.header.sourceLoading}</span>
        )}
        <div className="segmented" role="group" aria-label={t.header.languageSwitch}>
          {LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              className="segmented__option"
              aria-pressed={lang === language}
              onClick={() => setLanguage(lang)}
            >
              {MESSAGES[lang].languageName}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
