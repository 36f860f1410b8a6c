/**
 * One field of the claim card that the analyst types into: it keeps a draft while they type and
 * commits it when they leave the field (or press Enter in a one-line field), so each edit is one
 * undo step. A refused commit leaves the draft on screen with the reasons beside it.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { WarningIcon } from '../../icons.js';

export interface DraftFieldProps {
  label: string;
  value: string;
  /** Saves the draft; false when it was refused (the draft stays for the analyst to fix). */
  onCommit: (draft: string) => boolean | void;
  /** Reasons the last commit was refused. */
  messages?: readonly string[];
  /** `textarea` for free text (rows tall), otherwise an input of that type. */
  kind?: 'textarea' | 'text' | 'url' | 'date';
  rows?: number;
  hint?: string;
  placeholder?: string;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  /** Latest allowed value of a date field (`YYYY-MM-DD`). */
  max?: string;
  inputRef?: { current: HTMLTextAreaElement | HTMLInputElement | null };
  class?: string;
}

export function DraftField({ label, value, onCommit, messages = [], kind = 'text', rows = 3, hint, placeholder, list, max, inputRef, class: className }: DraftFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const id = useId();
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const describedBy = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': messages.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
    onBlur: commit,
  };
  return (
    <div class={`field claim-field${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {kind === 'textarea' ? (
        <textarea {...common} ref={inputRef as { current: HTMLTextAreaElement | null }} rows={rows} dir="auto" />
      ) : (
        <input
          {...common}
          ref={inputRef as { current: HTMLInputElement | null }}
          type={kind}
          dir={kind === 'text' ? 'auto' : 'ltr'}
          list={list}
          max={max}
          spellcheck={kind === 'text'}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
      {hint && (
        <small id={`${id}-hint`} class="claim-hint">
          {hint}
        </small>
      )}
      <FieldProblems id={`${id}-problem`} messages={messages} />
    </div>
  );
}

/** The reasons a change was not saved, announced as they appear. */
export function FieldProblems({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={id} class="field-problem" role="alert">
      {messages.map((message) => (
        <p key={message}>
          <WarningIcon />
          <span>
            {message} <strong>Not saved.</strong>
          </span>
        </p>
      ))}
    </div>
  );
}
