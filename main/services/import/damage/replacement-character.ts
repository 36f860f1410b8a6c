/** Replacement characters (U+FFFD): where a decoder met bytes it could not read. */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { warning } from './warning.js';

/** One warning per run of U+FFFD. */
export function findReplacementCharacters(text: string): DamageWarning[] {
  return [...text.matchAll(/\uFFFD+/g)].map((match) => {
    const count = match[0].length;
    const what = count === 1 ? 'A character' : `${count} characters`;
    return warning(
      'replacementCharacter',
      text,
      match.index,
      match.index + count,
      `${what} could not be decoded here and ${count === 1 ? 'was' : 'were'} replaced by “\uFFFD”: the original is lost. Re-import with another encoding, or check the source.`,
    );
  });
}
