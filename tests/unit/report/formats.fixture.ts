/**
 * A small project for the export tests, built through the model's own schemas: two documents (one
 * English with Arabic and emoji, one Arabic), claims with verdicts on the truth scale preset,
 * evidence from three sources (one withheld), a source mention, a note, and tags.
 */
import { readFileSync } from 'node:fs';
import { Annotation, RatingScale, SCHEMA_VERSION, Source, StoredDocument, StoredProject, type Anchor, type Claim } from '../../../shared/model/index.js';
import { DEFAULT_REPORT_OPTIONS, type ReportInput, type ReportOptions } from '../../../shared/report/input.js';
import { textToContent } from '../../../shared/text.js';

const NOW = '2026-11-27T12:00:00.000Z';

export const SCALES = RatingScale.array().parse(JSON.parse(readFileSync(new URL('../../../assets/rating-scales.json', import.meta.url), 'utf8')));

/** The first document: Arabic and emoji before the claims, so code points and UTF-16 units differ. */
export const SPEECH_TEXT = [
  'مرحبا 👋 بالجميع. The minister said unemployment fell by 40 percent 📉 since 2020.',
  'He added that "exports doubled" according to a UN representative, and "نحن شركاء استراتيجيون" 🤝.',
].join('\n');

export const REPLY_TEXT = 'قال المتحدث إن البطالة انخفضت 🙂 بنسبة أربعين في المئة.';

/** The anchor of the `occurrence`-th `exact` in `text`: code-point offsets and 32 code points of context. */
export function anchorOf(text: string, exact: string, occurrence = 0): Anchor {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" is not in the text`);
  const before = [...text.slice(0, at)];
  const after = [...text.slice(at + exact.length)];
  const start = before.length;
  return {
    quote: { exact, prefix: before.slice(-32).join(''), suffix: after.slice(0, 32).join('') },
    position: { start, end: start + [...exact].length },
  };
}

function annotation(fields: Record<string, unknown>): Annotation {
  return Annotation.parse({ createdAt: NOW, updatedAt: NOW, ...fields });
}

function source(fields: Record<string, unknown>): Source {
  return Source.parse({ type: 'report', createdAt: NOW, updatedAt: NOW, ...fields });
}

