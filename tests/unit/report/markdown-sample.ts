/**
 * The sample article as a checked project, with its web page's structure (subheadings, a quote, a
 * list, emphasis, a link): two claims with verdicts on the truth scale, evidence from two graded
 * sources (one withheld), a note on a claim and a tagged note apart from the claims, a correction.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Annotation } from '../../../shared/model/annotation.js';
import type { ContentNode } from '../../../shared/model/document.js';
import { StoredDocument } from '../../../shared/model/document.js';
import { StoredProject } from '../../../shared/model/project.js';
import { RatingScale } from '../../../shared/model/rating-scale.js';
import { Source } from '../../../shared/model/source.js';
import { PROJECT_FORMAT, SCHEMA_VERSION } from '../../../shared/model/versions.js';
import type { ReportInput } from '../../../shared/report/input.js';
import { contentToText, textToContent } from '../../../shared/text.js';

const NOW = '2026-11-27T12:00:00.000Z';
const scales = RatingScale.array().parse(JSON.parse(readFileSync(new URL('../../../assets/rating-scales.json', import.meta.url), 'utf8')));

/** Puts `newMark` on every occurrence of `exact` inside one text node of the document's top-level blocks. */
function markWords(doc: ContentNode, exact: string, newMark: { type: string; attrs?: Record<string, unknown> }): void {
  for (const block of doc.content ?? []) {
    const next: ContentNode[] = [];
    for (const node of block.content ?? []) {
      const t = node.text ?? '';
      const i = t.indexOf(exact);
      if (i < 0) {
        next.push(node);
        continue;
      }
      const marks = [...(node.marks ?? []), newMark];
      if (i > 0) next.push({ ...node, text: t.slice(0, i) });
      next.push({ ...node, text: exact, marks });
      if (i + exact.length < t.length) next.push({ ...node, text: t.slice(i + exact.length) });
    }
    block.content = next;
  }
}

/** Puts an annotation mark with `id` on the first occurrence of `exact` in the document's paragraphs. */
export function mark(doc: ContentNode, exact: string, id: string): { start: number; end: number; prefix: string; suffix: string } {
  const text = contentToText(doc);
  const at = text.indexOf(exact);
  if (at < 0) throw new Error(`not in the text: ${exact}`);
  markWords(doc, exact, { type: 'annotation', attrs: { id } });
  return { start: at, end: at + exact.length, prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + exact.length, at + exact.length + 32) };
}

/**
 * Gives the sample the structure the article has on its web page — its three subheadings, a quoted
 * statement, a list, emphasis and a link — without changing its text (so anchors stay put).
 */
function structure(doc: ContentNode): void {
  markWords(doc, 'Resistance Axis', { type: 'em' });
  markWords(doc, 'Basra-Shalamcheh railway connection', { type: 'link', attrs: { href: 'https://example.org/basra-shalamcheh' } });
  const blocks = doc.content!;
  const find = (start: string): number => blocks.findIndex((b) => (b.content ?? []).map((c) => c.text ?? '').join('').startsWith(start));
  for (const heading of ['Diverging perspectives', 'Reactions and concerns', 'Economic and strategic cooperation']) Object.assign(blocks[find(heading)]!, { type: 'heading', attrs: { level: 2 } });
  const quote = find('"The US strongly opposes');
  blocks.splice(quote, 1, { type: 'blockquote', content: [blocks[quote]!] });
  const list = find('Abdel Wahab noted that');
  blocks.splice(list, 2, { type: 'bullet_list', content: blocks.slice(list, list + 2).map((p) => ({ type: 'list_item', content: [p] })) });
}

export function claimAt(doc: ContentNode, exact: string, id: string, shortId: string, details: Record<string, unknown>): Annotation {
  const m = mark(doc, exact, id);
  return Annotation.parse({
    id, kind: 'claim', shortId, createdAt: NOW, updatedAt: NOW,
    anchor: { quote: { exact, prefix: m.prefix, suffix: m.suffix }, position: { start: m.start, end: m.end } },
    ...details,
  });
}

