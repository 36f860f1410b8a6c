/**
 * The bench's corpora, generated from a seed so every run and every machine measures the same
 * documents: news and transcript prose (paragraphs of sentences, headlines, speakers' turns,
 * quotations in “curly” and "straight" quotes, some Arabic paragraphs) of 100 KB, 1 MB or 5 MB,
 * and 100, 2,000 or 10,000 annotations placed on whole words (2 to 25 words, some overlapping,
 * some crossing paragraphs). Sizes count UTF-16 units of the plain text (the Arabic makes the UTF-8
 * file about 3 % larger).
 *
 * The prose is `newsProse` (tests/unit/anchoring/support/prose.ts) with headlines, speakers and
 * curly quotes added; the annotations are `annotate`'s, described as W3C selectors over the text.
 * Node and Chromium cases alike take their documents from `corpus()`.
 */
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import { withAnnotationMarks } from '../../../shared/annotations/apply-marks.js';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { Annotation, CLAIM_KINDS, CLAIM_STATUSES } from '../../../shared/model/annotation.js';
import type { ContentNode } from '../../../shared/model/document.js';
import type { Anchor } from '../../../shared/model/selectors.js';
import { seeded } from '../../unit/anchoring/support/edits.js';
import { annotate, newsProse } from '../../unit/anchoring/support/prose.js';
import type { Span } from '../../unit/annotations/support/documents.js';

export type { Span } from '../../unit/annotations/support/documents.js';

/** The document sizes of the issue, in UTF-16 units of plain text. */
export const SIZES = { '100 KB': 100_000, '1 MB': 1_000_000, '5 MB': 5_000_000 } as const;
export type SizeName = keyof typeof SIZES;
/** The annotation counts of the issue. */
export const COUNTS = [100, 2_000, 10_000] as const;

export interface CorpusOptions {
  /** Length of the plain text in UTF-16 units (the text ends at the first paragraph past it). */
  size: number;
  /** How many annotations to place. */
  annotations: number;
  /** Default 1. */
  seed?: number;
  /** What the annotations are: notes (default) or claims (C1, C2, … with claimant, status, kind). */
  kind?: 'note' | 'claim';
}

/** A generated document. */
export interface Corpus {
  /** The plain text: blocks joined by '\n' (the document's projection). */
  text: string;
  /** The document as stored: headings and paragraphs with the annotation marks on. */
  content: ContentNode;
  /** The annotations, in the order of `spans`, each anchored where its span is. */
  annotations: Annotation[];
  /** Where each annotation is in `text` (UTF-16 units). */
  spans: Span[];
  /** Each annotation's selectors (the same objects as in `annotations`). */
  anchors: Anchor[];
  /** Indexes of the lines of `text` that are headlines (headings in `content`). */
  headings: ReadonlySet<number>;
}

const SPEAKERS = ['PRESENTER', 'AL-SUDANI', 'MINISTER', 'REPORTER', 'ANALYST', 'SPOKESMAN', 'Q', 'A'];
const HEADLINE_WORDS = 'Talks Resume Border Deal Railway Delayed Security Pact Ministers Meet Oil Exports Budget Vote Ceasefire Holds Sanctions Court Ruling Election Results Protest Grows Trade Route'.split(' ');
const CLAIMANTS = ['Mohammed Shia al-Sudani', 'Ghani Ghadban', 'Masoud Pezeshkian', 'A ministry spokesman', 'Hiba Abdel Wahab', 'An unnamed official'];
const AT = '2026-01-01T00:00:00.000Z';

/**
 * News and transcript prose of at least `size` units (within a paragraph of it): newsProse's
 * paragraphs, a headline line about every thirty paragraphs, a speaker's label on about one in
 * eight (a transcript's turns), and half the straight quotations turned into curly ones.
 */
export function benchProse(seed: number, size: number): { text: string; headings: Set<number> } {
  const rand = seeded(seed ^ 0x9e3779b9);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lines: string[] = [];
  const headings = new Set<number>();
  let length = 0;
  for (const paragraph of newsProse(seed, size).split('\n')) {
    if (length >= size) break;
    if (lines.length % 30 === 0) {
      headings.add(lines.length);
      const headline = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(HEADLINE_WORDS)).join(' ');
      lines.push(headline);
      length += headline.length + 1;
    }
    let line = rand() < 0.5 ? paragraph.replace(/"([^"\n]*)"/g, '“$1”') : paragraph;
    if (rand() < 0.12) line = `${pick(SPEAKERS)}: ${line}`;
    lines.push(line);
    length += line.length + 1;
  }
  return { text: lines.join('\n'), headings };
}

/** Headings and paragraphs, one block per line of `text`: its projection is `text`. */
export function contentFromLines(text: string, headings: ReadonlySet<number>): ContentNode {
  return {
    type: 'doc',
    content: text.split('\n').map((line, i): ContentNode => {
      const inline = line === '' ? {} : { content: [{ type: 'text', text: line }] };
      return headings.has(i) ? { type: 'heading', attrs: { level: 2 }, ...inline } : { type: 'paragraph', ...inline };
    }),
  };
}

/** A note, or a claim with its short id and the details a fact-checker fills in first. */
function annotationFor(kind: 'note' | 'claim', i: number, anchor: Anchor, rand: () => number): Annotation {
  const id = `${kind === 'claim' ? 'claim' : 'note'}-${i + 1}`;
  if (kind === 'note') return Annotation.parse({ id, kind: 'note', anchor, body: i % 3 === 0 ? 'Check the figure against the ministry’s own release.' : '', createdAt: AT, updatedAt: AT });
  return Annotation.parse({
    id, kind: 'claim', shortId: `C${i + 1}`, anchor, createdAt: AT, updatedAt: AT,
    claimant: CLAIMANTS[Math.floor(rand() * CLAIMANTS.length)],
    status: CLAIM_STATUSES[Math.floor(rand() * CLAIM_STATUSES.length)],
    claimKind: CLAIM_KINDS[Math.floor(rand() * CLAIM_KINDS.length)],
    restatement: rand() < 0.5 ? 'The speaker says the agreement was signed before the talks began.' : '',
  });
}

const cache = new Map<string, Corpus>();

/** The document for these options, built once per process (treat it as read-only: cases share it). */
export function corpus(options: CorpusOptions): Corpus {
  const key = `${options.size}/${options.annotations}/${options.seed ?? 1}/${options.kind ?? 'note'}`;
  const cached = cache.get(key) ?? buildCorpus(options);
  cache.set(key, cached);
  return cached;
}

/** The document for these options, built afresh: the same options always give the same corpus. */
export function buildCorpus(options: CorpusOptions): Corpus {
  const { size, annotations: count, seed = 1, kind = 'note' } = options;
  const { text, headings } = benchProse(seed, size);
  const { anchors, truth } = annotate(text, count, seed + 1);
  const spans: Span[] = truth.map((t, i) => ({ id: `${kind === 'claim' ? 'claim' : 'note'}-${i + 1}`, start: t.start, end: t.end }));
  const rand = seeded(seed + 2);
  const annotations = anchors.map((anchor, i) => annotationFor(kind, i, anchor, rand));
  const bare = documentNode(contentFromLines(text, headings), annotations);
  const projection = projectDocument(bare);
  const marked = withAnnotationMarks(bare, spans.map((s) => ({ id: s.id, from: projection.toDocPos(s.start, 1), to: projection.toDocPos(s.end, -1) })));
  return { text, content: contentOf(marked), annotations, spans, anchors: annotations.map((a) => a.anchor), headings };
}