function document(id: string, title: string, text: string, annotations: Annotation[], sourceUrl: string): StoredDocument {
  return StoredDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    id,
    title,
    meta: { sourceUrl, outlet: 'Example News', author: 'A. Writer', published: '2026-11-20' },
    fingerprint: '0'.repeat(64),
    content: textToContent(text),
    annotations,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

function evidence(id: string, sourceId: string, stance: string, excerpt: string, credibility: number): Record<string, unknown> {
  return { id, sourceId, stance, excerpt, credibility, createdAt: NOW, updatedAt: NOW };
}

/** The project and documents, changed by `patch` (e.g. a hostile restatement). */
export function reportInput(patch: { restatement?: string; claimant?: string; tagName?: string; note?: string } = {}): ReportInput {
  const project = StoredProject.parse({
    format: 'factmark-project',
    schemaVersion: SCHEMA_VERSION,
    id: 'p1',
    name: 'Election 2026',
    createdAt: NOW,
    updatedAt: NOW,
    documents: [
      { id: 'speech', title: 'Speech', createdAt: NOW, updatedAt: NOW },
      { id: 'reply', title: 'الرد', createdAt: NOW, updatedAt: NOW },
    ],
    tags: [
      { id: 't-econ', name: patch.tagName ?? 'Economy', colour: '#112233' },
      { id: 't-trade', name: 'Trade 🚢', colour: '#445566' },
      { id: 't-ar', name: 'سياسة', colour: '#778899' },
    ],
    ratingScales: SCALES,
    activeRatingScaleId: 'truth',
    sources: [
      source({ id: 's-stats', type: 'dataset', title: 'Labour force survey', authors: [{ literal: 'National Statistics Office' }], publisher: 'NSO', published: '2026-10-01', url: 'https://stats.example.org/lfs', reliability: 'A' }),
      source({ id: 's-trade', title: 'Trade "yearbook", 2026', authors: [{ family: 'Haddad', given: 'Lina' }], url: 'https://trade.example.org/yearbook', reliability: 'B' }),
      source({ id: 's-secret', type: 'interview', title: 'Interview with a ministry official', authors: [{ family: 'Karimi', given: 'Reza' }], url: 'https://private.example.org/notes', notes: 'Met in Erbil', reliability: 'C', withhold: true }),
      source({ id: 's-unused', title: 'Never cited', url: 'https://unused.example.org/' }),
    ],
    lastClaimNumber: 4,
  });
  const speech = document(
    'speech',
    'Speech',
    SPEECH_TEXT,
    [
      annotation({
        id: 'a-unemployment',
        kind: 'claim',
        shortId: 'C1',
        anchor: anchorOf(SPEECH_TEXT, 'unemployment fell by 40 percent 📉'),
        tagIds: ['t-econ', 't-ar'],
        restatement: patch.restatement ?? 'Unemployment fell by 40% since 2020.',
        claimant: patch.claimant ?? 'The minister',
        appearance: { url: 'https://news.example.org/speech', date: '2026-11-19' },
        claimKind: 'statistic',
        status: 'done',
        verdict: { levelId: 'truth-mostly-false', conclusion: 'It fell by 14%, not 40%.' },
        verdictAt: '2026-11-21T09:30:00.000Z',
        analyst: 'Sara Ahmed',
        evidence: [evidence('e1', 's-stats', 'refutes', 'Unemployment: 7.1% → 6.1%', 1), evidence('e2', 's-secret', 'context', 'The figure was "rounded up".', 3)],
      }),
      annotation({
        id: 'a-exports',
        kind: 'claim',
        shortId: 'C2',
        anchor: anchorOf(SPEECH_TEXT, 'exports doubled'),
        tagIds: ['t-trade'],
        claimant: 'The minister',
        status: 'inReview',
        verdict: { levelId: 'truth-true', conclusion: '' },
        evidence: [evidence('e3', 's-trade', 'supports', '', 2)],
      }),
      annotation({ id: 'a-unchecked', kind: 'claim', shortId: 'C3', anchor: anchorOf(SPEECH_TEXT, 'نحن شركاء استراتيجيون'), status: 'new' }),
      annotation({ id: 'a-un', kind: 'sourceMention', anchor: anchorOf(SPEECH_TEXT, 'a UN representative'), sourceId: 's-secret', tagIds: ['t-ar'] }),
      annotation({ id: 'a-note', kind: 'note', anchor: anchorOf(SPEECH_TEXT, 'مرحبا 👋'), body: patch.note ?? 'Greeting in Arabic; **not** a claim.' }),
    ],
    'https://news.example.org/speech',
  );
  const reply = document(
    'reply',
    'الرد',
    REPLY_TEXT,
    [
      annotation({
        id: 'a-reply',
        kind: 'claim',
        shortId: 'C4',
        anchor: anchorOf(REPLY_TEXT, 'بنسبة أربعين في المئة'),
        claimant: 'المتحدث',
        status: 'done',
        verdict: { special: 'unverifiable', conclusion: 'No figures were published.' },
        verdictAt: '2026-11-24T16:00:00.000Z',
      }),
    ],
    '',
  );
  return { project, documents: [speech, reply], generatedAt: '2026-11-27T17:29:22.000Z', analyst: 'Sara Ahmed' };
}

/** The default options with `patch`. */
export function options(patch: Partial<ReportOptions> = {}): ReportOptions {
  return { ...DEFAULT_REPORT_OPTIONS, ...patch };
}

/** The claim with annotation id `id` in `input`, to change in place for one test. */
export function claimOf(input: ReportInput, id: string): Claim {
  const found = input.documents.flatMap((d) => d.annotations).find((a) => a.id === id);
  if (found?.kind !== 'claim') throw new Error(`no claim ${id}`);
  return found;
}
