import { errorText } from '../i18n';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { AlertIcon, InfoIcon } from './icons';
import { CloseButton } from './CloseButton';
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
          <CloseButton
            label={t.notice.dismiss}
            onClick={dismissNotice}
            className="banner__dismiss"
            size={16}
          />
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
          <CloseButton
            label={t.notice.dismiss}
            onClick={dismissSwitchError}
            className="banner__dismiss"
            size={16}
          />
        </div>
      )}
    </div>
  );
}
