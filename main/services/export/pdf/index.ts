/**
 * The PDF report: the Markdown report (the same text every other reader of the report sees, as
 * markdown-it renders it) laid out on A4 pages by pdfkit with embedded DejaVu fonts. A pure
 * function of its input: the document's dates come from the report's `generatedAt`, and pdfkit's
 * file identifier is a hash of the document information, so the same report gives the same bytes.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { markdownReport } from '../../../../shared/report/markdown/index.js';
import type { ReportInput, ReportOptions } from '../../../../shared/report/input.js';
import { markdownBlocks, runsText, type Block } from './blocks.js';
import { reportFonts, type FontStyle } from './fonts.js';
import { PAGE, ReportLayout } from './layout.js';

/** What the PDF's document information says. */
export interface PdfReportMeta {
  /** ISO timestamp: the document's creation and modification dates. */
  generatedAt: string;
  /** The analyst named in the report ('' for nobody). */
  author: string;
  /** Fallback title when the report has no top-level heading. */
  title: string;
}

/** The anchors of every heading, nested blocks included. */
function anchorsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.kind === 'heading' ? [block.anchor] : block.kind === 'quote' ? anchorsOf(block.blocks) : block.kind === 'list' ? block.items.flatMap(anchorsOf) : [],
  );
}

/** The PDF of a Markdown report. */
export function pdfFromMarkdown(markdown: string, meta: PdfReportMeta): Promise<Uint8Array> {
  const blocks = markdownBlocks(markdown);
  const heading = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const title = heading?.kind === 'heading' ? runsText(heading.runs) : meta.title;
  const date = new Date(meta.generatedAt);
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: false,
    // pdfkit would start with Helvetica's metrics; the report's own font instead (pdfkit takes a parsed fontkit font too).
    font: fonts.regular.font as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: title,
      ...(meta.author !== '' ? { Author: meta.author } : {}),
      Creator: 'Factmark',
      Producer: 'Factmark (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit derives the file identifier from the document information alone (title and dates), so two
  // reports of one project made at the same time would share it: derive it from the text as well.
  (doc as unknown as { _id: Uint8Array })._id = new Uint8Array(createHash('md5').update(meta.generatedAt).update('\n').update(markdown).digest());
  for (const style of Object.keys(fonts) as FontStyle[]) doc.registerFont(fonts[style].name, fonts[style].font as unknown as string);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.addPage();
  const layout = new ReportLayout(doc, anchorsOf(blocks));
  layout.blocks(blocks);
  layout.footers();
  doc.end();
  return done;
}

/** The PDF report of `input`: its Markdown report laid out, dated `input.generatedAt`, by `input.analyst`. */
export function pdfReport(input: ReportInput, options: ReportOptions): Promise<Uint8Array> {
  return pdfFromMarkdown(markdownReport(input, options), { generatedAt: input.generatedAt, author: input.analyst, title: input.project.name });
}
