/**
 * A table of counts with a name (its caption): one row per figure, its label, and its number as a
 * button that opens what it counts. A bar beside the number shows proportion at a glance; the
 * number carries the meaning.
 */
import type { ComponentChildren } from 'preact';

/** One row: what is counted, how many, and how to open them. */
export interface CountRow {
  key: string;
  label: ComponentChildren;
  /** Further cells between the label and the count (a grade badge). */
  cells?: ComponentChildren[];
  count: number;
  /** The button's accessible name, the number first: "4 claims: Done". */
  name: string;
  open: () => void;
}

export interface CountTableProps {
  caption: ComponentChildren;
  /** Column headers: the label's, the extra cells', the count's. */
  columns: string[];
  rows: CountRow[];
  /** Said instead of the table when it has no rows. */
  empty?: string;
}

export function CountTable({ caption, columns, rows, empty }: CountTableProps) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <table class="count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={column} scope="col" class={index === columns.length - 1 ? 'count-column' : undefined}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={columns.length} class="muted">{empty}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key} data-figure={row.key} class={row.count === 0 ? 'zero' : undefined}>
            <th scope="row" dir="auto">{row.label}</th>
            {row.cells?.map((cell, index) => <td key={index}>{cell}</td>)}
            <td class="count-cell">
              <button type="button" class="count-button" aria-label={row.name} onClick={row.open}>
                {row.count.toLocaleString()}
              </button>
              <span class="count-bar" aria-hidden="true">
                <span style={{ width: `${(row.count / max) * 100}%` }} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
