/**
 * Text-damage warnings per document (mojibake, markup residue, splices…): a garbled text can
 * change who said what, so the reader is told where the received text cannot be trusted.
 */
import type { ReportContext } from './context.js';
import { escapeCell } from './escape.js';
import { table } from './summary.js';

/** The "Text damage" section; empty when the options leave it out. */
export function damageSection(context: ReportContext): string[] {
  if (!context.options.includeDamage) return [];
  const damaged = context.input.documents.filter((d) => d.damage.length > 0);
  if (damaged.length === 0) return ['## Text damage', 'No damage found in the reported documents.'];
  return [
    '## Text damage',
    ...damaged.flatMap((document) => [
      `### Damage in: ${escapeCell(document.title)}`,
      table(
        ['Text as received', 'What is wrong', 'Certain repair'],
        document.damage.map((w) => [escapeCell(w.excerpt), escapeCell(w.message), w.repair === null ? 'none' : escapeCell(w.repair)]),
      ),
    ]),
  ];
}
