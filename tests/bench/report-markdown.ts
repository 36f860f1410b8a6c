/**
 * How long the Markdown report of a 1 MB document with 2,000 claims takes (budget: 100 ms, issue #6):
 * one warm-up, then the median of five runs. Run with `npx tsx tests/bench/report-markdown.ts`.
 */
import { performance } from 'node:perf_hooks';
import { Annotation } from '../../shared/model/annotation.js';
import type { ContentNode } from '../../shared/model/document.js';
import { DEFAULT_REPORT_OPTIONS } from '../../shared/report/input.js';
import { markdownReport } from '../../shared/report/markdown/index.js';
import { sampleInput } from '../unit/report/markdown-sample.js';

const NOW = '2026-11-27T12:00:00.000Z';
const PARAGRAPH = 'Officials said the *railway* [phase 2] would cost 1.2bn | open in 2027 <soon> & more; ';
const CLAIMS = 2_000;

/** 1 MB of paragraphs, the first 2,000 holding a claim on its middle words. */
function bigInput(): ReturnType<typeof sampleInput> {
  const input = sampleInput();
  const blocks: ContentNode[] = [];
  const annotations: Annotation[] = [];
  let offset = 0;
  for (let i = 0; blocks.length * PARAGRAPH.length * 4 < 1_000_000; i++) {
    const before = PARAGRAPH.repeat(2);
    const words = 'the railway would cost 1.2bn';
    const after = PARAGRAPH.repeat(2);
    const id = `claim-${i}`;
    const claimed = annotations.length < CLAIMS;
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: before }, { type: 'text', text: words, ...(claimed ? { marks: [{ type: 'annotation', attrs: { id } }] } : {}) }, { type: 'text', text: after }] });
    if (claimed) {
      annotations.push(Annotation.parse({
        id, kind: 'claim', shortId: `C${annotations.length + 1}`, createdAt: NOW, updatedAt: NOW, claimant: 'A minister',
        anchor: { quote: { exact: words, prefix: before.slice(-32), suffix: after.slice(0, 32) }, position: { start: offset + before.length, end: offset + before.length + words.length } },
        evidence: [{ id: `ev-${i}`, sourceId: 'src-cpa', stance: 'refutes', excerpt: PARAGRAPH, credibility: 2, createdAt: NOW, updatedAt: NOW }],
      }));
    }
    offset += before.length + words.length + after.length + 1;
  }
  const document = { ...input.documents[0]!, content: { type: 'doc', content: blocks }, annotations };
  return { ...input, documents: [document] };
}

const input = bigInput();
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
markdownReport(input, DEFAULT_REPORT_OPTIONS);
const times: number[] = [];
let size = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  size = markdownReport(input, DEFAULT_REPORT_OPTIONS).length;
  times.push(performance.now() - start);
}
console.log(`Markdown report, ${input.documents[0]!.annotations.length} claims, ~1 MB text → ${(size / 1e6).toFixed(2)} MB: median ${median(times).toFixed(1)} ms (budget 100 ms)`);
