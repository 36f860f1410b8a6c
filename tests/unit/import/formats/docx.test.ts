import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../../main/services/import/formats/docx.js';
import { detectFormat } from '../../../../main/services/import/formats/detect.js';
import { buildDocx, encryptedWordFile, w } from './support/docx.js';

const body = [
  w.p(w.r('Council budget review'), 'Heading1'),
  w.p(`${w.r('The council ')}${w.r('approved', { bold: true })}${w.r(' the budget ')}${w.r('without debate', { italic: true })}${w.r('. See ')}${w.link('rIdLink', 'the minutes')}${w.r('.')}`),
  w.p(w.r('Key figures'), 'Heading2'),
  w.p(w.r('Roads: 4 million'), 'ListParagraph', 1),
  w.p(w.r('Schools: 7 million'), 'ListParagraph', 1),
  w.p(`${w.r('A script link: ')}${w.link('rIdScript', 'click')}`),
].join('');
const links = [
  { id: 'rIdLink', url: 'https://council.example.org/minutes' },
  { id: 'rIdScript', url: 'javascript:alert(1)' },
];

describe('parseDocx', () => {
  it('keeps headings, bold, italic, lists and http links; drops script links', async () => {
    const bytes = await buildDocx(body, { links });
    expect(detectFormat('budget.docx', bytes)).toBe('docx');
    const parsed = await parseDocx(bytes, 'budget.docx');
    expect(parsed.title).toBe('Council budget review');
    expect(parsed.content).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Council budget review' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The council ' },
            { type: 'text', text: 'approved', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' the budget ' },
            { type: 'text', text: 'without debate', marks: [{ type: 'em' }] },
            { type: 'text', text: '. See ' },
            { type: 'text', text: 'the minutes', marks: [{ type: 'link', attrs: { href: 'https://council.example.org/minutes' } }] },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Key figures' }] },
        {
          type: 'bullet_list',
          content: [
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Roads: 4 million' }] }] },
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schools: 7 million' }] }] },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'A script link: click' }] },
      ],
    });
  });

  it('takes the title from the document properties when they have one', async () => {
    const parsed = await parseDocx(await buildDocx(body, { links, title: 'Budget review &amp; minutes' }), 'budget.docx');
    expect(parsed.title).toBe('Budget review & minutes');
  });

  it('refuses a password-protected Word file with a clear message', async () => {
    const bytes = encryptedWordFile();
    expect(detectFormat('secret.docx', bytes)).toBe('docx');
    await expect(parseDocx(bytes, 'secret.docx')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/^"secret\.docx" is password-protected: remove the password in Word .* and import again\.$/),
    });
  });

  it('refuses a damaged file that only looks like a ZIP', async () => {
    const good = await buildDocx(body, { links });
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    await expect(parseDocx(truncated, 'cut.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: '"cut.docx" is damaged: it is not a readable Word document.' });
    await expect(parseDocx(new Uint8Array(Buffer.from('PK\x03\x04 garbage')), 'junk.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: '"junk.docx" is damaged: it is not a readable Word document.' });
  });

  it('refuses a ZIP archive that holds no Word document', async () => {
    const corrupt = await buildDocx(body, { links });
    // Rename word/document.xml in the central directory: the archive is intact, the document is gone.
    const bytes = new Uint8Array(Buffer.from(Buffer.from(corrupt).toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1'));
    await expect(parseDocx(bytes, 'other.docx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: '"other.docx" is damaged: it is a ZIP archive without a Word document inside.' });
  });
});
