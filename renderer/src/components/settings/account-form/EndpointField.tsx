import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field } from '../Field';
import { KeyInput } from './KeyInput';
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
      <KeyInput control={control} inputMode="url" placeholder={placeholder} />
    </Field>
  );
}
