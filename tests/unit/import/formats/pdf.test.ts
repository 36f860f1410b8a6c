import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../../../main/services/import/formats/pdf.js';
import { contentToText } from '../../../../shared/text.js';
import { buildPdf, linesAt, type PdfText } from './support/pdf.js';

const header = (page: number): PdfText[] => [
  { x: 72, y: 805, text: 'The Valley Water Review', size: 9 },
  { x: 290, y: 40, text: `Page ${page} of 2`, size: 9 },
];

function twoPageReport(): Uint8Array {
  const pageOne = [
    { x: 72, y: 770, text: 'Inspection findings', size: 18 },
    ...linesAt(
      [
        ['The dam was last inspected in 2019, when engineers found that its spillway', 'was partly blocked by debris and recommended immediate clearing.'],
        ['Funding for the repairs was requested twice, and the infor-', 'mation in the budget papers shows both requests were refused by the', 'regional council.'],
        ['The third paragraph runs on to the next page because the report is long and the', 'sentence does not end here at the bottom of the first page in the'],
      ],
      { top: 740 },
    ),
    ...header(1),
  ];
  const pageTwo = [
    ...linesAt([['middle of a thought that continues on page two.'], ['A final paragraph closes the report.']], { top: 770 }),
    ...header(2),
  ];
  // Pieces of one line written out of order, as PDF producers often do: reading order comes from positions.
  pageTwo.push({ x: 200, y: 700, text: 'second half of a line.' }, { x: 72, y: 700, text: 'First half and the' });
  return buildPdf([{ texts: pageOne }, { texts: pageTwo }], { title: 'Valley dam inspection report' });
}

describe('parsePdf', () => {
  it('rebuilds paragraphs in reading order across pages and drops running headers and page numbers', async () => {
    const parsed = await parsePdf(twoPageReport(), 'report.pdf');
    expect(parsed.title).toBe('Valley dam inspection report');
    const blocks = parsed.content.content!;
    expect(blocks[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Inspection findings' }] });
    expect(contentToText(parsed.content).split('\n')).toEqual([
      'Inspection findings',
      'The dam was last inspected in 2019, when engineers found that its spillway was partly blocked by debris and recommended immediate clearing.',
      'Funding for the repairs was requested twice, and the information in the budget papers shows both requests were refused by the regional council.',
      'The third paragraph runs on to the next page because the report is long and the sentence does not end here at the bottom of the first page in the middle of a thought that continues on page two.',
      'A final paragraph closes the report.',
      'First half and the second half of a line.',
    ]);
  });

  it('joins a hyphenated word only when a lowercase letter continues it', async () => {
    const pdf = buildPdf([{ texts: linesAt([['A well known non-', 'Governmental group and the infor-', 'mation desk.']]) }]);
    expect(contentToText((await parsePdf(pdf)).content)).toBe('A well known non- Governmental group and the information desk.');
  });

  it('takes the first line as the title when the PDF has no title property', async () => {
    const parsed = await parsePdf(buildPdf([{ texts: linesAt([['Only one paragraph here.']]) }]));
    expect(parsed.title).toBe('Only one paragraph here.');
  });

  it('refuses a PDF without a text layer (a scan) with a message that says so', async () => {
    await expect(parsePdf(buildPdf([{ image: true }, { image: true }]), 'scan.pdf')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: '"scan.pdf" has no text layer (it is probably a scan); Factmark cannot read scanned PDFs yet — run OCR first.',
    });
  });

  it('refuses a password-protected PDF', async () => {
    const pdf = buildPdf([{ texts: linesAt([['Secret.']]) }], { encryptedWithPassword: true });
    await expect(parsePdf(pdf, 'locked.pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('"locked.pdf" is password-protected') });
  });

  it('refuses a damaged PDF', async () => {
    await expect(parsePdf(new Uint8Array(Buffer.from('%PDF-1.7\nthis is not really a pdf')), 'broken.pdf')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '"broken.pdf" is damaged: it is not a readable PDF.',
    });
  });
});
