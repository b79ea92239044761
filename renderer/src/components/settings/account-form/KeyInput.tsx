import type { InputHTMLAttributes, Ref } from 'react';
import { describedBy } from '../Field';
import type { FieldControl } from './useAccountFields';

/**
 * A one-line text input for keys and addresses: monospace, never autocompleted, capitalised or
 * spell-checked, wired to its field's control and words.
 */
export function KeyInput({
  control,
  inputRef,
  ...rest
}: {
  control: FieldControl<string>;
  inputRef?: Ref<HTMLInputElement>;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder'>) {
  return (
    <input
      ref={inputRef}
      id={control.id}
      className="input input--mono"
      type="text"
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      {...rest}
      value={control.value}
      aria-invalid={control.invalid}
      aria-describedby={describedBy(control.id, control.messages)}
      onChange={(e) => control.onChange(e.target.value)}
      onPaste={control.onPaste}
    />
  );
}
