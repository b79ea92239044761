import type { Ref } from 'react';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field, describedBy } from '../Field';
import type { FieldControl } from './useAccountFields';

/** The AccessKey ID: plain text, the field the form focuses first. */
export function AccessKeyIdField({
  control,
  inputRef,
}: {
  control: FieldControl<string>;
  inputRef: Ref<HTMLInputElement>;
}) {
  const t = useAppStore(selectMessages);
  const { id, messages } = control;
  return (
    <Field id={id} label={t.account.accessKeyId} messages={messages}>
      <input
        ref={inputRef}
        id={id}
        className="input input--mono"
        data-autofocus
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={control.value}
        aria-invalid={control.invalid}
        aria-describedby={describedBy(id, messages)}
        onChange={(e) => control.onChange(e.target.value)}
        onPaste={control.onPaste}
      />
    </Field>
  );
}
