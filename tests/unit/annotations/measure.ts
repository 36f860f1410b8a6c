/**
 * Quick measurement (not a test, no assertions): refreshing the anchors of, marking, and
 * reconciling a 1 MB document with 2,000 annotations, in Node.
 *
 *   node --import tsx tests/unit/annotations/measure.ts [sizeBytes] [annotations] [runs]
 *
 * Cases: refreshAnchors after load; withAnnotationMarks placing all 2,000 at once (against
 * 2,000 `addMark` steps); reconcileDocument with nothing to do, after the text was replaced without
 * marks (all re-anchored), and after a 0.5 % outside edit of a marked text.
 */
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { reconcileDocument } from '../../../shared/annotations/reconcile.js';
import { withAnnotationMarks } from '../../../shared/annotations/apply-marks.js';
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import { projectDocument, indexCodePoints } from '../../../shared/anchoring/index.js';
import { annotate, editProse, newsProse } from '../anchoring/support/prose.js';
import { contentFromText, markSpans, notesOn, type Span } from './support/documents.js';

const size = Number(process.argv[2] ?? 1_000_000);
const count = Number(process.argv[3] ?? 2_000);
const runs = Number(process.argv[4] ?? 5);

function median(label: string, work: () => unknown): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`);
}

const text = newsProse(7, size);
const { truth } = annotate(text, count, 11);
const spans: Span[] = truth.map((t, i) => ({ id: `a${i}`, start: t.start, end: t.end }));
const annotations = notesOn(text, spans);
const bare = documentNode(contentFromText(text), annotations);
const projection = projectDocument(bare);
const placements = spans.map((s) => ({ id: s.id, from: projection.toDocPos(s.start, 1), to: projection.toDocPos(s.end, -1) }));
const marked = withAnnotationMarks(bare, placements);
const markedContent = contentOf(marked);
console.log(`text ${text.length} UTF-16 units, ${bare.childCount} paragraphs, ${count} annotations; ${indexCodePoints(text).codePointLength} code points`);

median('refreshAnchors (1 projection, 2,000 describeRange)', () => refreshAnchors(marked));
median('withAnnotationMarks, 2,000 placements at once', () => withAnnotationMarks(bare, placements));
median('2,000 addMark steps (prosemirror-transform), for contrast', () => markSpans(bare, spans));
median('reconcileDocument, nothing to do', () => reconcileDocument(markedContent, annotations));
median('reconcileDocument, text replaced without marks (all re-anchored)', () => reconcileDocument(contentFromText(text), annotations, { textChanged: true }));
const edited = editProse(text, truth, 0.005, 13).text;
const report = reconcileDocument(contentFromText(edited), annotations, { textChanged: true }).report;
median('reconcileDocument, 0.5 % outside edit, no marks', () => reconcileDocument(contentFromText(edited), annotations, { textChanged: true }));
console.log('report after the 0.5 % edit:', report);
