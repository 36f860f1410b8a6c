// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the tests project compiles this file through imports and must see the declarations of the untyped packages
/// <reference path="./vendor.d.ts" />
/**
 * The fonts the PDF report embeds: DejaVu Sans (regular, bold, oblique, bold oblique) and DejaVu
 * Sans Mono, from the `dejavu-fonts-ttf` package (a runtime dependency, so it ships in the packaged
 * app's node_modules and the command line finds it beside `dist/`). DejaVu Sans covers Latin,
 * Greek, Cyrillic, Hebrew and Arabic (with its joining forms); a character the chosen style lacks
 * (Arabic has no oblique) is drawn in the regular face instead. A character no bundled face has
 * (emoji, CJK, mathematical alphanumerics) is marked `missing`: the layout draws a placeholder for
 * it and keeps the character itself in the text layer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';

/** How a piece of text is set. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono';

/** The font file of each style, in the dejavu-fonts-ttf package (electron-builder.yml ships only these). */
export const FONT_FILES: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * A parsed font, shared by every report this process makes (parsing DejaVu's tables is the slow
 * part), and the name pdfkit knows it by: its PostScript name, which is also the key pdfkit caches
 * fonts under (a font registered under another name would be parsed again on every switch).
 */
export interface LoadedFont {
  name: string;
  font: Font;
}

let loaded: Record<FontStyle, LoadedFont> | undefined;

/**
 * The path of a DejaVu font file, resolved like a module: from the CommonJS bundles in dist/ (and
 * the packaged app's asar) with `require`, from the TypeScript sources run as ES modules (tsx) with
 * `import.meta.resolve` (esbuild leaves that branch dead in its CommonJS output).
 */
function fontPath(file: string): string {
  const id = `dejavu-fonts-ttf/ttf/${file}`;
  return typeof require === 'function' ? require.resolve(id) : fileURLToPath(import.meta.resolve(id));
}

/** The report's fonts, read once. */
export function reportFonts(): Record<FontStyle, LoadedFont> {
  if (loaded) return loaded;
  const entries = (Object.keys(FONT_FILES) as FontStyle[]).map((name) => {
    const font = create(readFileSync(fontPath(FONT_FILES[name])));
    if (!('layout' in font)) throw new Error(`${FONT_FILES[name]} is a font collection, not a font`);
    return [name, { name: font.postscriptName, font }] as const;
  });
  loaded = Object.fromEntries(entries) as Record<FontStyle, LoadedFont>;
  return loaded;
}

/** A piece of text in one style; `missing` when no bundled face has its first character (it is drawn as placeholders). */
export interface FontPiece {
  text: string;
  style: FontStyle;
  missing: boolean;
}

/**
 * `text` cut into pieces, each with the style that can draw it: `style` itself, or the regular face
 * for characters `style` has no glyph for (the mono face falls back to regular too), or a `missing`
 * piece for characters the regular face lacks as well.
 */
export function fontPieces(text: string, style: FontStyle): FontPiece[] {
  const fonts = reportFonts();
  const own = fonts[style].font;
  const pieces: FontPiece[] = [];
  for (const char of text) {
    const last = pieces.at(-1);
    const code = char.codePointAt(0) ?? 0;
    // Combining marks and format controls (a variation selector, a joiner) stay with the piece before
    // them, and so do spaces unless that piece is missing (a space is drawn, not a placeholder).
    const attached = last !== undefined && (/[\p{M}\p{Cf}]/u.test(char) || (!last.missing && /\s/u.test(char)));
    const chosen: Omit<FontPiece, 'text'> = attached
      ? { style: last.style, missing: last.missing }
      : own.hasGlyphForCodePoint(code)
        ? { style, missing: false }
        : { style: 'regular', missing: !fonts.regular.font.hasGlyphForCodePoint(code) };
    if (last && last.style === chosen.style && last.missing === chosen.missing) last.text += char;
    else pieces.push({ text: char, ...chosen });
  }
  return pieces;
}

/** The placeholder drawn for each missing character: a white square, which DejaVu Sans has. */
export const PLACEHOLDER = '\u25a1';

/** What is drawn for a missing piece: one placeholder per character, its marks and format controls drawing nothing. */
export function placeholderText(missing: string): string {
  return PLACEHOLDER.repeat(Math.max(1, [...missing.replace(/[\p{M}\p{Cf}]/gu, '')].length));
}
