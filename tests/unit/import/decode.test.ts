/** Decoding text files: BOMs, BOM-less UTF-16, strict UTF-8, the Windows-1252 fallback, the user's choice, binary files. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertText, binaryKind, decodeText, looksBinary } from '../../../main/services/import/decode.js';
import { FactmarkError } from '../../../shared/result.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import/encodings');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const LINE = 'Café “quoted” — 5 € naïve\n';
const bytes = (...values: (number | string)[]): Uint8Array =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('decodeText', () => {
  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(LINE))).toEqual({ text: LINE, encoding: 'utf-8', detectedBy: 'utf8-valid' });
  });

  it('honours a UTF-8 BOM and strips it', () => {
    expect(decodeText(fixture('utf8-bom.txt'))).toEqual({ text: LINE, encoding: 'utf-8', detectedBy: 'bom' });
  });

  it('honours UTF-16 LE and BE BOMs and strips them', () => {
    expect(decodeText(fixture('utf16le-bom.txt'))).toEqual({ text: LINE, encoding: 'utf-16le', detectedBy: 'bom' });
    expect(decodeText(bytes(0xfe, 0xff, ...utf16be(LINE)))).toEqual({ text: LINE, encoding: 'utf-16be', detectedBy: 'bom' });
  });

  it('finds BOM-less UTF-16 by the NUL bytes of mostly-ASCII text', () => {
    expect(decodeText(fixture('utf16be-no-bom.txt'))).toEqual({ text: LINE, encoding: 'utf-16be', detectedBy: 'utf16-heuristic' });
    expect(decodeText(utf16le('Line one\r\nLine two\n'))).toEqual({ text: 'Line one\r\nLine two\n', encoding: 'utf-16le', detectedBy: 'utf16-heuristic' });
  });

  it('falls back to Windows-1252 for invalid UTF-8, with smart quotes, dashes and the euro sign', () => {
    expect(decodeText(fixture('windows-1252.txt'))).toEqual({ text: LINE, encoding: 'windows-1252', detectedBy: 'fallback' });
    expect(decodeText(bytes(0x93, 'Hi', 0x94, ' ', 0x80, '5')).text).toBe('“Hi” €5');
  });

  it('leaves line endings as they are', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n')).text).toBe('a\r\nb\rc\n');
  });

  it('uses the encoding the user forces, by any WHATWG label', () => {
    expect(decodeText(fixture('gbk.txt'), { encoding: 'gbk' })).toEqual({ text: 'Outlet: 爱漫岛\n', encoding: 'gbk', detectedBy: 'user' });
    // A valid UTF-8 file read as Latin-1 on purpose: the user's choice wins over detection.
    expect(decodeText(new TextEncoder().encode('Café'), { encoding: 'iso-8859-1' })).toEqual({ text: 'CafÃ©', encoding: 'windows-1252', detectedBy: 'user' });
    expect(decodeText(bytes(0x93, 'x', 0x94), { encoding: 'latin1' }).text).toBe('“x”');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 'Hi'), { encoding: ' UTF-8 ' }).text).toBe('Hi');
  });

  it('refuses an unknown encoding label, naming it', () => {
    const attempt = () => decodeText(bytes('x'), { encoding: 'klingon-8' });
    expect(attempt).toThrow(FactmarkError);
    expect(attempt).toThrow(/“klingon-8” is not a text encoding/);
    try {
      attempt();
    } catch (error) {
      expect((error as FactmarkError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('decodes empty input to empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', detectedBy: 'utf8-valid' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toEqual({ text: '', encoding: 'utf-8', detectedBy: 'bom' });
  });
});

describe('binary detection', () => {
  const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR');
  const cases: [string, Uint8Array, string][] = [
    ['PNG', PNG, 'a PNG image'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'a JPEG image'],
    ['GIF', bytes('GIF89a', 1, 0, 1, 0), 'a GIF image'],
    ['ZIP', bytes('PK', 3, 4, 20, 0, 0, 0), 'a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)'],
    ['PDF', bytes('%PDF-1.7\n%', 0xe2, 0xe3, 0xcf, 0xd3, '\n'), 'a PDF document'],
    ['ELF', bytes(0x7f, 'ELF', 2, 1, 1, 0), 'a Linux program (ELF)'],
    ['PE', bytes('MZ', 0x90, 0, 3, 0, 0, 0, 4, 0), 'a Windows program'],
    ['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0), 'a gzip-compressed file'],
  ];
  it.each(cases)('recognises %s by its magic number', (_name, input, kind) => {
    expect(binaryKind(input)).toBe(kind);
    expect(looksBinary(input)).toBe(true);
  });

  it('calls random bytes binary data', () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 512 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect(binaryKind(random)).toBe('binary data');
  });

  it('calls text with a NUL byte, or many control bytes, binary data', () => {
    expect(binaryKind(bytes('Hello', 0, 'world and more text here'))).toBe('binary data');
    expect(binaryKind(bytes('ab', 1, 2, 3, 'cd', 4, 5, 6))).toBe('binary data');
  });

  it('takes text for text: ASCII, UTF-8, Windows-1252, UTF-16 with its NULs, a word starting with MZ, empty input', () => {
    for (const input of [
      bytes('Plain text\twith a tab\r\n'),
      new TextEncoder().encode('Zürich, São Paulo, 爱漫岛, ٱلْعَرَبِيَّة'),
      fixture('windows-1252.txt'),
      fixture('utf16le-bom.txt'),
      fixture('utf16be-no-bom.txt'),
      utf16le('No BOM, little-endian'),
      bytes('MZANSI is a word, not a program.'),
      bytes('Text with one escape', 0x1b, '[0m colour code'),
      new Uint8Array(0),
    ]) {
      expect(binaryKind(input)).toBeNull();
      expect(looksBinary(input)).toBe(false);
    }
  });
});

describe('assertText', () => {
  it('refuses a PNG renamed .txt with a message that says what it is', () => {
    expect(() => assertText(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'photo.txt')).toThrow('photo.txt is not text: it looks like a PNG image.');
    try {
      assertText(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a), 'photo.txt');
    } catch (error) {
      expect(error).toBeInstanceOf(FactmarkError);
      expect((error as FactmarkError).code).toBe('UNSUPPORTED');
    }
  });

  it('says binary data when there is no magic number', () => {
    expect(() => assertText(bytes('ab', 0, 'cd'), 'dump.txt')).toThrow('dump.txt is not text: it holds binary data (NUL or control bytes), not readable characters.');
  });

  it('lets text and empty input through', () => {
    expect(() => assertText(fixture('utf16le-bom.txt'), 'a.txt')).not.toThrow();
    expect(() => assertText(new Uint8Array(0), 'empty.txt')).not.toThrow();
  });
});
