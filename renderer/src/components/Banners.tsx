import { errorText } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { AlertIcon, CloseIcon, InfoIcon } from './icons';
import './Banners.css';

/** Messages about the app rather than the media: the reset settings file, a failed switch. */
export function Banners() {
  const t = useAppStore(selectMessages);
  const notice = useAppStore((s) => s.settingsNotice);
  const dismissNotice = useAppStore((s) => s.dismissSettingsNotice);
  const switchError = useAppStore((s) => s.switchError);
  const dismissSwitchError = useAppStore((s) => s.dismissSwitchError);
  const openSettings = useAppStore((s) => s.openSettings);
  if (notice === null && switchError === null) return null;

  return (
    <div className="banners">
      {notice !== null && (
        <div className="banner banner--info" role="status" data-testid="settings-notice">
          <InfoIcon size={18} />
          <div className="banner__text">
            <p className="banner__title">{t.notice.settingsReset}</p>
            <p className="banner__detail">{notice}</p>
          </div>
          <button
            type="button"
            className="icon-button banner__dismiss"
            aria-label={t.notice.dismiss}
            title={t.notice.dismiss}
            onClick={dismissNotice}
          >
            <CloseIcon size={16} />
          </button>
        </div>
      )}
      {switchError !== null && (
        <div className="banner banner--error" role="alert" data-testid="switch-error">
          <AlertIcon size={18} />
          <div className="banner__text">
            <p className="banner__title">
              {t.header.switchFailed(t.header.sources[switchError.kind])}
            </p>
            <p className="banner__detail">{errorText(t, switchError.error)}</p>
          </div>
          {switchError.error.code.startsWith('AUTH_') && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                dismissSwitchError();
                openSettings();
              }}
            >
              {t.library.openSettings}
            </button>
          )}
          <button
            type="button"
            className="icon-button banner__dismiss"
            aria-label={t.notice.dismiss}
            title={t.notice.dismiss}
            onClick={dismissSwitchError}
          >
            <CloseIcon size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
