/**
 * The colour of a tag: the palette as a group of radio buttons (arrow keys move between them, each
 * has its colour's name) and a colour picker for any other colour.
 */
import { TAG_PALETTE, colourName } from '../../../shared/codebook/palette.js';

export function ColourField({ value, onChange }: { value: string; onChange: (colour: string) => void }) {
  return (
    <fieldset class="field colour-field">
      <legend>Colour</legend>
      <div class="colour-choices">
        {TAG_PALETTE.map((colour) => (
          <label key={colour.hex} class="swatch-choice" title={colour.name}>
            <input type="radio" name="tag-colour" class="swatch-input" value={colour.hex} aria-label={colour.name} checked={value === colour.hex} onChange={() => onChange(colour.hex)} />
            <span class="tag-swatch large" style={{ background: colour.hex }} />
          </label>
        ))}
        <label class="custom-colour">
          <input type="color" value={value} onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value.toLowerCase())} />
          <span>Other colour</span>
        </label>
      </div>
      <small aria-live="polite">Chosen: {colourName(value)}</small>
    </fieldset>
  );
}
