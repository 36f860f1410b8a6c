/**
 * Numbers inside right-to-left text and characters no bundled font has, as poppler's pdftotext reads
 * the PDF (the text layer a reader copies and searches): Arabic-Indic, Persian and European digits
 * keep their logical order inside Arabic text and inside an Arabic quote in an English sentence; an
 * emoji, mathematical digits and CJK are drawn as placeholders of their own width, kept exactly in
 * the text layer and listed in a note. pdftotext comes with poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTestTool } from '../../tools/test-tools.js';
import { pdfFromMarkdown } from '../../../main/services/export/pdf/index.js';
import { pdfText } from './pdf-text.js';

const meta = { generatedAt: '2026-11-27T12:00:00.000Z', author: '', title: 'Scripts' };
const dir = mkdtempSync(join(tmpdir(), 'factmark-pdf-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdftotext's output for `bytes` with `flags` (`-raw`: content-stream order, `-bbox`: each word's box). */
function pdftotext(bytes: Uint8Array, ...flags: string[]): string {
  const file = join(dir, `${flags.join('') || 'plain'}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(requireTestTool('pdftotext'), [...flags, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The words of pdftotext -bbox, each with its box. */
function words(bytes: Uint8Array): { text: string; xMin: number; xMax: number; yMin: number }[] {
  return [...pdftotext(bytes, '-bbox').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    text: m[4]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

/** A line of the plain output without the bidi embedding marks pdftotext puts around right-to-left words. */
const lines = (text: string) => text.replace(/[\u202a-\u202e]/g, '').split('\n');

describe('the PDF report, read by pdftotext', () => {
  it('keeps Arabic-Indic, Persian and European numbers in logical order inside Arabic text, on the page and in the text layer', async () => {
    const bytes = await pdfFromMarkdown(
      ['في عام ٢٠٢٤ قال 2024 وفي ۱۴۰۳ انتهى.', '', 'He said "في عام ٢٠٢٤ و ۱۴۰۳ و 2024" yesterday.', '', 'نسبة ٣٫٥ مليون'].join('\n'),
      meta,
    );
    // -raw is the order the glyphs are drawn in, left to right: each number reads left to right.
    const raw = lines(pdftotext(bytes, '-raw'));
    expect(raw[0]).toBe('.انتهى ۱۴۰۳ وفي 2024 قال ٢٠٢٤ عام في');
    expect(raw[1]).toBe('He said "2024 و ۱۴۰۳ و ٢٠٢٤ عام "في yesterday.');
    expect(raw[2]).toBe('مليون ٣٫٥ نسبة');
    // Every number appears as itself, never reversed.
    const plain = pdftotext(bytes);
    for (const number of ['٢٠٢٤', '۱۴۰۳', '2024', '٣٫٥']) expect(plain).toContain(number);
    for (const reversed of ['٤٢٠٢', '۳۰۴۱', '4202', '٥٫٣']) expect(plain).not.toContain(reversed);
    // pdf.js reads the same glyphs.
    const text = await pdfText(bytes);
    for (const number of ['٢٠٢٤', '۱۴۰۳', '2024']) expect(text).toContain(number);
    expect(text).not.toContain('٤٢٠٢');
  });

  it('draws the numbers of an Arabic line from the right in reading order: the year after "في عام", left of it', async () => {
    const bytes = await pdfFromMarkdown('في عام ٢٠٢٤ ثم ۱۴۰۳\n', meta);
    const [year, persian, inYear] = ['٢٠٢٤', '۱۴۰۳', 'ماع'].map((t) => words(bytes).find((w) => w.text === t)!);
    expect(year && persian && inYear).toBeTruthy();
    expect(year!.xMax).toBeLessThan(inYear!.xMin);
    expect(persian!.xMax).toBeLessThan(year!.xMin);
  });

  it('keeps an emoji, mathematical digits and CJK exactly in the text layer, as placeholders of their own width, and lists them', async () => {
    const bytes = await pdfFromMarkdown('Tap 🚰 then 𝟏𝟐 and 爱漫岛 50% done.\n\nقال 🚰 هنا\n', meta);
    const plain = pdftotext(bytes);
    expect(plain).toContain('Tap 🚰 then 𝟏𝟐 and 爱漫岛 50% done.');
    expect(lines(pdftotext(bytes, '-raw'))[1]).toBe('هنا 🚰 قال');
    expect(plain).toMatch(/shown as □ and kept in its text: U\+1F6B0, U\+1D7CF,\s+U\+1D7D0, U\+7231, U\+6F2B, U\+5C9B\./);
    // Each placeholder has its width, and the word after it starts beyond it.
    const line = words(bytes).filter((w) => w.yMin === words(bytes).find((v) => v.text === 'Tap')!.yMin);
    expect(line.map((w) => w.text)).toEqual(['Tap', '🚰', 'then', '𝟏𝟐', 'and', '爱漫岛', '50%', 'done.']);
    for (let i = 1; i < line.length; i++) expect(line[i]!.xMin, `${line[i]!.text} after ${line[i - 1]!.text}`).toBeGreaterThan(line[i - 1]!.xMax);
    const one = line[1]!.xMax - line[1]!.xMin;
    expect(one).toBeGreaterThan(5);
    expect(line[5]!.xMax - line[5]!.xMin).toBeCloseTo(3 * one, 1);
    // pdf.js, which does not read ActualText, sees the placeholders and nothing drawn over them.
    expect(await pdfText(bytes)).toContain('Tap □ then □□ and □□□ 50% done.');
  });

  it('adds no note when every character has a glyph', async () => {
    expect(pdftotext(await pdfFromMarkdown('Plain words, عربي and עברית.\n', meta))).not.toContain('Characters no font');
  });
});
