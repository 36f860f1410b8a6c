/**
 * The damage warnings on an annotation's words: a claim or source mention made on words the
 * damage check flagged (a splice, mojibake, a hidden override) carries that warning in its card and
 * in its report section, because the words may not be what was published.
 *
 * One rule for both: a warning is on the words when its span and theirs share at least one
 * character (spans are half-open; a warning that ends where the words start is beside them, not on
 * them). Units differ by caller: stored warnings count UTF-16 units of the plain-text projection
 * (shared/model/damage.ts), a stored anchor's TextPosition counts code points
 * (shared/model/selectors.ts), the editor counts document positions; {@link damageOnWords} takes
 * both spans in one unit, {@link damageOnAnchor} converts a stored anchor first.
 */
import { indexCodePoints, type CodePointIndex } from '../anchoring/code-points.js';
import type { DamageWarning } from '../model/damage.js';
import type { ContentNode } from '../model/document.js';
import type { TextPositionSelector } from '../model/selectors.js';
import { contentToText } from '../text.js';

/** A half-open span `[start, end)`, in whatever unit both sides of a comparison use. */
export interface Span {
  start: number;
  end: number;
}

/** The items of `damage` whose span shares a character with `words` (both in one unit), in their order. */
export function damageOnWords<W>(damage: readonly W[], words: Span, spanOf: (w: W) => Span): W[] {
  return damage.filter((w) => {
    const span = spanOf(w);
    return span.start < words.end && span.end > words.start;
  });
}

/** A document as stored: its content and the warnings of its last damage check. */
export interface DamagedDocument {
  content: ContentNode;
  damage: readonly DamageWarning[];
}

/**
 * The stored warnings of `document` on the words of a stored anchor's `position` (code points).
 * A warning whose excerpt is no longer the text at its span (the text changed since the check) is
 * left out: its offsets no longer say where it is.
 */
export function damageOnAnchor(document: DamagedDocument, position: TextPositionSelector): DamageWarning[] {
  if (document.damage.length === 0) return [];
  const { text, index } = projected(document.content);
  const words = { start: index.toUtf16(position.start), end: index.toUtf16(position.end) };
  return damageOnWords(document.damage, words, (w) => w).filter((w) => text.startsWith(w.excerpt, w.start));
}

/** The plain text of a content and its code-point index, once per content object (a report asks for every claim). */
const projections = new WeakMap<ContentNode, { text: string; index: CodePointIndex }>();
function projected(content: ContentNode): { text: string; index: CodePointIndex } {
  let found = projections.get(content);
  if (!found) {
    const text = contentToText(content);
    projections.set(content, (found = { text, index: indexCodePoints(text) }));
  }
  return found;
}