export function sampleInput(): ReportInput {
  const text = readFileSync(new URL('../../fixtures/article-iraq-iran.txt', import.meta.url), 'utf8');
  const content = textToContent(text);
  const years = claimAt(content, 'the system established over the past 21 years', 'claim-years', 'C1', {
    claimant: 'Ghani Ghadban', restatement: 'Iraq\'s present political system was set up 21 years before the article.', status: 'done',
    verdict: { levelId: 'truth-true', conclusion: 'The 2003 invasion and the 2005 constitution put it 19–21 years back.' },
    evidence: [
      { id: 'ev-1', sourceId: 'src-cpa', stance: 'supports', excerpt: 'Order Number 1 … [de-Ba\'athification] of Iraqi society', credibility: 1, createdAt: NOW, updatedAt: NOW },
      { id: 'ev-2', sourceId: 'src-insider', stance: 'context', excerpt: 'The *system* dates from the 2005 constitution | not 2003.', credibility: 3, createdAt: NOW, updatedAt: NOW },
    ],
    corrections: [{ at: '2026-11-27T15:30:00.000Z', before: { levelId: 'truth-mostly-true', special: null, conclusion: '' }, after: { levelId: 'truth-true', special: null, conclusion: '' }, reason: 'Counted from 2003, as the speaker did.' }],
    tagIds: ['tag-history'],
  });
  const un = claimAt(content, 'A UN representative recently emphasised the importance of limiting weapons to state control', 'claim-un', 'C2', {
    claimant: 'Hiba Abdel Wahab', status: 'inReview', claimKind: 'attribution',
    verdict: { special: 'unverifiable', conclusion: 'No UN statement named; "recently" is not dated.' },
    evidence: [{ id: 'ev-3', sourceId: 'src-insider', stance: 'refutes', excerpt: 'No such UN remark in <November>.', credibility: 4, createdAt: NOW, updatedAt: NOW }],
  });
  const m = mark(content, 'recently emphasised', 'note-axis');
  const note = Annotation.parse({ id: 'note-axis', kind: 'note', body: 'Term used by Iran\'s allies_ check it.', createdAt: NOW, updatedAt: NOW, anchor: { quote: { exact: 'recently emphasised', prefix: '', suffix: '' }, position: { start: m.start, end: m.end } } });
  const railway = mark(content, 'which has long been delayed', 'note-railway');
  const standalone = Annotation.parse({
    id: 'note-railway', kind: 'note', body: 'Delayed since when? Find the *contract* date.', tagIds: ['tag-infra'], createdAt: NOW, updatedAt: NOW,
    anchor: { quote: { exact: 'which has long been delayed', prefix: railway.prefix, suffix: railway.suffix }, position: { start: railway.start, end: railway.end } },
  });
  structure(content);
  const plain = contentToText(content);
  const damageAt = plain.indexOf('°®Âþµº');
  const document = StoredDocument.parse({
    schemaVersion: SCHEMA_VERSION, id: 'doc-article', title: 'Khamenei calls for US withdrawal from Iraq',
    meta: { sourceUrl: 'https://example.org/news/khamenei-iraq', outlet: '°®Âþµº', author: '', published: '2024-12-05', retrieved: '2024-12-06T08:15:00.000Z' },
    fingerprint: createHash('sha256').update(plain).digest('hex'),
    content, annotations: [years, un, note, standalone],
    damage: [{ kind: 'foreignEncoding', start: damageAt, end: damageAt + 6, excerpt: '°®Âþµº', message: 'GBK bytes shown as Latin-1: the outlet\'s name is lost.' }],
    createdAt: NOW, updatedAt: NOW,
  });
  const project = StoredProject.parse({
    format: PROJECT_FORMAT, schemaVersion: SCHEMA_VERSION, id: 'proj-1', name: 'Iraq–Iran talks', createdAt: NOW, updatedAt: NOW,
    documents: [{ id: document.id, title: document.title, createdAt: NOW, updatedAt: NOW }],
    tags: [{ id: 'tag-history', name: 'History', colour: '#123456' }, { id: 'tag-infra', name: 'Infrastructure', colour: '#654321' }],
    ratingScales: scales, activeRatingScaleId: 'truth',
    sources: [
      Source.parse({ id: 'src-cpa', type: 'official-statement', title: 'Coalition Provisional Authority Order Number 1', authors: [{ literal: 'Coalition Provisional Authority' }], publisher: 'CPA', published: '2003-05-16', accessed: '2026-11-27', url: 'https://example.org/cpa/order1.pdf', reliability: 'A', createdAt: NOW, updatedAt: NOW }),
      Source.parse({ id: 'src-insider', type: 'interview', title: 'Interview with a ministry official', authors: [{ family: 'Doe', given: 'Jane' }], reliability: 'B', withhold: true, createdAt: NOW, updatedAt: NOW }),
    ],
    lastClaimNumber: 2,
  });
  return { project, documents: [document], generatedAt: NOW, analyst: 'R. Analyst' };
}
