import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { KeyInput } from './KeyInput';
import { RevealableField } from './RevealableField';
import type { FieldControl } from './useAccountFields';

/** The AccessKey secret: masked unless the user asks to see it. */
export function SecretField({ control }: { control: FieldControl<string> }) {
  const t = useAppStore(selectMessages);
  return (
    <RevealableField
      control={control}
      label={t.account.accessKeySecret}
      showLabel={t.account.showSecret}
      hideLabel={t.account.hideSecret}
    >
      {(shown) => <KeyInput control={control} type={shown ? 'text' : 'password'} />}
    </RevealableField>
  );
}
