/**
 * Chooses a source of the project's library: a search over title, outlet and web address narrows a
 * list the keyboard moves through; "New source…" adds one in a compact dialog and chooses it.
 */
import { useId, useState } from 'preact/hooks';
import type { ProjectView } from '../../../../shared/contract.js';
import type { Source } from '../../../../shared/model/source.js';
import { PlusIcon } from '../../icons.js';
import { NewSourceDialog } from './NewSourceDialog.js';
import { findSources, sourceLine } from './source-draft.js';

export interface SourcePickerProps {
  /** The name of the list, e.g. "Source" or "Linked source". */
  label: string;
  sources: readonly Source[];
  value: string | null;
  onChange: (sourceId: string) => void;
  onProjectView: (view: ProjectView) => void;
}

/** Rows the list shows at most; more scroll. */
const VISIBLE_ROWS = 5;

export function SourcePicker({ label, sources, value, onChange, onProjectView }: SourcePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const found = findSources(sources, query);
  const chosen = sources.find((s) => s.id === value);
  // The chosen source stays in the list while a search hides the rest.
  const shown = chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  return (
    <div class="source-picker">
      {sources.length > 0 ? (
        <label for={`${id}-list`} class="picker-label">
          {label}
        </label>
      ) : (
        <span class="picker-label">{label}</span>
      )}
      {sources.length > 0 && (
        <>
          <input type="search" dir="auto" aria-label="Search the library by title, outlet or web address" placeholder="Find by title, outlet or web address" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          <select id={`${id}-list`} size={Math.max(2, Math.min(VISIBLE_ROWS, shown.length))} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
            {shown.map((source) => (
              <option key={source.id} value={source.id} class={source.withhold ? 'withheld-option' : undefined}>
                {sourceLine(source)}
              </option>
            ))}
          </select>
          {shown.length === 0 && <p class="claim-hint">No source matches “{query}”.</p>}
        </>
      )}
      {sources.length === 0 && (
        <p class="claim-hint">
          The library has no sources yet.
        </p>
      )}
      <button type="button" class="with-icon new-source-button" onClick={() => setCreating(true)}>
        <PlusIcon />
        New source…
      </button>
      {creating && (
        <NewSourceDialog
          onProjectView={onProjectView}
          onClose={() => setCreating(false)}
          onCreated={(source) => {
            setCreating(false);
            onChange(source.id);
          }}
        />
      )}
    </div>
  );
}
