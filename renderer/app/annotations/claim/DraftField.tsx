/**
 * One field of the claim card that the analyst types into. It saves as they type: half a second
 * after a pause, and at once when they leave the field, press Enter in a one-line field, or leave
 * the page (../../pending-drafts.ts). Its undo is the field's own (the browser's), never the text's.
 * A refused save leaves the draft on screen with the reasons beside it, still unsaved.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { WarningIcon } from '../../icons.js';
import { holdDraft, releaseDraft } from '../../pending-drafts.js';

/** How long typing pauses before the draft is saved, in milliseconds. */
export const DRAFT_PAUSE_MS = 500;

/** Why a draft is being saved: a pause in typing (or the page going away), or leaving the field. */
export type DraftSave = 'pause' | 'leave';

export interface DraftFieldProps {
  label: string;
  value: string;
  /** Saves the draft; false when it was refused (the draft stays for the analyst to fix). */
  onCommit: (draft: string, how: DraftSave) => boolean | void;
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
  const id = useId();
  const draftRef = useRef(value);
  /** The last text handed to `onCommit` (or shown from `value`): nothing new to save when equal. */
  const sentRef = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const ownInput = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);

  // One stable function per field: what the page calls to save this draft now.
  const save = useRef((how: DraftSave) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = draftRef.current;
    if (text === sentRef.current) return releaseDraft(saveOnPause);
    sentRef.current = text;
    if (commitRef.current(text, how) === false) return; // still unsaved: the reasons show beside it
    releaseDraft(saveOnPause);
  }).current;
  const saveOnPause = useRef(() => save('pause')).current;

  // A value changed elsewhere (another tab, a cancelled correction) shows unless the analyst is typing here.
  useEffect(() => {
    if (document.activeElement === ownInput.current && draftRef.current !== value) return;
    draftRef.current = value;
    sentRef.current = value;
    setDraft(value);
  }, [value]);

  // A field that goes away (another card, another document) saves what it holds first.
  useEffect(() => () => saveOnPause(), []);

  const onInput = (e: Event) => {
    const text = (e.currentTarget as HTMLInputElement).value;
    draftRef.current = text;
    setDraft(text);
    holdDraft(saveOnPause);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveOnPause, DRAFT_PAUSE_MS);
  };
  const bindInput = (element: HTMLTextAreaElement | HTMLInputElement | null) => {
    ownInput.current = element;
    if (inputRef) inputRef.current = element;
  };
  const describedBy = [hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': messages.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onInput,
    onBlur: () => save('leave'),
  };
  return (
    <div class={`field claim-field${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {kind === 'textarea' ? (
        <textarea {...common} ref={bindInput} rows={rows} dir="auto" />
      ) : (
        <input
          {...common}
          ref={bindInput}
          type={kind}
          dir={kind === 'text' ? 'auto' : 'ltr'}
          list={list}
          max={max}
          spellcheck={kind === 'text'}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              save('leave');
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
