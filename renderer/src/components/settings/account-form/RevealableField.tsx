import { useState } from 'react';
import type { ReactNode } from 'react';
import { Field } from '../Field';
import { RevealToggle } from './RevealToggle';
import type { FieldControl } from './useAccountFields';

/**
 * A field whose value is masked until the user asks to see it (the secret, the STS token): the
 * label, the Show/Hide toggle and the field's words, around the control the caller draws.
 */
export function RevealableField({
  control,
  label,
  showLabel,
  hideLabel,
  children,
}: {
  control: FieldControl<string>;
  label: string;
  showLabel: string;
  hideLabel: string;
  /** Draws the control, masked unless `shown`. */
  children: (shown: boolean) => ReactNode;
}) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      id={control.id}
      label={label}
      messages={control.messages}
      action={
        <RevealToggle
          shown={shown}
          controls={control.id}
          showLabel={showLabel}
          hideLabel={hideLabel}
          onToggle={() => setShown((v) => !v)}
        />
      }
    >
      {children(shown)}
    </Field>
  );
}
