// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the tests project compiles this file through imports and must see the declarations of the untyped packages
/// <reference path="./vendor.d.ts" />
/**
 * Lays the report's blocks out on A4 pages with pdfkit: our own line breaking (at spaces, and
 * inside a word only when it is wider than the line), the Unicode Bidirectional Algorithm
 * (bidi-js) per paragraph and per line, so a right-to-left paragraph is set from the right and an
 * Arabic phrase inside an English sentence reads right to left, fontkit's Arabic shaping (joining
 * forms) for each right-to-left run, headings that stay with what follows, tables whose cells wrap
 * and whose header row repeats on each page, and "page N of M" at the foot of every page. A
 * character no bundled font has is drawn as a placeholder of its own width, kept in the text layer
 * (an ActualText span) and listed in a note at the end of the report.
 */
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import type { Block, Run } from './blocks.js';
import { fontPieces, PLACEHOLDER, placeholderText, reportFonts, type FontStyle } from './fonts.js';

const bidi = bidiFactory();

/** A4 in points, and the margins. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, footer: 28 } as const;

const COLOURS = { text: '#1b1f24', muted: '#57606a', link: '#0b5cad', line: '#c4ccd4', panel: '#f2f4f7' } as const;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const LINE = 1.4;
const HEADINGS: Record<number, { size: number; before: number; after: number }> = {
  1: { size: 19, before: 0, after: 10 },
  2: { size: 14.5, before: 16, after: 8 },
  3: { size: 12, before: 12, after: 5 },
  4: { size: 10.5, before: 10, after: 4 },
};
/** A character of a script of its own (not Common, Inherited or Unknown): fontkit takes a word's script from the first one. */
const SCRIPT_CHAR = /[^\p{Script=Zyyy}\p{Script=Zinh}\p{Script=Zzzz}]/u;
/** The scripts fontkit shapes right to left (its own list): it reverses the glyphs of a word in one of them. */
const RTL_SCRIPT =
  /[\p{Script=Arab}\p{Script=Hebr}\p{Script=Syrc}\p{Script=Thaa}\p{Script=Cprt}\p{Script=Khar}\p{Script=Phnx}\p{Script=Nkoo}\p{Script=Lydi}\p{Script=Avst}\p{Script=Armi}\p{Script=Phli}\p{Script=Prti}\p{Script=Sarb}\p{Script=Orkh}\p{Script=Samr}\p{Script=Mand}\p{Script=Merc}\p{Script=Mero}\p{Script=Mani}\p{Script=Mend}\p{Script=Nbat}\p{Script=Narb}\p{Script=Palm}\p{Script=Phlp}]/u;

/**
 * Whether fontkit (through pdfkit) lays `word` out right to left, reversing its glyphs: when the
 * first character of a script of its own is in a right-to-left script. Arabic-Indic (U+0660–0669)
 * and Persian (U+06F0–06F9) digits are of the Arabic script, so fontkit reverses a number written
 * with them, although a number reads left to right (the bidi algorithm gives it an even level).
 */
