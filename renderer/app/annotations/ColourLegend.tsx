/**
 * "Colour by" and its legend: what each colour on the page means now, and the underline style of
 * each kind, which says the kind without relying on colour (in the kind's colour when colouring
 * by kind, so one row explains both).
 */
import type { Annotation } from '../../../shared/model/annotation.js';
import { COLOUR_BY, COLOUR_BY_LABELS, KIND_LABELS, legendFor, type AppearanceContext, type ColourBy } from '../../editor/annotations/appearance.js';

export function ColourLegend({ annotations, context, onColourBy }: { annotations: readonly Annotation[]; context: AppearanceContext; onColourBy: (c: ColourBy) => void }) {
  const entries = legendFor(annotations, context);
  return (
    <div class="colour-legend">
      <label class="field inline">
        <span>Colour by</span>
        <select aria-label="Colour by" value={context.colourBy} onChange={(e) => onColourBy(e.currentTarget.value as ColourBy)}>
          {COLOUR_BY.map((c) => (
            <option key={c} value={c}>
              {COLOUR_BY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      {context.colourBy !== 'kind' && (
        <ul class="legend" aria-label="Colours">
          {entries.map((entry) => (
            <li key={entry.key}>
              <span class="legend-swatch" style={{ background: entry.colour }} aria-hidden="true" />
              <span dir="auto">{entry.label}</span>
            </li>
          ))}
        </ul>
      )}
      <ul class={`legend legend-kinds${context.colourBy === 'kind' ? ' by-kind' : ''}`} aria-label="Kinds by underline">
        {(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((kind) => (
          <li key={kind}>
            <span class={`legend-line line-${kind}`} aria-hidden="true" />
            {KIND_LABELS[kind]}
          </li>
        ))}
      </ul>
    </div>
  );
}
