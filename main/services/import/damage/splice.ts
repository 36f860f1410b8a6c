/**
 * Splices: two sentences joined where something was cut out — typically an embedded post, a
 * quote box or a link a scraper dropped. What is left has a junction English does not allow
 * (`he stated in a series of is a crucial component`) or two sentences glued without a space
 * (`Twitter.The Supreme Leader`). The rules are deliberately narrow: a false alarm on a clean
 * paragraph costs an analyst's trust. Preposition stranding (`what it consists of is`) is
 * grammatical, so a bare `of is` is not enough: the rules need an article in front.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { quote, warning } from './warning.js';

/** Finite verbs that cannot follow an article or a preposition. Ambiguous ones (`will`, `can`, `may`, `must`, `does`) are left out: they are nouns too. */
const FINITE_VERBS = ['is', 'are', 'was', 'were', 'has', 'had', 'did', "isn't", "aren't", "wasn't", "weren't", "hasn't", "hadn't", "didn't", 'would', 'should', 'could', 'shall'];
/** Plural finite verbs: `a are` is wrong, while `a is` may be algebra (`where a is the radius`). */
const PLURAL_VERBS = ['are', 'were', "aren't", "weren't"];
/** Prepositions that a noun phrase opened by an article can end with (`a series of`, `the rest of`). */
const PREPOSITIONS = ['of', 'in', 'to', 'for', 'with', 'by', 'from', 'on', 'at', 'about', 'into', 'between', 'among', 'through'];
/** Titles written with a full stop and often without a space (`Dr.Smith`): not a sentence end. */
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Rev', 'Gov', 'Sen', 'Rep', 'No', 'vs', 'etc']);

const alternatives = (words: readonly string[]): string => words.map((w) => w.replace("'", "['’]")).join('|');
/** A word ends at a non-letter that is not a hyphen or apostrophe joining more of it (`has-been`). */
const END = "(?![\\w'’-])";

/**
 * Ungrammatical junctions after an article, in one pattern (one pass); the code then applies the
 * table's conditions:
 * - article + noun + preposition + finite verb: “a series of is”, “the rest of was”;
 * - “the” or “an” + finite verb: “the was”, “an is”; “a” only + a plural verb: “a are”;
 * - article + “of”: “the of”, as in “to the of”.
 */
const JUNCTION = new RegExp(
  `\\b(?<article>[Aa]n?|[Tt]he)\\s+(?:[a-z]+\\s+(?<preposition>${alternatives(PREPOSITIONS)})\\s+(?<verbAfterNoun>${alternatives(FINITE_VERBS)})|(?<verb>${alternatives(FINITE_VERBS)})|(?<of>of))${END}`,
  'g',
);
/**
 * A sentence end glued to the next sentence: full stop (or ! ?) after a lowercase letter, an
 * optional closing quote, a capitalised word that is not part of a dotted name (`Node.Js.Org`).
 * The word before it is checked in code: a lookbehind would make the pattern slow.
 */
const GLUED = /[.!?]["”’)]?\p{Lu}\p{Ll}+(?![\p{L}\p{N}_@/\\-]|\.[\p{L}\p{N}])/gu;
/** What may not stand before the word ending the first sentence: it would be part of a name, address or path. */
const NOT_BEFORE = /[\p{N}._@/\\'’-]/u;
const LETTER = /\p{L}/u;

/** Warnings for junctions where text was probably cut out. */
export function findSplices(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  for (const match of text.matchAll(JUNCTION)) {
    if (NOT_BEFORE.test(text[match.index - 1] ?? '')) continue; // `'the was'`, `re-an is`: not the words themselves
    const { article, preposition, verbAfterNoun, verb, of } = match.groups as Record<string, string | undefined>;
    if (verb !== undefined && /^a$/i.test(article!) && !PLURAL_VERBS.includes(verb.replace('’', "'"))) continue;
    const found = match[0];
    const before = preposition ?? article!;
    const after = verbAfterNoun ?? verb ?? of!;
    warnings.push(
      warning(
        'splice',
        text,
        match.index,
        match.index + found.length,
        `${quote(found)} does not read as English: “${before}” cannot be followed by “${after}”. Words were probably cut out here (an embedded post, a quote or a link dropped when the page was copied), so this sentence may join two unrelated ones: check the source before quoting it.`,
      ),
    );
  }
  for (const match of text.matchAll(GLUED)) {
    let start = match.index;
    while (start > 0 && LETTER.test(text[start - 1]!)) start--;
    const left = text.slice(start, match.index);
    if (!/\p{Ll}$/u.test(left) || left.length < 2 || TITLES.has(left) || NOT_BEFORE.test(text[start - 1] ?? '')) continue;
    const found = text.slice(start, match.index + match[0].length);
    warnings.push(
      warning(
        'splice',
        text,
        start,
        match.index + match[0].length,
        `${quote(found)} joins two sentences without a space: something between them (an embedded post, a caption, a link) was probably cut out when the page was copied. Check the source for what is missing.`,
      ),
    );
  }
  return warnings.sort((a, b) => a.start - b.start);
}
