import { useEffect, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, SyntheticEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { SETTINGS_BUTTON_ID } from '../Header';
import { CloseButton } from '../CloseButton';
import { AccountSection } from './AccountSection';
import { AppearanceSection } from './AppearanceSection';
import { DownloadsSection } from './DownloadsSection';
import { FavouritesSection } from './FavouritesSection';
import { StorageSection } from './StorageSection';
import './SettingsSheet.css';

export const SETTINGS_DIALOG_ID = 'settings-dialog';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The settings view: a modal side sheet (native <dialog>, so the app behind is inert). */
export function SettingsSheet() {
  const open = useAppStore((s) => s.settingsOpen);
  return open ? <SettingsDialog /> : null;
}

function SettingsDialog() {
  const t = useAppStore(selectMessages);
  const close = useAppStore((s) => s.closeSettings);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
    (first ?? dialog.querySelector<HTMLElement>('.settings__close'))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to where the user came from; the gear when that was the keyboard shortcut.
      const back =
        opener && opener !== document.body && opener.isConnected
          ? opener
          : document.getElementById(SETTINGS_BUTTON_ID);
      back?.focus();
    };
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Inner parts (the remove confirmation) handle their own Escape first.
      if (event.defaultPrevented) return;
      event.preventDefault();
      close();
      return;
    }
    if (event.key === 'Tab') trapTab(event);
  };

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    // The browser's own Escape handling: keep React in charge of closing.
    event.preventDefault();
    close();
  };

  return (
    <dialog
      ref={ref}
      id={SETTINGS_DIALOG_ID}
      className="settings"
      aria-labelledby="settings-title"
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <div className="settings__header">
        <h2 className="settings__title" id="settings-title">
          {t.settings.title}
        </h2>
        <CloseButton label={t.settings.close} onClick={close} className="settings__close" />
      </div>
      <div className="settings__body">
        <AccountSection />
        <FavouritesSection />
        <AppearanceSection />
        <DownloadsSection />
        <StorageSection />
      </div>
    </dialog>
  );
}

/** Keeps Tab and Shift+Tab cycling inside the sheet (there is no browser chrome in Electron). */
function trapTab(event: ReactKeyboardEvent<HTMLDialogElement>): void {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      (el.offsetParent !== null || el === document.activeElement) &&
      // A radio group is one tab stop: its checked radio.
      !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
