/** The parts of two untyped packages the PDF report uses. */
declare module 'fontkit' {
  /** A parsed font (fontkit 2). */
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  /** Parses font bytes: a font, or a collection of fonts (TTC/DFONT). */
  export function create(buffer: Uint8Array): Font | { fonts: Font[] };
}

declare module 'bidi-js' {
  /** Resolved embedding levels of a text: one level per UTF-16 code unit, and its paragraphs. */
  export interface EmbeddingLevels {
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  /** The Unicode Bidirectional Algorithm (UAX #9). */
  export interface Bidi {
    getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): EmbeddingLevels;
    /** The [start, end] ranges (inclusive) to reverse, in order, to turn text[start..end] into visual order. */
    getReorderSegments(text: string, levels: EmbeddingLevels, start?: number, end?: number): [number, number][];
    /** Characters to draw mirrored ("(" as ")") in right-to-left runs, by index. */
    getMirroredCharactersMap(text: string, levels: EmbeddingLevels, start?: number, end?: number): Map<number, string>;
  }
  export default function bidiFactory(): Bidi;
}
