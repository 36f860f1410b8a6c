/**
 * A dialog that asks for a few labelled values (a path, a title, pasted text) and submits them
 * together. Every field has a visible label, the first one takes focus, Enter submits (Ctrl+Enter
 * in a text area), and an error from the submit stays in the dialog beside the values typed.
 */
import { useState } from 'preact/hooks';
import { Dialog } from './Dialog.js';
import { useAction } from './use-action.js';

export interface Field {
  name: string;
  label: string;
  kind?: 'text' | 'textarea';
  initial?: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  /**
   * For a text area: keep the clipboard's HTML when the user pastes, submitted as `<name>Html`
   * while the text is still exactly what was pasted (typing afterwards falls back to plain text).
   */
  keepPastedHtml?: boolean;
}

export interface FormDialogProps {
  title: string;
  description?: string;
  fields: Field[];
  submitLabel: string;
  /** Runs the action; a returned string is an error to show, and the dialog stays open. */
  onSubmit: (values: Record<string, string>) => Promise<string | void>;
  onClose: () => void;
}

export function FormDialog({ title, description, fields, submitLabel, onSubmit, onClose }: FormDialogProps) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const { busy, error, setError, run } = useAction();
  const [pasted, setPasted] = useState<{ name: string; html: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = fields.find((f) => f.required !== false && values[f.name]!.trim() === '');
    if (missing) return setError(`${missing.label} is required.`);
    const withHtml = pasted && values[pasted.name] !== undefined ? { ...values, [`${pasted.name}Html`]: pasted.html } : values;
    await run(() => onSubmit(withHtml));
  };

  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form onSubmit={submit} class="form">
        {fields.map((field, index) => {
          const id = `field-${field.name}`;
          const common = {
            id,
            name: field.name,
            value: values[field.name],
            placeholder: field.placeholder,
            autoFocus: index === 0,
            'aria-describedby': field.hint ? `${id}-hint` : undefined,
            onInput: (e: Event) => setValues({ ...values, [field.name]: (e.currentTarget as HTMLInputElement).value }),
          };
          return (
            <div class="field" key={field.name}>
              <label for={id}>{field.label}</label>
              {field.kind === 'textarea' ? (
                <textarea
                  {...common}
                  dir="auto"
                  rows={12}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
                  }}
                  onPaste={(e) => {
                    const html = field.keepPastedHtml ? e.clipboardData?.getData('text/html') : '';
                    const whole = e.currentTarget.value === '' || (e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === e.currentTarget.value.length);
                    setPasted(html && whole ? { name: field.name, html } : null);
                  }}
                  onInput={(e: Event) => {
                    if ((e as InputEvent).inputType !== 'insertFromPaste') setPasted(null);
                    common.onInput(e);
                  }}
                />
              ) : (
                <input {...common} type="text" dir="auto" spellcheck={false} />
              )}
              {field.hint && <small id={`${id}-hint`}>{field.hint}</small>}
            </div>
          );
        })}
        {error && <p role="alert" class="form-error">{error}</p>}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{submitLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}
