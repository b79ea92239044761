import { LANGUAGES, MESSAGES } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages } from '../store/selectors';
import { isApplePlatform } from '../platform';
import { BrandMark } from './BrandMark';
import { GearIcon } from './icons';
import { SourceSwitcher } from './SourceSwitcher';
import { DownloadsButton } from './media-out/DownloadsPopover';
import './Segmented.css';
import './Header.css';

export const SETTINGS_BUTTON_ID = 'open-settings';

export function Header() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const openSettings = useAppStore((s) => s.openSettings);
  const settingsOpen = useAppStore((s) => s.settingsOpen);
  const online = useAppStore((s) => s.online);
  const shortcut = isApplePlatform() ? '⌘,' : 'Ctrl+,';

  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        <span className="brand__name">{t.appName}</span>
      </div>
      <div className="app-header__end">
        {/* One calm note for the whole window instead of an error on every tile. */}
        <span className="offline-note" role="status" data-testid="offline-note">
          {!online && (
            <span className="offline-note__pill" title={t.cache.offlineHint}>
              <span className="offline-note__dot" aria-hidden="true" />
              {t.cache.offline}
              <span className="visually-hidden">. {t.cache.offlineHint}</span>
            </span>
          )}
        </span>
        <SourceSwitcher />
        <DownloadsButton />
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
        <button
          type="button"
          id={SETTINGS_BUTTON_ID}
          className="icon-button app-header__settings"
          aria-label={t.header.settings}
          aria-haspopup="dialog"
          aria-expanded={settingsOpen}
          aria-keyshortcuts={isApplePlatform() ? 'Meta+Comma' : 'Control+Comma'}
          title={`${t.header.settings} (${shortcut})`}
          onClick={openSettings}
        >
          <GearIcon size={18} />
        </button>
      </div>
    </header>
  );
}
