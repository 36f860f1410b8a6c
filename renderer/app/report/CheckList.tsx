/**
 * A labelled group of checkboxes for choosing some items of a list (documents, statuses, tags),
 * with a hint under its legend; items may be indented to show nesting.
 */
import { useId } from 'preact/hooks';

/** One choice of the list. */
export interface CheckItem {
  id: string;
  label: string;
  /** How deep it is nested (0 for the top level). */
  depth?: number;
}

export interface CheckListProps {
  legend: string;
  hint?: string;
  items: readonly CheckItem[];
  chosen: readonly string[];
  onToggle: (id: string) => void;
  /** Shown instead of the list when it has no items. */
  empty?: string;
}

export function CheckList({ legend, hint, items, chosen, onToggle, empty }: CheckListProps) {
  const hintId = useId();
  return (
    <fieldset class="report-group" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && <small id={hintId}>{hint}</small>}
      {items.length === 0 && empty && <p class="report-empty">{empty}</p>}
      {items.map((item) => (
        <label key={item.id} class="report-check" style={{ paddingInlineStart: `${(item.depth ?? 0) * 16}px` }}>
          <input type="checkbox" checked={chosen.includes(item.id)} onChange={() => onToggle(item.id)} />
          <span dir="auto">{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
