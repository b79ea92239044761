import { useState } from 'react';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field } from '../Field';
import { KeyInput } from './KeyInput';
import { RevealToggle } from './RevealToggle';
import type { FieldControl } from './useAccountFields';

/** The AccessKey secret: masked unless the user asks to see it. */
export function SecretField({ control }: { control: FieldControl<string> }) {
  const t = useAppStore(selectMessages);
  const [shown, setShown] = useState(false);
  const { id, messages } = control;
  return (
    <Field
      id={id}
      label={t.account.accessKeySecret}
      messages={messages}
      action={
        <RevealToggle
          shown={shown}
          controls={id}
          showLabel={t.account.showSecret}
          hideLabel={t.account.hideSecret}
          onToggle={() => setShown((v) => !v)}
        />
      }
    >
      <KeyInput control={control} type={shown ? 'text' : 'password'} />
    </Field>
  );
}
