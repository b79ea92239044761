// Shown while several tiles are selected: how many, and what can be done with all of them.

import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { CloseIcon, CopyIcon, DownloadIcon } from '../icons';
import { useMediaOut } from './use-media-out';
import './SelectionBar.css';

export function SelectionBar() {
  const t = useAppStore(selectMessages);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const clear = useAppStore((s) => s.clearSelection);
  const { run } = useMediaOut();
  if (selectedIds.length < 2) return null;
  const first = selectedIds[0]!;
  return (
    <div className="selection-bar" role="toolbar" aria-label={t.mediaOut.selectionBar}>
      <span className="selection-bar__count" data-testid="selection-count">
        {t.mediaOut.selected(selectedIds.length)}
      </span>
      <button
        type="button"
        className="button button--primary button--small"
        aria-keyshortcuts="Control+S Meta+S"
        title={`${t.mediaOut.download} (${t.mediaOut.shortcuts.download})`}
        onClick={() => void run('download', selectedIds, first)}
      >
        <DownloadIcon size={14} />
        {t.mediaOut.download}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => void run('copy-id', selectedIds, first)}
      >
        <CopyIcon size={14} />
        {t.mediaOut.copyMediaIds}
      </button>
      <button type="button" className="button button--small" onClick={clear}>
        <CloseIcon size={14} />
        {t.mediaOut.clearSelection}
      </button>
    </div>
  );
}
