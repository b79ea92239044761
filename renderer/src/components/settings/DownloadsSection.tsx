// The download folder: where Download saves files (default: the OS Downloads folder plus the
// app's subfolder), changed with the system's folder picker.

import { useId } from 'react';
import { errorText } from '../../i18n';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { FolderIcon } from '../icons';
import './DownloadsSection.css';

export function DownloadsSection() {
  const t = useAppStore(selectMessages);
  const downloads = useAppStore((s) => s.downloads);
  const error = useAppStore((s) => s.downloadsError);
  const choose = useAppStore((s) => s.chooseDownloadFolder);
  const useDefault = useAppStore((s) => s.useDefaultDownloadFolder);
  const headingId = useId();
  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 className="settings__section-title" id={headingId}>
        {t.mediaOut.folderHeading}
      </h3>
      <p className="settings__hint">{t.mediaOut.folderHint}</p>
      <div className="download-folder">
        <FolderIcon size={16} />
        <code className="download-folder__path" data-testid="download-folder">
          {downloads?.folder ?? '…'}
        </code>
        {downloads?.folderIsDefault && <span className="badge">{t.mediaOut.folderDefault}</span>}
        <button type="button" className="button button--small" onClick={() => void choose()}>
          {t.mediaOut.changeFolder}
        </button>
        {downloads && !downloads.folderIsDefault && (
          <button type="button" className="button button--small" onClick={useDefault}>
            {t.mediaOut.useDefaultFolder}
          </button>
        )}
      </div>
      {error && (
        <p className="settings__error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
