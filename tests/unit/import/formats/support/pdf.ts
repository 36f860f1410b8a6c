/**
 * Builds small PDFs byte by byte for the PDF parser's tests: pages of positioned text in
 * Helvetica, optional document properties, and a page with only an image (a "scan").
 */

/** One run of text placed at (x, y) in PDF points, y from the bottom of an A4 page. */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

export interface PdfPage {
  texts?: PdfText[];
  /** Paints a small grey image and a rectangle instead of text. */
  image?: boolean;
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function pageStream(page: PdfPage): string {
  const ops: string[] = [];
  if (page.image) {
    ops.push('0.5 g 72 600 200 100 re f');
    ops.push('q 200 0 0 200 72 300 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q');
  }
  for (const t of page.texts ?? []) {
    ops.push(`BT /F1 ${t.size ?? 11} Tf 1 0 0 1 ${t.x} ${t.y} Tm (${escapePdfString(t.text)}) Tj ET`);
  }
  return ops.join('\n');
}

/** A complete PDF file with the given pages (A4, Helvetica, WinAnsi). */
export function buildPdf(pages: PdfPage[], info: { title?: string; encryptedWithPassword?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObject = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const stream = pageStream(page);
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoObject = info.title === undefined ? 0 : add(`<< /Title (${escapePdfString(info.title)}) /Producer (Factmark tests) >>`);

  // Standard security handler, revision 2, with owner/user hashes no empty password matches.
  const encrypt = info.encryptedWithPassword ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : 0;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoObject ? ` /Info ${infoObject} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lays out paragraphs as lines of body text from the top of a page, with a blank line's gap between paragraphs. */
export function linesAt(paragraphs: string[][], options: { top?: number; left?: number; leading?: number; indent?: number } = {}): PdfText[] {
  const { top = 760, left = 72, leading = 14, indent = 0 } = options;
  const texts: PdfText[] = [];
  let y = top;
  for (const lines of paragraphs) {
    lines.forEach((text, i) => {
      texts.push({ x: left + (i === 0 ? indent : 0), y, text });
      y -= leading;
    });
    y -= leading * (indent ? 0 : 1);
  }
  return texts;
}
