import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon } from '../icons';
import './Field.css';

export interface FieldMessages {
  hint?: string | undefined;
  error?: string | undefined;
  /** A quiet confirmation, e.g. that pasted spaces were removed. */
  note?: string | undefined;
}

/** The ids a control's aria-describedby lists: its error first, then note and hint. */
export function describedBy(id: string, messages: FieldMessages): string | undefined {
  const ids = [
    messages.error ? `${id}-error` : null,
    messages.note && !messages.error ? `${id}-note` : null,
    messages.hint ? `${id}-hint` : null,
  ].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A label, the control, and the words that belong to it, wired for screen readers. */
export function Field({
  id,
  label,
  optional,
  action,
  messages,
  children,
}: {
  id: string;
  label: string;
  /** Shown beside the label, e.g. "optional". */
  optional?: string;
  /** A control at the end of the label row, e.g. Show/Hide. */
  action?: ReactNode;
  messages: FieldMessages;
  children: ReactNode;
}) {
  const { hint, error, note } = messages;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
          {optional && <span className="field__optional">{optional}</span>}
        </label>
        {action}
      </div>
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <AlertIcon size={14} />
          <span>{error}</span>
        </p>
      )}
      {note && !error && (
        <p className="field__note" id={`${id}-note`} role="status">
          <CheckIcon size={14} />
          <span>{note}</span>
        </p>
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
