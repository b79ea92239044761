import type { Messages } from '../i18n';
import { AlertIcon } from './icons';
import './StatusViews.css'; // the status-view block it shares with ErrorState and EmptyState
import './BridgeMissing.css';

/** Shown instead of the app when no bridge was injected: nothing else could work. */
export function BridgeMissing({ messages }: { messages: Messages }) {
  return (
    <div className="status-view status-view--error status-view--page" role="alert">
      <span className="status-view__icon">
        <AlertIcon size={26} />
      </span>
      <h1 className="status-view__title">{messages.bridgeMissing.title}</h1>
      <p className="status-view__text">{messages.bridgeMissing.body}</p>
    </div>
  );
}
