/**
 * The text damage check: every detector over the plain-text projection of a document
 * (shared/text.ts), each in one linear pass, warnings sorted by where they start. Offsets are
 * UTF-16 units into that text.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { findBidiControls } from './bidi-control.js';
import { findControlCharacters } from './control-character.js';
import { findDuplicates } from './duplicate.js';
import { findForeignEncoding } from './foreign-encoding.js';
import { findInvisibleCharacters } from './invisible-character.js';
import { findMarkupResidue } from './markup-residue.js';
import { findMojibake } from './mojibake.js';
import { offerRepairs } from './repair.js';
import { findReplacementCharacters } from './replacement-character.js';
import { findSplices } from './splice.js';
import { findTagCharacters } from './tag-character.js';

export { findBidiControls, findControlCharacters, findDuplicates, findForeignEncoding, findInvisibleCharacters, findMarkupResidue, findMojibake, findReplacementCharacters, findSplices, findTagCharacters };

/** The detectors, in the order their warnings are listed when two start at the same place. */
const DETECTORS: readonly ((text: string) => DamageWarning[])[] = [
  findMojibake,
  findForeignEncoding,
  findMarkupResidue,
  findReplacementCharacters,
  findControlCharacters,
  findInvisibleCharacters,
  findTagCharacters,
  findBidiControls,
  findDuplicates,
  findSplices,
];

/**
 * Every damage warning for a text, sorted by start (then end), each repair offered only as
 * ./repair.ts allows: nothing hidden inserted, nothing flagged again where it was applied.
 */
export function checkDamage(text: string): DamageWarning[] {
  return offerRepairs(text, findDamage(text), findDamage);
}

/**
 * The detectors' warnings with the repairs they propose. One damage is reported once: control
 * characters inside mojibake (`â€\u009d`, UTF-8 read as Latin-1) belong to the mojibake, and
 * mojibake-looking pairs inside a run of another encoding's bytes belong to that run.
 */
function findDamage(text: string): DamageWarning[] {
  const found = DETECTORS.flatMap((detect) => detect(text));
  const mojibake = found.filter((w) => w.kind === 'mojibake');
  const foreign = found.filter((w) => w.kind === 'foreignEncoding');
  return found
    .filter((w) => !(w.kind === 'controlCharacter' && within(mojibake, w)) && !(w.kind === 'mojibake' && within(foreign, w)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether `w` lies inside one of `spans` (disjoint, sorted by start): a binary search, so the check stays linear overall. */
function within(spans: readonly DamageWarning[], w: DamageWarning): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (span.start > w.start) high = middle - 1;
    else if (span.end < w.end) low = middle + 1;
    else return true;
  }
  return false;
}
