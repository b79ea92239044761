import { useId, useState } from 'react';
import type { ClipboardEvent } from 'react';
import type { AccountFormField, AccountStatus } from '../../../../../shared/account';
import { FIELD_ORDER, trimPasted } from '../../../account/account-form';
import type { AccountFormValues, TrimmedField } from '../../../account/account-form';
import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import type { FieldMessages } from '../Field';

export type FieldTexts = Partial<Record<AccountFormField, string>>;

type PasteEvent = ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>;

/** What one field component needs: its id, value, words, and how to change it. */
export interface FieldControl<V> {
  id: string;
  value: V;
  messages: FieldMessages;
  invalid: true | undefined;
  onChange: (value: V) => void;
  onPaste: (event: PasteEvent) => void;
}

function initialValues(status: AccountStatus | null): AccountFormValues {
  return {
    accessKeyId: '',
    accessKeySecret: '',
    securityToken: '',
    useToken: false,
    region: status?.region ?? 'cn-shanghai',
    endpoint: status?.endpoint ?? '',
    signatureMethod: status?.signatureMethod ?? 'v3',
  };
}

/**
 * The account form's values and the words on its fields: errors, the note that pasted spaces
 * were removed, hints. onEdit runs on every change the user makes (not on the form's own trim).
 */
export function useAccountFields(status: AccountStatus | null, onEdit: () => void) {
  const t = useAppStore(selectMessages);
  const [values, setValues] = useState<AccountFormValues>(() => initialValues(status));
  const [fieldErrors, setFieldErrors] = useState<FieldTexts>({});
  const [trimmed, setTrimmed] = useState<ReadonlySet<TrimmedField>>(new Set());
  const uid = useId();
  const ids = {
    accessKeyId: `${uid}-id`,
    accessKeySecret: `${uid}-secret`,
    securityToken: `${uid}-token`,
    region: `${uid}-region`,
    endpoint: `${uid}-endpoint`,
    signatureMethod: `${uid}-signature`,
  } satisfies Record<AccountFormField, string>;

  const edit = <K extends keyof AccountFormValues>(field: K, value: AccountFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field as AccountFormField];
      return next;
    });
    setTrimmed((current) => {
      if (!current.has(field as TrimmedField)) return current;
      const next = new Set(current);
      next.delete(field as TrimmedField);
      return next;
    });
    onEdit();
  };

  /**
   * Pasting removes the spaces and line breaks copied along with a key, and says so. (Done on
   * paste, not on leaving the field: a note appearing on blur would move the button under the
   * pointer between mouse down and up.) Typed spaces are removed on Test/Save.
   */
  const trimOnPaste = (field: TrimmedField) => (event: PasteEvent) => {
    const pasted = event.clipboardData.getData('text');
    const clean = trimPasted(pasted);
    if (clean === pasted || clean === '') return;
    event.preventDefault();
    const target = event.currentTarget;
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? target.value.length;
    edit(field, target.value.slice(0, start) + clean + target.value.slice(end));
    setTrimmed((current) => new Set(current).add(field));
    requestAnimationFrame(() =>
      target.setSelectionRange(start + clean.length, start + clean.length),
    );
  };

  /** The values with spaces removed on Test/Save; the fields that lost some say so. */
  const replaceTrimmed = (next: AccountFormValues, fields: readonly TrimmedField[]) => {
    if (fields.length === 0) return;
    setValues(next);
    setTrimmed((current) => new Set([...current, ...fields]));
  };

  /** Shows these errors and moves focus to the first field in question. */
  const showErrors = (texts: FieldTexts) => {
    setFieldErrors(texts);
    const first = FIELD_ORDER.find((field) => texts[field] !== undefined);
    if (first) document.getElementById(ids[first])?.focus();
  };

  const messagesFor = (field: AccountFormField, hint?: string): FieldMessages => ({
    hint,
    error: fieldErrors[field],
    note: trimmed.has(field as TrimmedField) ? t.account.trimmed : undefined,
  });

  /** The control of a text field the user may paste a key into. */
  const textControl = (field: TrimmedField, hint?: string): FieldControl<string> => ({
    id: ids[field],
    value: values[field],
    messages: messagesFor(field, hint),
    invalid: fieldErrors[field] ? true : undefined,
    onChange: (value) => edit(field, value),
    onPaste: trimOnPaste(field),
  });

  return {
    uid,
    ids,
    values,
    fieldErrors,
    edit,
    replaceTrimmed,
    showErrors,
    clearErrors: () => setFieldErrors({}),
    messagesFor,
    textControl,
  };
}
