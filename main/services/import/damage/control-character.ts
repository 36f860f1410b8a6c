/**
 * Control characters: C0 controls other than tab and line breaks (line feed, and carriage return,
 * which line endings use), DEL, and the C1 controls U+0080–U+009F. None is part of any writing;
 * they come from damaged files and wrong encodings, and they are invisible in the editor.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { codePointName, warning } from './warning.js';

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/g;

/** One warning per run of control characters. */
export function findControlCharacters(text: string): DamageWarning[] {
  return [...text.matchAll(CONTROLS)].map((match) => {
    const names = [...new Set(match[0])].map(codePointName).join(', ');
    const what = match[0].length === 1 ? `A control character (${names}) is` : `${match[0].length} control characters (${names}) are`;
    return warning(
      'controlCharacter',
      text,
      match.index,
      match.index + match[0].length,
      `${what} hidden here. No text contains them; they usually come from a damaged file or a wrong encoding.`,
    );
  });
}
