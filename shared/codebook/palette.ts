/**
 * The default colours of a codebook's tags. Every colour is a mid tone with at least 3:1 contrast
 * against both the light and the dark backgrounds of the app, so a tag's swatch or highlight reads
 * in either theme; the order puts the most distinct hues first. Each has a name, because a colour
 * is never the only way a tag is told apart (screen readers and colour-blind analysts get the name).
 */
import type { Tag } from '../model/tag.js';

/** One colour of the palette: its `#rrggbb` value and the name an analyst hears or reads. */
export interface PaletteColour {
  hex: string;
  name: string;
}

/** The palette new tags take their colours from, in the order they are handed out. */
export const TAG_PALETTE: readonly PaletteColour[] = [
  { hex: '#3a7bd5', name: 'Blue' },
  { hex: '#d9650b', name: 'Orange' },
  { hex: '#2f9a4f', name: 'Green' },
  { hex: '#d64545', name: 'Red' },
  { hex: '#8a5cc7', name: 'Purple' },
  { hex: '#1c9a9a', name: 'Teal' },
  { hex: '#c2418f', name: 'Magenta' },
  { hex: '#9a7a00', name: 'Ochre' },
  { hex: '#6f8a1c', name: 'Olive' },
  { hex: '#6b7785', name: 'Slate' },
];

/**
 * The colour for a new tag: the first palette colour no tag uses yet; once all are taken, the
 * palette starts again, so neighbours in creation order still differ.
 */
export function nextTagColour(tags: readonly Pick<Tag, 'colour'>[]): string {
  const used = new Set(tags.map((tag) => tag.colour.toLowerCase()));
  const unused = TAG_PALETTE.find((colour) => !used.has(colour.hex));
  return (unused ?? TAG_PALETTE[tags.length % TAG_PALETTE.length]!).hex;
}

/** The palette name of a colour (e.g. "Blue"), or the `#rrggbb` value itself for a custom colour. */
export function colourName(hex: string): string {
  return TAG_PALETTE.find((colour) => colour.hex === hex.toLowerCase())?.name ?? hex.toLowerCase();
}
