import { useId, useState } from 'react';
import { errorText } from '../../i18n';
import { keychainReadProblemText } from '../../account/account-errors';
import { useAppStore } from '../../store/app-store';
import { selectMessages } from '../../store/selectors';
import { AlertIcon, ExternalIcon } from '../icons';
import { AccountForm } from './AccountForm';
import { AccountStatusCard } from './AccountStatusCard';
import type { SavedOutcome } from './outcome';
import './AccountSection.css';

/** The RAM console page where AccessKeys are created. */
const ACCESS_KEY_CONSOLE = 'https://ram.console.aliyun.com/manage/ak';

export function AccountSection() {
  const t = useAppStore(selectMessages);
  const account = useAppStore((s) => s.account);
  const accountError = useAppStore((s) => s.accountError);
  const openExternal = useAppStore((s) => s.openExternal);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SavedOutcome | null>(null);
  const headingId = useId();
  const configured = account?.configured === true;

  // When the key goes away (removed here, or elsewhere), so do the edit and the saved note.
  const [wasConfigured, setWasConfigured] = useState(configured);
  if (wasConfigured !== configured) {
    setWasConfigured(configured);
    if (!configured) {
      setEditing(false);
      setSaved(null);
    }
  }

  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <div className="settings__section-head">
        <h3 className="settings__section-title" id={headingId}>
          {t.settings.accountHeading}
        </h3>
        {!configured && (
          <button
            type="button"
            className="link-button"
            onClick={() => openExternal(ACCESS_KEY_CONSOLE)}
          >
            {t.settings.findKey}
            <ExternalIcon size={13} />
          </button>
        )}
      </div>
      {!configured && <p className="settings__intro">{t.settings.accountIntro}</p>}

      {account?.keychainProblem && (
        <p className="note note--warning" role="status" data-testid="keychain-read-problem">
          <AlertIcon size={16} />
          <span>{keychainReadProblemText(t, account.keychainProblem)}</span>
        </p>
      )}
      {account === null && accountError && (
        <p className="note note--warning" role="alert">
          <AlertIcon size={16} />
          <span>{errorText(t, accountError)}</span>
        </p>
      )}

      {account !== null && configured && (
        <AccountStatusCard
          status={account}
          saved={saved}
          editing={editing}
          onReplace={() => {
            setSaved(null);
            setEditing(true);
          }}
        />
      )}
      {account !== null && (!configured || editing) && (
        <AccountForm
          key={configured ? 'replace' : 'add'}
          status={account}
          // Replace, or the form after Remove, takes focus. (Before the sheet has opened this
          // does nothing; the sheet then focuses the same field itself.)
          focusOnMount
          onSaved={(outcome) => {
            setSaved(outcome);
            setEditing(false);
          }}
          {...(configured ? { onCancel: () => setEditing(false) } : {})}
        />
      )}
    </section>
  );
}
