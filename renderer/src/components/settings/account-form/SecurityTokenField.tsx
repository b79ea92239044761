import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { PlusIcon } from '../../icons';
import { describedBy } from '../Field';
import { RevealableField } from './RevealableField';
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
    <RevealableField
      control={control}
      label={t.account.securityToken}
      showLabel={t.account.showToken}
      hideLabel={t.account.hideToken}
    >
      {(shown) => (
        <>
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
            // Removing unmounts this field, so a token added again starts masked.
            onClick={() => onUse(false)}
          >
            {t.account.removeToken}
          </button>
        </>
      )}
    </RevealableField>
  );
}
