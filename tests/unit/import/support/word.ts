/**
 * Word files for the import worker's tests, written with ./zip.ts: the three parts mammoth needs,
 * with a body given as pieces to repeat (./deflate.ts), so a document of 1.7 million paragraphs
 * (about 100 MB of XML) is a few hundred KB to build and to hold.
 */
import { deflateRepeated, type Piece } from './deflate.js';
import { writeZip, type ZipPart } from './zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A paragraph of one run of text. */
export const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** The parts around a body: the content types, the package relationships and word/document.xml. */
export function wordParts(body: Piece[], documentPart: Partial<ZipPart> = {}): ZipPart[] {
  const deflated = deflateRepeated([{ data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>` }, ...body, { data: '</w:body></w:document>' }]);
  return [{ name: '[Content_Types].xml', text: CONTENT_TYPES }, { name: '_rels/.rels', text: RELS }, { name: 'word/document.xml', deflated, ...documentPart }];
}

/** A .docx whose body is the pieces, repeated as they say. */
export function wordFile(body: Piece[], documentPart: Partial<ZipPart> = {}): Uint8Array {
  return writeZip(wordParts(body, documentPart));
}
