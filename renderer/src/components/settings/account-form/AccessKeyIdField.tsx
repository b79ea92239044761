import type { Ref } from 'react';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field } from '../Field';
import { KeyInput } from './KeyInput';
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
      <KeyInput control={control} inputRef={inputRef} data-autofocus />
    </Field>
  );
}
