/**
 * Duplicates: a paragraph (a line of the plain-text projection) or a sentence that appears twice,
 * compared with whitespace normalised. Scraped pages repeat pull quotes, captions and teasers; a
 * passage counted twice distorts what a text says. The warning sits on the second copy and names
 * the first. Passages shorter than {@link MIN_LENGTH} characters (datelines, “Read more”) are ignored.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { quote, warning } from './warning.js';

const MIN_LENGTH = 40;
/** A sentence: up to its end punctuation and any closing quotes or brackets, or to the end of the line. */
const SENTENCE = /[^\s.!?…][^.!?…]*(?:[.!?…]+["'”’»)\]]*|$)/g;

interface First {
  paragraph: number;
  text: string;
}

/** Warnings on the second copy of repeated paragraphs and sentences. */
export function findDuplicates(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  const paragraphs = new Map<string, First>();
  const sentences = new Map<string, First>();
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const offset = lineStart;
    lineStart += line.length + 1;
    if (line.trim() === '') continue;
    paragraph++;
    const key = normalise(line);
    const start = offset + line.search(/\S/);
    const end = offset + line.trimEnd().length;
    const first = paragraphs.get(key);
    if (first && key.length >= MIN_LENGTH) {
      warnings.push(warning('duplicate', text, start, end, `This paragraph repeats paragraph ${first.paragraph} (${quote(first.text)}) word for word.`));
      continue;
    }
    if (!first) paragraphs.set(key, { paragraph, text: key });
    for (const match of line.matchAll(SENTENCE)) {
      const sentence = normalise(match[0]);
      if (sentence.length < MIN_LENGTH) continue;
      const earlier = sentences.get(sentence);
      if (!earlier) {
        sentences.set(sentence, { paragraph, text: sentence });
        continue;
      }
      const where = earlier.paragraph === paragraph ? 'earlier in this paragraph' : `in paragraph ${earlier.paragraph}`;
      const sentenceStart = offset + match.index;
      warnings.push(warning('duplicate', text, sentenceStart, sentenceStart + match[0].trimEnd().length, `This sentence already appears ${where} (${quote(earlier.text)}).`));
    }
  }
  return warnings;
}

/** Whitespace collapsed to single spaces; the pattern skips single spaces, most of a text's whitespace. */
function normalise(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}
