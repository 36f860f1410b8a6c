/**
 * Markup residue: pieces of HTML a scraper or a copy left in the text — tags (`<br>`, `</a>`),
 * attributes (`class="…"`), the end of a tag glued to the text that followed it (`">posts on X`,
 * what is left when an embedded post is cut out), and literal entities (`&amp;`, `&nbsp;`).
 * Only known tag names and quoted attribute values count, so `5 > 3` and `<100 people` are text.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { windows1252Char } from '../decode/windows-1252.js';
import { quote, warning } from './warning.js';

/** Tag names a web page leaves behind. Anything else between `<` and `>` is taken for text. */
const TAG_NAMES = [
  'a', 'abbr', 'article', 'aside', 'b', 'blockquote', 'br', 'button', 'center', 'cite', 'code', 'div', 'em',
  'figcaption', 'figure', 'font', 'footer', 'form', 'h[1-6]', 'header', 'hr', 'i', 'iframe', 'img', 'input',
  'label', 'li', 'link', 'meta', 'nav', 'noscript', 'ol', 'p', 'path', 'script', 'section', 'small', 'span',
  'strong', 'style', 'sub', 'sup', 'svg', 'table', 'tbody', 'td', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];
/** Attribute names worth recognising outside a tag (only with a quoted value: `class="x"`). */
const ATTRIBUTE_NAMES = ['alt', 'aria-[\\w-]+', 'class', 'data-[\\w-]+', 'dir', 'height', 'href', 'id', 'lang', 'on\\w+', 'rel', 'src', 'style', 'target', 'title', 'width'];
/** An attribute inside a tag; a value is required, so `x<b and c>y` is not a tag. */
const ATTRIBUTE = `\\s+[\\w:-]+\\s*=\\s*(?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"'<>]+)`;
const QUOTED = `(?:"[^"\\n]*"|'[^'\\n]*')`;

/** One pass over the text finds every kind; the group that matched says which. */
const RESIDUE = new RegExp(
  [
    `(?<comment><!--[^\\n]*?-->)`,
    `(?<tag></?(?:${TAG_NAMES.join('|')})(?:${ATTRIBUTE})*\\s*/?>)`,
    `(?<attribute>\\b(?:${ATTRIBUTE_NAMES.join('|')})=${QUOTED}(?:\\s*/?>)?)`,
    // The end of a tag (`">`) glued to the next word; the code asks for a space or a line's start before it.
    `(?<tagEnd>["']\\s*/?>(?=[^\\s<>]))`,
    `(?<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,7});)`,
  ].join('|'),
  'gi',
);

/** Named entities and what they stand for; an unknown name (`AT&T;`) is left alone. */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  times: '×', divide: '÷', plusmn: '±', frac12: '½', iexcl: '¡', iquest: '¿', agrave: 'à', aacute: 'á',
  acirc: 'â', auml: 'ä', ccedil: 'ç', egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', iuml: 'ï', ntilde: 'ñ',
  oacute: 'ó', ocirc: 'ô', ouml: 'ö', uacute: 'ú', uuml: 'ü', szlig: 'ß', Eacute: 'É',
};
/** Entities that stand for characters one cannot see: named in the message, not quoted. */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u00a0': 'a no-break space', '\u00ad': 'a soft hyphen', '\u200c': 'a zero-width non-joiner', '\u200d': 'a zero-width joiner',
  '\u200e': 'a left-to-right mark', '\u200f': 'a right-to-left mark', '\u2002': 'an en space', '\u2003': 'an em space', '\u2009': 'a thin space',
};

/** Warnings for HTML left in the text, with the decoded character as repair for an entity. */
export function findMarkupResidue(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  for (const match of text.matchAll(RESIDUE)) {
    const found = match[0];
    const start = match.index;
    const end = start + found.length;
    const groups = match.groups ?? {};
    if (groups.entity !== undefined) {
      const character = decodeEntity(found);
      if (character === undefined) continue;
      const meaning = INVISIBLE_NAMES[character] ?? quote(character);
      warnings.push(warning('markupResidue', text, start, end, `${quote(found)} is an HTML entity left in the text; it stands for ${meaning}.`, character));
    } else if (groups.tagEnd !== undefined) {
      if (start > 0 && !/\s/.test(text[start - 1]!)) continue;
      const next = (/^\S+(?:\s+\S+){0,2}/.exec(text.slice(end, end + 80))?.[0] ?? '').replace(/[,.;:]+$/, '');
      warnings.push(warning('markupResidue', text, start, end, `${quote(found)} before ${quote(next)} is the end of an HTML tag left in the text: a link or an embedded post was cut out here, so the words around it may be incomplete or out of place.`));
    } else {
      const what = groups.attribute !== undefined ? 'an HTML attribute' : groups.comment !== undefined ? 'an HTML comment' : 'an HTML tag';
      warnings.push(warning('markupResidue', text, start, end, `${quote(found)} is ${what} left in the text by the page it was copied from; it is not part of what was written.`));
    }
  }
  return warnings;
}

/** The character an entity stands for, or undefined when it is unknown or stands for a control character. */
function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (!body.startsWith('#')) return Object.hasOwn(ENTITIES, body) ? ENTITIES[body] : undefined;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  // HTML reads &#128;–&#159; as Windows-1252 (&#150; is “–”), as browsers do.
  if (code >= 0x80 && code <= 0x9f) {
    const character = windows1252Char(code);
    return character.charCodeAt(0) > 0x9f ? character : undefined;
  }
  const control = code < 0x20 || code === 0x7f;
  const invalid = code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  return control || invalid ? undefined : String.fromCodePoint(code);
}
