/**
 * The dialog that adds a tag or edits one: name, colour, description and the tag it sits under.
 * A tag cannot be placed under itself or a tag inside it, so those are not offered; whatever the
 * service still refuses (a name another tag has) is shown in the dialog beside the values typed.
 */
import { useState } from 'preact/hooks';
import { nextTagColour } from '../../../shared/codebook/palette.js';
import { descendantIds, tagRows } from '../../../shared/codebook/tree.js';
import type { NewTag, TagPatch } from '../../../shared/contract.js';
import type { Tag } from '../../../shared/model/tag.js';
import { Dialog } from '../Dialog.js';
import { ColourField } from './ColourField.js';

export interface TagDialogProps {
  tags: readonly Tag[];
  /** The tag to edit; absent to add a new one. */
  tag?: Tag;
  /** Saves the values; a returned string is an error to show, and the dialog stays open. */
  onSubmit: (values: NewTag & TagPatch) => Promise<string | void>;
  onClose: () => void;
}

export function TagDialog({ tags, tag, onSubmit, onClose }: TagDialogProps) {
  const [name, setName] = useState(tag?.name ?? '');
  const [colour, setColour] = useState(tag?.colour ?? nextTagColour(tags));
  const [description, setDescription] = useState(tag?.description ?? '');
  const [parentId, setParentId] = useState(tag?.parentId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const excluded = tag ? new Set([tag.id, ...descendantIds(tags, tag.id)]) : new Set<string>();
  const parents = tagRows(tags).filter((row) => !excluded.has(row.tag.id));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const problem = await onSubmit({ name, colour, description, parentId: parentId === '' ? null : parentId });
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <Dialog title={tag ? `Edit tag “${tag.name}”` : 'New tag'} onClose={onClose}>
      <form class="form tag-form" onSubmit={submit}>
        <div class="field">
          <label for="tag-name">Name</label>
          <input id="tag-name" type="text" dir="auto" autoFocus spellcheck={false} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <ColourField value={colour} onChange={setColour} />
        <div class="field">
          <label for="tag-description">Description</label>
          <textarea
            id="tag-description"
            dir="auto"
            rows={3}
            aria-describedby="tag-description-hint"
            value={description}
            onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <small id="tag-description-hint">When to use this tag, so every analyst applies it the same way.</small>
        </div>
        <div class="field">
          <label for="tag-parent">Parent tag</label>
          <select id="tag-parent" value={parentId} onChange={(e) => setParentId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">None (top level)</option>
            {parents.map(({ tag: option, depth }) => (
              <option key={option.id} value={option.id}>{`${'\u2003'.repeat(depth)}${option.name}`}</option>
            ))}
          </select>
        </div>
        {error && <p role="alert" class="form-error">{error}</p>}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{tag ? 'Save tag' : 'Add tag'}</button>
        </div>
      </form>
    </Dialog>
  );
}
