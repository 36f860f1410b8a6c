import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../main/services/import/formats/detect.js';
import { parseText } from '../../../../main/services/import/formats/text.js';
import { FactmarkError } from '../../../../shared/result.js';
import { buildPdf } from './support/pdf.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('detectFormat', () => {
  it('knows PDF, HTML and Word by their content whatever the name says', () => {
    expect(detectFormat('download', buildPdf([{}]))).toBe('pdf');
    expect(detectFormat('report.txt', bytes('junk\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFormat('page.txt', bytes('\ufeff<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html><body>x'))).toBe('html');
    expect(detectFormat('page', bytes('  <html lang="en"><body>x'))).toBe('html');
    expect(detectFormat('page.txt', new Uint8Array(Buffer.from('\ufeff<!doctype html><p>x', 'utf16le')))).toBe('html');
  });

  it('goes by extension otherwise', () => {
    expect(detectFormat('notes.TXT', bytes('hello'))).toBe('text');
    expect(detectFormat('notes.md', bytes('# hello'))).toBe('markdown');
    expect(detectFormat('notes.markdown', bytes('# hello'))).toBe('markdown');
    expect(detectFormat('page.htm', bytes('<p>fragment'))).toBe('html');
    expect(detectFormat('scraped-dump', bytes('hello'))).toBe('text');
    expect(detectFormat('broken.docx', bytes('not a zip'))).toBe('docx');
    expect(detectFormat('broken.pdf', bytes('not a pdf'))).toBe('pdf');
  });

  it('refuses other types, naming what Factmark reads', () => {
    expect(() => detectFormat('sheet.xyz', bytes('x'))).toThrow(new FactmarkError('UNSUPPORTED', 'Factmark cannot import .xyz files. It reads .txt, .md, .html, .docx and .pdf.'));
    try {
      detectFormat('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('save it as .docx') });
    }
  });
});

describe('parseText', () => {
  it('makes a paragraph of every non-blank line and takes the first as the title', () => {
    const parsed = parseText('\r\n  Headline of the piece  \r\nFirst paragraph.\r\n\r\nSecond paragraph.');
    expect(parsed.title).toBe('Headline of the piece');
    expect(parsed.content.content).toHaveLength(3);
    expect(parsed.content.content![1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] });
  });

  it('takes no title from a first line that is a paragraph, not a headline (too long, or a sentence)', () => {
    expect(parseText(`${'word '.repeat(60)}\nnext`).title).toBe('');
    expect(parseText('The minister denied the report on Tuesday.\nMore.').title).toBe('');
    expect(parseText('Minister denies report\nMore.').title).toBe('Minister denies report');
  });

  it('gives an empty text one empty paragraph and no title', () => {
    expect(parseText('')).toEqual({ title: '', content: { type: 'doc', content: [{ type: 'paragraph' }] }, meta: {}, origin: {} });
  });
});
