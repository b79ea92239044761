import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field, describedBy } from '../Field';
import type { FieldControl } from './useAccountFields';

/** An optional custom endpoint; the placeholder shows the region's own. */
export function EndpointField({
  control,
  placeholder,
}: {
  control: FieldControl<string>;
  placeholder: string;
}) {
  const t = useAppStore(selectMessages);
  const { id, messages } = control;
  return (
    <Field id={id} label={t.account.endpoint} optional={t.account.optional} messages={messages}>
      <input
        id={id}
        className="input input--mono"
        type="text"
        inputMode="url"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder={placeholder}
        value={control.value}
        aria-invalid={control.invalid}
        aria-describedby={describedBy(id, messages)}
        onChange={(e) => control.onChange(e.target.value)}
        onPaste={control.onPaste}
      />
    </Field>
  );
}
