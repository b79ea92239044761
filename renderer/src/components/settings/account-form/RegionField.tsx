import { REGIONS } from '../../../../../shared/account';
import type { RegionId } from '../../../../../shared/account';
import { isRegion } from '../../../account/account-form';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { Field, describedBy } from '../Field';
import type { FieldMessages } from '../Field';

/** The region, from the closed list, by name and id. */
export function RegionField({
  id,
  value,
  messages,
  onChange,
}: {
  id: string;
  value: RegionId;
  messages: FieldMessages;
  onChange: (region: RegionId) => void;
}) {
  const t = useAppStore(selectMessages);
  return (
    <div className="field-pair">
      <Field id={id} label={t.account.region} messages={messages}>
        <div className="select">
          <select
            id={id}
            className="input"
            value={value}
            aria-invalid={messages.error ? true : undefined}
            aria-describedby={describedBy(id, messages)}
            onChange={(e) => {
              if (isRegion(e.target.value)) onChange(e.target.value);
            }}
          >
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {`${t.account.regions[region]} · ${region}`}
              </option>
            ))}
          </select>
        </div>
      </Field>
    </div>
  );
}
