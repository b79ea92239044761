// A brief status line after an action such as Copy MediaId; read out by screen readers.

import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import './MediaOutNotice.css';

const SHOWN_MS = 2200;

export function MediaOutNotice() {
  const notice = useAppStore((s) => s.mediaOutNotice);
  const show = useAppStore((s) => s.showMediaOutNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => show(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice, show]);
  return (
    <div className="media-out-notice" role="status" aria-live="polite">
      {notice && <span className="media-out-notice__text">{notice.text}</span>}
    </div>
  );
}
