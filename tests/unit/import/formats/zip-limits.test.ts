/**
 * The ZIP reader and the XML count under hostile archives: an entry is inflated with a cap on its
 * real output whatever the central directory claims, the count of elements sees every piece as it
 * is unpacked (tags cut between pieces included), and the Word reader refuses past its limits
 * before mammoth parses anything.
 */
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../../main/services/import/formats/docx.js';
import { DOCX_LIMITS } from '../../../../main/services/import/formats/docx-parts.js';
import { XmlElementCounter } from '../../../../main/services/import/formats/xml-elements.js';
import { readZipEntry, zipEntries } from '../../../../main/services/import/formats/zip.js';
import { deflateRepeated } from '../support/deflate.js';
import { paragraph, wordFile } from '../support/word.js';
import { writeZip } from '../support/zip.js';

const MB = 1024 * 1024;

describe('readZipEntry', () => {
  it('reads stored and deflated entries whole', async () => {
    const zip = writeZip([{ name: 'a.txt', text: 'stored' }, { name: 'b.txt', deflated: deflateRepeated([{ data: 'ab', times: 3 }]) }]);
    const [a, b] = zipEntries(zip)!;
    expect(await readZipEntry(zip, a!, 100)).toEqual({ ok: true, bytes: expect.anything() });
    expect(Buffer.from(((await readZipEntry(zip, b!, 100)) as { bytes: Uint8Array }).bytes).toString()).toBe('ababab');
  });

  it('refuses an entry whose directory claims more than the cap, before inflating it', async () => {
    const zip = writeZip([{ name: 'big.xml', deflated: deflateRepeated([{ data: 'x', times: 10 }]), claimedSize: 2 * MB }]);
    expect(await readZipEntry(zip, zipEntries(zip)![0]!, MB)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('stops inflating at the cap when the directory claims 4 KB for 2 GB', async () => {
    // 2 GB of zeros in about 2 MB, the red team's "lying directory".
    const zip = writeZip([{ name: 'lie.xml', deflated: deflateRepeated([{ data: new Uint8Array(MB), times: 2048 }]), claimedSize: 4096 }]);
    expect(zip.length).toBeLessThan(3 * MB);
    const before = process.memoryUsage.rss();
    const seen: number[] = [];
    expect(await readZipEntry(zip, zipEntries(zip)![0]!, 8 * MB, (chunk) => seen.push(chunk.length))).toEqual({ ok: false, reason: 'too-large' });
    expect(seen.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(8 * MB);
    expect(process.memoryUsage.rss() - before).toBeLessThan(200 * MB);
  });

  it('calls an entry unreadable when its data is not deflate data', async () => {
    const zip = writeZip([{ name: 'bad.xml', deflated: { raw: Buffer.from('not deflate at all, really not'), size: 10, crc: 0 } }]);
    expect(await readZipEntry(zip, zipEntries(zip)![0]!, MB)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('stops when the piece counter throws', async () => {
    const zip = writeZip([{ name: 'p.xml', deflated: deflateRepeated([{ data: paragraph('x').repeat(1000), times: 1000 }]) }]);
    let pieces = 0;
    const read = readZipEntry(zip, zipEntries(zip)![0]!, 100 * MB, () => {
      if (++pieces === 3) throw new Error('enough');
    });
    await expect(read).rejects.toThrow('enough');
    expect(pieces).toBe(3);
  });
});

describe('XmlElementCounter', () => {
  it('counts element starts and paragraphs under any prefix, not closing tags, comments or declarations', () => {
    const counter = new XmlElementCounter();
    counter.add(Buffer.from('<?xml version="1.0"?><!-- <w:p> --><w:document><w:body><w:p><w:r><w:t>a &lt; b</w:t></w:r></w:p><x:p/><p>c</p><w:pPr/></w:body></w:document>'));
    // document, body, p, r, t, x:p, p, pPr — plus the `<w:p>` inside the comment's text, counted (a bound, not an exact count).
    expect({ elements: counter.elements, paragraphs: counter.paragraphs }).toEqual({ elements: 9, paragraphs: 4 });
  });

  it('gives the same counts however the text is cut into pieces', () => {
    const xml = Buffer.from(`<w:document><w:body>${paragraph('one')}${paragraph('two')}<w:p\n/></w:body></w:document>`);
    const whole = new XmlElementCounter();
    whole.add(xml);
    for (let cut = 1; cut < xml.length; cut++) {
      const pieces = new XmlElementCounter();
      pieces.add(xml.subarray(0, cut));
      pieces.add(xml.subarray(cut));
      expect([pieces.elements, pieces.paragraphs], `cut at ${cut}`).toEqual([whole.elements, whole.paragraphs]);
    }
    expect([whole.elements, whole.paragraphs]).toEqual([9, 3]);
  });
});

describe('parseDocx within its limits', () => {
  it('refuses a Word file of more paragraphs than the HTML step takes, counted before mammoth parses', async () => {
    const docx = wordFile([{ data: '<w:p/>'.repeat(1000), times: DOCX_LIMITS.maxParagraphs / 1000 + 1 }]);
    await expect(parseDocx(docx, 'many.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"many\.docx" has more than 100,000 paragraphs.*plain text/) });
  });

  it('refuses a Word file of more markup than mammoth may build, counted before it parses', async () => {
    const run = '<w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r>';
    const docx = wordFile([{ data: `<w:p>${run.repeat(20)}</w:p>`.repeat(100), times: 70 }]);
    await expect(parseDocx(docx, 'dense.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"dense\.docx" holds more than 500,000 pieces of Word markup/) });
  });

  it('refuses a Word file whose XML unpacks past the cap even when the directory claims 4 KB', async () => {
    const docx = wordFile([{ data: ' '.repeat(MB), times: 80 }], { claimedSize: 4096 });
    await expect(parseDocx(docx, 'lie.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"lie\.docx" unpacks to more than 64 MB of Word XML/) });
  });

  it('still reads an ordinary Word file through its own part reader', async () => {
    const parsed = await parseDocx(wordFile([{ data: paragraph('The minister said unemployment fell.') }]), 'ok.docx');
    expect(parsed.content).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The minister said unemployment fell.' }] }] });
  });
});
