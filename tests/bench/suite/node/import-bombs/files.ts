/**
 * The files the import-bombs benchmark imports, built at run time from the unit tests' builders:
 * each hostile file of issue 15 beside an honest file of about the same size and format.
 */
import { buildPdf, linesAt } from '../../../../unit/import/formats/support/pdf.js';
import { pdfWithContent, selfReferencingPdf } from '../../../../unit/import/support/pdf-bombs.js';
import { paragraph, wordFile, wordParts } from '../../../../unit/import/support/word.js';
import { writeZip } from '../../../../unit/import/support/zip.js';

const MB = 1024 * 1024;

/** One file to import: its name (which decides the format) and a builder for its bytes. */
export interface BenchFile {
  id: string;
  label: string;
  fileName: string;
  build: () => Uint8Array;
}

/** A hostile file and the honest one it is measured beside. */
export interface BombPair {
  id: string;
  title: string;
  bomb: BenchFile;
  honest: BenchFile;
}

const WORDS = 'the minister said council report flood water villages inspection dam river officials residents according to a spokesperson government budget figures percent year'.split(' ');

/** Deterministic prose of `count` words, so every run imports the same honest text. */
function prose(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => WORDS[(i * 7 + seed * 13) % WORDS.length]).join(' ');
}

function honestWord(paragraphs: number): Uint8Array {
  const one = (i: number) => `<w:p><w:r><w:t xml:space="preserve">${prose(40, i)} </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${prose(3, i + 1)}</w:t></w:r><w:r><w:t xml:space="preserve"> ${prose(25, i + 2)}.</w:t></w:r></w:p>`;
  return wordFile(Array.from({ length: paragraphs / 100 }, (_, block) => ({ data: Array.from({ length: 100 }, (_, i) => one(block * 100 + i)).join('') })));
}

function honestPdf(pages: number): Uint8Array {
  return buildPdf(Array.from({ length: pages }, (_, page) => ({ texts: linesAt(Array.from({ length: 8 }, (_, p) => Array.from({ length: 5 }, (_, l) => prose(12, page + p + l)))) })));
}

export const BOMB_PAIRS: readonly BombPair[] = [
  {
    id: 'import-bomb-docx-paragraphs',
    title: 'Import a Word file of 1.7 M short paragraphs whose ZIP directory claims 4 KB',
    bomb: { id: 'docx-paragraphs', label: 'paragraph bomb', fileName: 'bomb.docx', build: () => wordFile([{ data: paragraph('x').repeat(1000), times: 1700 }], { claimedSize: 4096 }) },
    honest: { id: 'docx-3300', label: 'honest Word file, 3,300 paragraphs', fileName: 'honest.docx', build: () => honestWord(3_300) },
  },
  {
    id: 'import-bomb-lying-zip',
    title: 'Import a 2 MB Word file that unpacks to 2 GB while its directory claims 4 KB',
    bomb: { id: 'lying-zip', label: 'lying ZIP', fileName: 'lie.docx', build: () => writeZip(wordParts([{ data: new Uint8Array(MB), times: 2048 }], { claimedSize: 4096 })) },
    honest: { id: 'docx-17000', label: 'honest Word file, 17,000 paragraphs', fileName: 'honest.docx', build: () => honestWord(17_000) },
  },
  {
    id: 'import-bomb-pdf-stream',
    title: 'Import a 0.5 MB PDF whose content stream inflates to 512 MB',
    bomb: { id: 'pdf-stream', label: 'stream bomb', fileName: 'spaces.pdf', build: () => pdfWithContent([{ data: ' '.repeat(MB), times: 512 }]) },
    honest: { id: 'pdf-100', label: 'honest PDF, 100 pages', fileName: 'honest.pdf', build: () => honestPdf(100) },
  },
  {
    id: 'import-bomb-pdf-self-tree',
    title: 'Import a PDF whose page tree contains itself',
    bomb: { id: 'pdf-self-tree', label: 'self-referencing page tree', fileName: 'self.pdf', build: selfReferencingPdf },
    honest: { id: 'pdf-1', label: 'honest PDF, 1 page', fileName: 'one.pdf', build: () => honestPdf(1) },
  },
];

/** Every file by its id, for the probe a child process runs. */
export function benchFile(id: string): BenchFile | undefined {
  return BOMB_PAIRS.flatMap((pair) => [pair.bomb, pair.honest]).find((file) => file.id === id);
}
