/**
 * A claim on words with a damage warning says so in its report section: one line per warning,
 * with its kind and message, read back through markdown-it; a claim on clean words says nothing.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { checkDamage } from '../../../main/services/import/damage/index.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/input.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { contentToText } from '../../../shared/text.js';
import { claimAt, sampleInput } from './markdown-sample.js';

const md = new MarkdownIt();

/** The sample with a third claim, C3, on the article's spliced words, and the damage the check finds. */
function withSplicedClaim() {
  const input = sampleInput();
  const document = input.documents[0]!;
  const content = structuredClone(document.content);
  const spliced = claimAt(content, 'he stated in a series of is a crucial component', 'claim-splice', 'C3', { claimant: 'Ayatollah Ali Khamenei' });
  const changed = { ...document, content, annotations: [...document.annotations, spliced], damage: checkDamage(contentToText(content)) };
  return { ...input, documents: [changed] };
}

/** The list items of the claim section `### id`, as text. */
function claimFields(markdown: string, id: string): string[] {
  const start = markdown.indexOf(`\n### ${id}\n`);
  const end = markdown.indexOf('\n#### ', start);
  const tokens = md.parse(markdown.slice(start, end), {});
  return tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open').map((t) => t.children!.map((c) => c.content).join(''));
}

describe('damage warnings in a claim section', () => {
  const report = markdownReport(withSplicedClaim(), DEFAULT_REPORT_OPTIONS);

  it('names the kind of damage and its message for a claim on spliced words', () => {
    const lines = claimFields(report, 'C3').filter((line) => line.startsWith('Damage warning on these words:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Damage warning on these words: Spliced sentences: “a series of is” does not read as English/);
  });

  it('says nothing for claims on clean words', () => {
    for (const id of ['C1', 'C2']) {
      const fields = claimFields(report, id);
      expect(fields.length).toBeGreaterThan(3);
      expect(fields.some((line) => line.includes('Damage warning'))).toBe(false);
    }
  });
});
