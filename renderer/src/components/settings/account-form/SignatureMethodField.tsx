import type { SignatureMethodId } from '../../../../../shared/account';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import './SignatureMethodField.css';

const METHODS = ['v3', 'v1'] as const satisfies readonly SignatureMethodId[];

/** V3 (recommended) or V1 signatures, as two radio cards. */
export function SignatureMethodField({
  id,
  name,
  value,
  error,
  onChange,
}: {
  id: string;
  /** The radio group's name, unique to this form. */
  name: string;
  value: SignatureMethodId;
  error: string | undefined;
  onChange: (method: SignatureMethodId) => void;
}) {
  const t = useAppStore(selectMessages);
  return (
    <fieldset className="field signature" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{t.account.signature}</legend>
      <div className="radio-cards" id={id}>
        {METHODS.map((method) => (
          <label key={method} className="radio-card">
            <input
              type="radio"
              name={name}
              value={method}
              checked={value === method}
              onChange={() => onChange(method)}
            />
            <span className="radio-card__text">
              <span className="radio-card__title">
                {method === 'v3' ? t.account.signatureV3 : t.account.signatureV1}
                {method === 'v3' && <span className="pill">{t.account.recommended}</span>}
              </span>
              <span className="radio-card__hint">
                {method === 'v3' ? t.account.signatureV3Hint : t.account.signatureV1Hint}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