function fontReverses(word: string): boolean {
  const first = SCRIPT_CHAR.exec(word);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

/** The drawing calls the layout makes: the parts of a pdfkit document it uses. */
export type PdfDoc = PDFKit.PDFDocument;

/** A paragraph ready for lines: its text, which run each character belongs to, and its bidi levels. */
interface Para {
  text: string;
  /** The run of each UTF-16 unit of `text`. */
  runOf: Run[];
  levels: EmbeddingLevels;
  size: number;
  bold: boolean;
}

/** A line: a range of the paragraph's text (end exclusive, trailing spaces left out) and its width. */
interface Line {
  start: number;
  end: number;
  width: number;
}

/** Where blocks are set: the left edge, the width, and how many block quotes they are inside. */
interface Frame {
  x: number;
  width: number;
  quotes: number;
}

function fontStyle(run: Run, bold: boolean): FontStyle {
  if (run.code) return 'mono';
  const b = bold || run.bold;
  return b && run.italic ? 'boldItalic' : b ? 'bold' : run.italic ? 'italic' : 'regular';
}

function colourOf(run: Run): string {
  return run.muted ? COLOURS.muted : run.href ? COLOURS.link : COLOURS.text;
}

/** The layout of one report: a cursor on the current page, moving down. */
export class ReportLayout {
  private y = PAGE.margin;
  private readonly bottom = PAGE.height - PAGE.margin;
  /** The anchors of the report's headings, so links to them become links inside the PDF. */
  private readonly anchors: Set<string>;
  /** The characters drawn as placeholders (no bundled font has them), in the order first met. */
  private readonly missing = new Set<string>();

  constructor(
    private readonly doc: PdfDoc,
    anchors: Iterable<string>,
  ) {
    this.anchors = new Set(anchors);
  }

  /** Lays out `blocks` from the top of the current page. */
  blocks(blocks: readonly Block[], frame: Frame = { x: PAGE.margin, width: PAGE.width - 2 * PAGE.margin, quotes: 0 }): void {
    blocks.forEach((block, index) => this.block(block, frame, index === 0));
  }

  /**
   * Finishes the report: the note on the characters drawn as placeholders (if any), then "N / M" at
   * the foot of every page (the pages are buffered until then).
   */
  footers(): void {
    this.missingNote();
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const label = `${i + 1} / ${range.count}`;
      this.font('regular').fontSize(8).fillColor(COLOURS.muted);
      const width = this.doc.widthOfString(label);
      this.doc.text(label, (PAGE.width - width) / 2, PAGE.height - PAGE.footer, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /**
   * A note after the report's last block naming, by code point, each character no bundled font has:
   * a reader seeing a placeholder learns that the character is there (copy and search find it) but
   * that the PDF cannot show it.
   */
  private missingNote(): void {
    if (this.missing.size === 0) return;
    const codes = [...this.missing].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    const text = `Characters no font of this PDF has are shown as ${PLACEHOLDER} and kept in its text: ${codes.join(', ')}.`;
    this.y += 6;
    this.block({ kind: 'paragraph', runs: [{ text, bold: false, italic: false, code: false, href: null, muted: true }] }, { x: PAGE.margin, width: PAGE.width - 2 * PAGE.margin, quotes: 0 }, false);
  }

  /** Switches to the font of `style`. */
  private font(style: FontStyle): PdfDoc {
    return this.doc.font(reportFonts()[style].name);
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** Starts a new page unless `height` more points fit on this one (a block taller than a page starts where it is). */
  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > PAGE.margin) this.newPage();
  }

  private block(block: Block, frame: Frame, first: boolean): void {
    switch (block.kind) {
      case 'heading': {
        const h = HEADINGS[Math.min(block.level, 4)]!;
        if (!first) this.y += h.before;
        const para = this.para(block.runs, h.size, true);
        const lines = this.lines(para, frame.width);
        // A heading stays with its first lines of text.
        this.ensure(lines.length * h.size * 1.25 + 3 * BODY_SIZE * LINE);
        this.doc.addNamedDestination(block.anchor, 'XYZ', frame.x, this.y, null);
        this.drawLines(para, lines, frame, h.size * 1.25);
        if (block.level <= 2) {
          this.doc.moveTo(frame.x, this.y + 2).lineTo(frame.x + frame.width, this.y + 2).lineWidth(0.6).strokeColor(COLOURS.line).stroke();
          this.y += 3;
        }
        this.y += h.after;
        return;
      }
      case 'paragraph': {
        const para = this.para(block.runs, BODY_SIZE, false);
        this.drawLines(para, this.lines(para, frame.width), frame, BODY_SIZE * LINE);
        this.y += 6;
        return;
      }
      case 'list': {
        const indent = 16;
        block.items.forEach((item, index) => {
          // The marker sits beside the item's first line: make room for that line first.
          this.ensure(BODY_SIZE * LINE);
          this.font('regular').fontSize(BODY_SIZE).fillColor(COLOURS.muted);
          this.doc.text(block.ordered ? `${block.start + index}.` : '•', frame.x + 3, this.y + BODY_SIZE * 1.05, { lineBreak: false, baseline: 'alphabetic' });
          this.compactBlocks(item, { x: frame.x + indent, width: frame.width - indent, quotes: frame.quotes });
        });
        this.y += 4;
        return;
      }
      case 'quote': {
        const inner = { x: frame.x + 12, width: frame.width - 12, quotes: frame.quotes + 1 };
        this.blocks(block.blocks, inner);
        return;
      }
      case 'table':
        this.table(block.header, block.rows, frame);
        this.y += 8;
        return;
      case 'rule':
        this.ensure(12);
        this.doc.moveTo(frame.x, this.y + 5).lineTo(frame.x + frame.width, this.y + 5).lineWidth(0.6).strokeColor(COLOURS.line).stroke();
        this.y += 12;
        return;
      case 'code': {
        const run: Run = { text: block.text, bold: false, italic: false, code: true, href: null, muted: false };
        const para = this.para([run], TABLE_SIZE, false);
        this.drawLines(para, this.lines(para, frame.width), frame, TABLE_SIZE * LINE);
        this.y += 6;
      }
    }
  }

  /** A list item's blocks: paragraphs closer together than in running text. */
  private compactBlocks(blocks: readonly Block[], frame: Frame): void {
    blocks.forEach((block, index) => {
      this.block(block, frame, index === 0);
      if (block.kind === 'paragraph') this.y -= 4;
    });
  }

  /** The paragraph of `runs`: its text, the run of each character, and the bidi levels (direction from its first strong letter). */
  private para(runs: readonly Run[], size: number, bold: boolean): Para {
    const runOf: Run[] = [];
    let text = '';
    for (const run of runs) {
      text += run.text;
      for (let i = 0; i < run.text.length; i += 1) runOf.push(run);
    }
    return { text, runOf, levels: bidi.getEmbeddingLevels(text), size, bold };
  }

  /** The width of `para.text[start, end)` as it will be drawn. */
  private measure(para: Para, start: number, end: number): number {
    let width = 0;
    let i = start;
    while (i < end) {
      const run = para.runOf[i]!;
      let j = i + 1;
      while (j < end && para.runOf[j] === run) j += 1;
      for (const piece of fontPieces(para.text.slice(i, j), fontStyle(run, para.bold))) {
        width += this.font(piece.style).fontSize(para.size).widthOfString(piece.missing ? placeholderText(piece.text) : piece.text);
      }
      i = j;
    }
    return width;
  }

  /** Breaks `para` into lines no wider than `width`: at spaces and line breaks, and inside a word only when it is wider than a line. */
  private lines(para: Para, width: number): Line[] {
    const lines: Line[] = [];
    let current: Line | null = null;
    let pendingSpace = 0;
    const close = () => {
      if (current) lines.push(current);
      current = null;
      pendingSpace = 0;
    };
    for (const match of para.text.matchAll(/\n|[^\S\n]+|\S+/gu)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0] === '\n') {
        if (!current) lines.push({ start, end: start, width: 0 });
        close();
        continue;
      }
      if (/^\s/u.test(match[0])) {
        if (current) pendingSpace = this.measure(para, start, end);
        continue;
      }
      let wordStart = start;
      while (wordStart < end) {
        const wordWidth = this.measure(para, wordStart, end);
        const line: Line | null = current;
        if (line && line.width + pendingSpace + wordWidth <= width) {
          line.end = end;
          line.width += pendingSpace + wordWidth;
          pendingSpace = 0;
          break;
        }
        if (line) close();
        if (wordWidth <= width) {
          current = { start: wordStart, end, width: wordWidth };
          break;
        }
        // A word wider than the line (an address, a hash): as many characters as fit, then the rest.
        let cut = wordStart + 1;
        while (cut < end && this.measure(para, wordStart, cut + 1) <= width) cut += 1;
        if (cut < end && /[\udc00-\udfff]/u.test(para.text[cut]!)) cut += 1;
        lines.push({ start: wordStart, end: cut, width: this.measure(para, wordStart, cut) });
        wordStart = cut;
      }
    }
    close();
    return lines;
  }

  /** Draws `lines` of `para` from the cursor down, a new page when one does not fit. */
  private drawLines(para: Para, lines: readonly Line[], frame: Frame, lineHeight: number): void {
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(para, line, frame.x, this.y, frame.width, lineHeight);
      this.quoteBars(frame, this.y, lineHeight);
      this.y += lineHeight;
    }
  }

  /** The bars of the block quotes a line is inside. */
  private quoteBars(frame: Frame, y: number, height: number): void {
    for (let q = 0; q < frame.quotes; q += 1) {
      const x = frame.x - 12 * (frame.quotes - q) + 2;
      this.doc.rect(x, y, 2.5, height).fillColor(COLOURS.line).fill();
    }
  }

  /**
   * Draws one line at (x, top): its characters put in visual order by the bidi algorithm, then
   * drawn run by run from the left; a right-to-left paragraph's lines are set against the right edge.
   */
  private drawLine(para: Para, line: Line, x: number, top: number, width: number, lineHeight: number): void {
    if (line.end <= line.start) return;
    const { text, levels } = para;
    const order: number[] = [];
    for (let i = line.start; i < line.end; i += 1) order.push(i);
    for (const [s, e] of bidi.getReorderSegments(text, levels, line.start, line.end - 1)) {
      const from = s - line.start;
      const reversed = order.slice(from, e - line.start + 1).reverse();
      order.splice(from, reversed.length, ...reversed);
    }
    const mirrored = bidi.getMirroredCharactersMap(text, levels, line.start, line.end - 1);
    const paragraph = levels.paragraphs.find((p) => p.start <= line.start && line.start <= p.end);
    let cx = paragraph && paragraph.level % 2 === 1 ? x + width - line.width : x;
    const baseline = top + para.size * 1.05 + (lineHeight - para.size * LINE) / 2;
    let k = 0;
    while (k < order.length) {
      // A visual run: consecutive characters of one run and one level, in logical order forwards (LTR) or backwards (RTL).
      const first = order[k]!;
      const level = levels.levels[first]!;
      const run = para.runOf[first]!;
      const step = level % 2 === 1 ? -1 : 1;
      let m = k + 1;
      while (m < order.length && order[m] === order[m - 1]! + step && levels.levels[order[m]!] === level && para.runOf[order[m]!] === run) m += 1;
      const low = Math.min(first, order[m - 1]!);
      const high = Math.max(first, order[m - 1]!);
      let logical = '';
      for (let i = low; i <= high; i += 1) logical += mirrored.get(i) ?? text[i];
      cx += this.drawRun(logical, step === -1, run, para, cx, baseline, top, lineHeight);
      k = m;
    }
  }

  /**
   * Draws a run's text (logical order) at (x, baseline) and returns its width. pdfkit shapes each
   * word on its own (fontkit joins the Arabic letters and reverses the glyphs of a word whose script
   * is right to left, `fontReverses`) but keeps the words in the order given, so a right-to-left run
   * is drawn word by word from its logical end. A word whose direction fontkit gets wrong is
   * reversed here first, so that fontkit's reversal (or its absence) draws it in visual order and
   * the text layer reads it in logical order: digits, spaces or punctuation in a right-to-left run,
   * Arabic-Indic and Persian digits in a left-to-right one (a number inside Arabic text).
   */
  private drawRun(logical: string, rtl: boolean, run: Run, para: Para, x: number, baseline: number, top: number, lineHeight: number): number {
    const pieces = fontPieces(logical, fontStyle(run, para.bold));
    if (rtl) pieces.reverse();
    let cx = x;
    for (const piece of pieces) {
      this.font(piece.style).fontSize(para.size).fillColor(colourOf(run));
      if (piece.missing) {
        cx += this.drawMissing(piece.text, cx, baseline);
        continue;
      }
      const words = rtl || fontReverses(piece.text) ? (piece.text.match(/\s+|\S+/gu) ?? []) : [piece.text];
      if (rtl) words.reverse();
      for (const word of words) {
        const shown = fontReverses(word) !== rtl ? [...word].reverse().join('') : word;
        this.doc.text(shown, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
        cx += this.doc.widthOfString(shown);
      }
    }
    const width = cx - x;
    if (run.href?.startsWith('#')) {
      const anchor = decodeURIComponent(run.href.slice(1));
      if (this.anchors.has(anchor)) this.doc.goTo(x, top, width, lineHeight, anchor);
    } else if (run.href) {
      this.doc.link(x, top, width, lineHeight, run.href);
    }
    return width;
  }

  /**
   * Draws characters no bundled font has (`text`, logical order) as placeholders at (x, baseline)
   * and returns their width, the width `measure` gave them. The placeholders sit in a marked-content
   * span whose ActualText is the characters themselves, so copying, searching and reading aloud get
   * the exact words (pdftotext, Acrobat and Chromium's PDFium read ActualText; pdf.js shows the
   * placeholders). The span is opened and closed inside the text object pdfkit writes (after its
   * BT, before its ET), where poppler places the ActualText on the line with the words around it.
   */
  private drawMissing(text: string, x: number, baseline: number): number {
    for (const char of text.replace(/[\p{M}\p{Cf}]/gu, '')) this.missing.add(char);
    const shown = placeholderText(text);
    const doc = this.doc as PdfDoc & { addContent(data: string): PdfDoc };
    // For this one call, doc.addContent (pdfkit's writer of page content) opens the span after BT and closes it before ET.
    const write = doc.addContent.bind(doc);
    doc.addContent = (data: string) => {
      if (data === 'ET') doc.endMarkedContent();
      write(data);
      if (data === 'BT') doc.markContent('Span', { actual: text } as PDFKit.Mixins.MarkingOptions);
      return doc;
    };
    try {
      doc.text(shown, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    } finally {
      Reflect.deleteProperty(doc, 'addContent');
    }
    return doc.widthOfString(shown);
  }

  /** A table: columns sized to their content, cells wrapped, rows kept whole where they fit, the header row repeated on each new page. */
  private table(header: Run[][], rows: Run[][][], frame: Frame): void {
    const columns = Math.max(header.length, ...rows.map((r) => r.length));
    if (columns === 0) return;
    const pad = 4;
    const lineHeight = TABLE_SIZE * 1.3;
    const headParas = header.map((cell) => this.para(cell, TABLE_SIZE, true));
    const bodyParas = rows.map((row) => row.map((cell) => this.para(cell, TABLE_SIZE, false)));
    const widths = this.columnWidths([headParas, ...bodyParas], columns, frame.width, pad);
    const layoutRow = (paras: Para[]) => widths.map((w, c) => (paras[c] ? this.lines(paras[c], w - 2 * pad) : []));
    const headLines = layoutRow(headParas);
    const headHeight = Math.max(1, ...headLines.map((l) => l.length)) * lineHeight + 2 * pad;
    const drawRow = (paras: Para[], lines: Line[][], from: number, count: number, shaded: boolean) => {
      const height = count * lineHeight + 2 * pad;
      let x = frame.x;
      widths.forEach((w, c) => {
        if (shaded) this.doc.rect(x, this.y, w, height).fillColor(COLOURS.panel).fill();
        this.doc.rect(x, this.y, w, height).lineWidth(0.5).strokeColor(COLOURS.line).stroke();
        const cellLines = lines[c] ?? [];
        const para = paras[c];
        if (para) {
          cellLines.slice(from, from + count).forEach((line, n) => this.drawLine(para, line, x + pad, this.y + pad + n * lineHeight, w - 2 * pad, lineHeight));
        }
        x += w;
      });
      this.quoteBars(frame, this.y, height);
      this.y += height;
    };
    const drawHead = () => {
      if (header.length > 0) drawRow(headParas, headLines, 0, Math.max(1, ...headLines.map((l) => l.length)), true);
    };
    this.ensure(headHeight + lineHeight + 2 * pad);
    drawHead();
    bodyParas.forEach((paras) => {
      const lines = layoutRow(paras);
      const total = Math.max(1, ...lines.map((l) => l.length));
      if (this.y + total * lineHeight + 2 * pad > this.bottom && total * lineHeight + 2 * pad + headHeight <= this.bottom - PAGE.margin) {
        this.newPage();
        drawHead();
      }
      let done = 0;
      while (done < total) {
        const fit = Math.max(1, Math.floor((this.bottom - this.y - 2 * pad) / lineHeight));
        const count = Math.min(fit, total - done);
        drawRow(paras, lines, done, count, false);
        done += count;
        if (done < total) {
          this.newPage();
          drawHead();
        }
      }
    });
  }

  /** Column widths: each column's longest word at least, the rest shared by how much text each column holds. */
  private columnWidths(table: Para[][], columns: number, width: number, pad: number): number[] {
    const natural = new Array<number>(columns).fill(0);
    const least = new Array<number>(columns).fill(0);
    for (const row of table) {
      row.forEach((para, c) => {
        natural[c] = Math.max(natural[c]!, this.measure(para, 0, para.text.length) + 2 * pad);
        for (const word of para.text.matchAll(/\S+/gu)) least[c] = Math.max(least[c]!, this.measure(para, word.index, word.index + word[0].length) + 2 * pad);
      });
    }
    const totalNatural = natural.reduce((a, b) => a + b, 0);
    if (totalNatural <= width) return natural.map((n) => n + (width - totalNatural) / columns);
    // Words longer than a fair share are broken rather than squeezing the other columns.
    const cap = width / columns;
    const floor = least.map((l, c) => Math.min(l, Math.max(cap, natural[c]! < cap ? natural[c]! : cap)));
    const rest = width - floor.reduce((a, b) => a + b, 0);
    const extra = natural.map((n, c) => Math.max(0, n - floor[c]!));
    const totalExtra = extra.reduce((a, b) => a + b, 0) || 1;
    return floor.map((f, c) => f + (rest * extra[c]!) / totalExtra);
  }
}
