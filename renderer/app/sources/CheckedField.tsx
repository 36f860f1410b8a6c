/**
 * A labelled one-line or multi-line text field with its hint and, when the value cannot be saved,
 * the problem right under it (announced, tied to the field with aria-describedby and aria-invalid).
 */
export interface CheckedFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Marks the field as visited, so its problem shows from then on. */
  onBlur?: () => void;
  problem?: string;
  hint?: string;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  /** For addresses and dates: left to right whatever the interface direction, and no spell check. */
  code?: boolean;
  class?: string;
}

export function CheckedField({ id, label, value, onInput, onBlur, problem, hint, placeholder, rows, autoFocus, code, class: className }: CheckedFieldProps) {
  const describedBy = [problem && `${id}-problem`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    autoFocus,
    dir: code ? 'ltr' : 'auto',
    spellcheck: !code,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
    onBlur,
  } as const;
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type="text" />}
      {problem && (
        <small id={`${id}-problem`} class="field-problem">
          {problem}
        </small>
      )}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}
