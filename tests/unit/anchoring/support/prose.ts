/**
 * Test support: a seeded corpus of news-like prose (paragraphs, quotes with speakers, some Arabic),
 * annotations on it, and a small random edit of it with every annotation tracked. Shared by the
 * complexity test and the measurement script so both look at the same kind of work.
 */
import { describeRange, indexCodePoints } from '../../../../shared/anchoring/index.js';
import type { Anchor } from '../../../../shared/model/selectors.js';
import { applyEdit, mapTracked, seeded, track, type Edit, type Tracked } from './edits.js';

const NOUNS = 'government minister factions forces agreement railway connection security region country talks meeting delegation analyst official statement policy withdrawal presence influence border trade energy cooperation project parliament leader militia troops sovereignty stability pressure strategy economy infrastructure oil budget election court reform protest ceasefire sanctions report committee ministry spokesman source document evidence'.split(' ');
const VERBS = 'said stated added noted warned claimed denied confirmed announced described rejected urged accused welcomed criticised emphasised signed delayed approved expanded reduced proposed'.split(' ');
const ADJECTIVES = 'strategic regional international economic bilateral armed political military official recent critical major local foreign diplomatic temporary immediate complete significant public'.split(' ');
const NAMES = 'Al-Sudani Khamenei Ghadban Pazeshkian Ghalibaf Abdel-Wahab Basra Tehran Baghdad Washington Erbil Mosul Najaf Shalamcheh'.split(' ');
const LINKS = 'the of and to in on with for by from as that which while after before during'.split(' ');
const ARABIC = 'قال الوزير إن الاتفاقية الأمنية بين العِرَاق وإِيرَان ستُنفَّذ خلال الأشهر المقبلة وفق الجدول المتفق عليه'.split(' ');

/** A text of at least `size` UTF-16 units: paragraphs of sentences, some quoted, some in Arabic. */
export function newsProse(seed: number, size: number): string {
  const rand = seeded(seed);
  const pick = (xs: readonly string[]): string => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (): string => {
    const words: string[] = [];
    const length = 8 + Math.floor(rand() * 18);
    for (let i = 0; i < length; i++) {
      const r = rand();
      words.push(r < 0.35 ? pick(LINKS) : r < 0.6 ? pick(NOUNS) : r < 0.75 ? pick(ADJECTIVES) : r < 0.88 ? pick(VERBS) : r < 0.95 ? pick(NAMES) : String(1990 + Math.floor(rand() * 35)));
    }
    const text = words.join(' ');
    const body = text[0]!.toUpperCase() + text.slice(1);
    return rand() < 0.15 ? `"${body}," ${pick(NAMES)} ${pick(VERBS)}.` : `${body}.`;
  };
  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const paragraph =
      rand() < 0.05
        ? Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(ARABIC)).join(' ') + '.'
        : Array.from({ length: 2 + Math.floor(rand() * 5) }, sentence).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join('\n');
}

/** `count` annotations of 2 to 25 words at random word starts (some crossing paragraphs). */
export function annotate(text: string, count: number, seed: number): { anchors: Anchor[]; truth: Tracked[] } {
  const rand = seeded(seed);
  const starts = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const index = indexCodePoints(text);
  const anchors: Anchor[] = [];
  const truth: Tracked[] = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor(rand() * (starts.length - 30));
    const last = first + 1 + Math.floor(rand() * 24);
    const start = starts[first]![0];
    const end = starts[last]![1];
    anchors.push(describeRange(text, start, end, index));
    truth.push(track(start, end));
  }
  return { anchors, truth };
}

/**
 * Edits `text` until `fraction` of its length has been removed or inserted: mostly word changes
 * (typos fixed, words replaced), some sentences inserted and phrases deleted. Every tracked range
 * is mapped through each edit.
 */
export function editProse(text: string, truth: Tracked[], fraction: number, seed: number): { text: string; truth: Tracked[]; edits: Edit[] } {
  const rand = seeded(seed);
  const budget = text.length * fraction;
  const edits: Edit[] = [];
  let changed = 0;
  while (changed < budget) {
    const at = text.indexOf(' ', Math.floor(rand() * text.length)) + 1;
    if (at <= 0) continue;
    const r = rand();
    const wordEnd = (from: number, words: number): number => {
      let end = from;
      for (let w = 0; w < words; w++) {
        const next = text.indexOf(' ', end + 1);
        end = next < 0 ? text.length : next;
      }
      return end;
    };
    let edit: Edit;
    if (r < 0.5) edit = { at, remove: wordEnd(at, 1) - at, insert: rand() < 0.5 ? 'amended' : 'the revised' };
    else if (r < 0.7) edit = { at, remove: 0, insert: `${newsProse(Math.floor(rand() * 1e9), 1).split('. ')[0]}. ` };
    else if (r < 0.9) edit = { at, remove: wordEnd(at, 3 + Math.floor(rand() * 12)) - at, insert: '' };
    else edit = { at, remove: wordEnd(at, 2 + Math.floor(rand() * 6)) - at, insert: 'according to officials in Baghdad' };
    text = applyEdit(text, edit);
    truth = truth.map((t) => mapTracked(t, edit, 2 * 32 + 8));
    changed += edit.remove + edit.insert.length;
    edits.push(edit);
  }
  return { text, truth, edits };
}
