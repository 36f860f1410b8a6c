/**
 * Tag characters (U+E0000–U+E007F): a copy of ASCII that displays as nothing. Text written in them
 * is invisible to a reader but read by every program that takes the text (a search, a language
 * model), a known way to hide instructions in a document ("ASCII smuggling"). Their one use is
 * the flag of a subdivision (🏴 U+1F3F4, the subdivision code in tags, CANCEL TAG U+E007F: the
 * flags of England, Scotland and Wales).
 *
 * Decisions:
 * - every run of tag characters is flagged, and the message spells the text they hide;
 * - the tags of a well-formed flag are not: after U+1F3F4, two tag letters (the region) and one to
 *   four tag letters or digits (the subdivision), then CANCEL TAG, as Unicode's emoji tag sequences
 *   for flags are written. At most six hidden letters per visible flag, so a flag cannot carry a
 *   message. Tags after that CANCEL TAG are flagged;
 * - the repair removes them: outside a flag they change nothing one sees, so taking them out is
 *   certain. They are reported as invisible characters.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { quote, warning } from './warning.js';

/** Runs of tag characters (two UTF-16 units each). */
const TAG_RUN = /[\u{E0000}-\u{E007F}]+/gu;
/** The waving black flag, the base of a subdivision flag. */
const FLAG_BASE = '\u{1F3F4}';
/** The tags of a subdivision flag at the start of a run: region, subdivision, CANCEL TAG. */
const FLAG_TAGS = /^[\u{E0061}-\u{E007A}]{2}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,4}\u{E007F}/u;

/** One warning per run of tag characters that is not the tail of a subdivision flag. */
export function findTagCharacters(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  for (const match of text.matchAll(TAG_RUN)) {
    const flag = text.startsWith(FLAG_BASE, match.index - FLAG_BASE.length) ? (FLAG_TAGS.exec(match[0])?.[0].length ?? 0) : 0;
    const start = match.index + flag;
    const end = match.index + match[0].length;
    if (start < end) warnings.push(tagWarning(text, start, end));
  }
  return warnings;
}

/** The ASCII character a tag character stands for ('' for the language tag, CANCEL TAG and the unassigned ones). */
function spelledBy(tag: string): string {
  const code = tag.codePointAt(0)! - 0xe0000;
  return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : '';
}

function tagWarning(text: string, start: number, end: number): DamageWarning {
  const tags = [...text.slice(start, end)];
  const one = tags.length === 1;
  const what = one ? 'A hidden tag character (U+E0000–U+E007F) is here: it shows' : `${tags.length} hidden tag characters (U+E0000–U+E007F) are here: they show`;
  const spelled = tags.map(spelledBy).join('');
  const spelling = spelled.trim() === '' ? '' : ` ${one ? 'It stands for' : 'They spell'} ${quote(spelled)}.`;
  const message = `${what} as nothing, but programs that read the text, such as search and AI models, read ${one ? 'it' : 'them'}: a known way to hide instructions in a document.${spelling}`;
  return warning('invisibleCharacter', text, start, end, message, '');
}
