import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { PlusIcon } from '../../icons';
import { Field, describedBy } from '../Field';
import { RevealToggle } from './RevealToggle';
import type { FieldControl } from './useAccountFields';

/**
 * The optional STS token: a link that adds it, then a masked text area with Show/Hide and a
 * link that removes it again.
 */
export function SecurityTokenField({
  control,
  used,
  onUse,
}: {
  control: FieldControl<string>;
  used: boolean;
  /** Adds (true) or removes (false) the token; removing also empties it. */
  onUse: (used: boolean) => void;
}) {
  const t = useAppStore(selectMessages);
  const [shown, setShown] = useState(false);
  const { id, messages } = control;

  if (!used) {
    return (
      <div className="field">
        <button
          type="button"
          className="link-button"
          aria-expanded={false}
          onClick={() => {
            onUse(true);
            // The textarea appears on the next render; move there for the paste.
            requestAnimationFrame(() => document.getElementById(id)?.focus());
          }}
        >
          <PlusIcon size={14} />
          {t.account.addToken}
        </button>
        {messages.error && (
          <p className="field__error" id={`${id}-error`}>
            {messages.error}
          </p>
        )}
      </div>
    );
  }
  return (
    <Field
      id={id}
      label={t.account.securityToken}
      messages={messages}
      action={
        <RevealToggle
          shown={shown}
          controls={id}
          showLabel={t.account.showToken}
          hideLabel={t.account.hideToken}
          onToggle={() => setShown((v) => !v)}
        />
      }
    >
      <textarea
        id={id}
        className={
          shown ? 'input input--mono textarea' : 'input input--mono textarea input--masked'
        }
        rows={3}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={control.value}
        aria-invalid={control.invalid}
        aria-describedby={describedBy(id, messages)}
        onChange={(e) => control.onChange(e.target.value)}
        onPaste={control.onPaste}
      />
      <button
        type="button"
        className="link-button field__after"
        onClick={() => {
          onUse(false);
          setShown(false);
        }}
      >
        {t.account.removeToken}
      </button>
    </Field>
  );
}
