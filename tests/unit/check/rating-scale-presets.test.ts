/** The preset rating scales in assets/rating-scales.json: valid scales, as the issue describes them, legible in both themes. */
import { describe, expect, it } from 'vitest';
import presets from '../../../assets/rating-scales.json';
import { RatingScale } from '../../../shared/model/index.js';

const scales = presets.map((scale) => RatingScale.parse(scale));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('preset rating scales', () => {
  it('are valid scales with level ids unique across all of them', () => {
    expect(scales.map((s) => s.id)).toEqual(['truth', 'afp-meta', 'conclusion-only']);
    const ids = scales.flatMap((s) => s.levels.map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('give the truth scale six levels valued 6 to 1, each with a definition', () => {
    const truth = scales[0]!;
    expect(truth.levels.map((l) => [l.label, l.value])).toEqual([
      ['True', 6],
      ['Mostly true', 5],
      ['Half true', 4],
      ['Mostly false', 3],
      ['False', 2],
      ['Pants on fire', 1],
    ]);
    for (const level of truth.levels) expect(level.description).toMatch(/^\S.*\.$/);
  });

  it('give the AFP/Meta labels, each with a definition', () => {
    expect(scales[1]!.levels.map((l) => l.label)).toEqual(['False', 'Altered', 'Partly false', 'Missing context', 'Satire', 'True']);
    for (const level of scales[1]!.levels) expect(level.description.length).toBeGreaterThan(10);
  });

  it('give "Conclusion only" no levels', () => {
    expect(scales[2]).toMatchObject({ name: 'Conclusion only', conclusionOnly: true, levels: [] });
  });

  it('use colours with 3:1 contrast against the light and the dark backgrounds', () => {
    // The panel and page backgrounds of renderer/styles/app.css, light and dark (as the tag palette test).
    for (const background of ['#ffffff', '#fffefb', '#f6f5f1', '#1f2226', '#1b1d21', '#17191c']) {
      for (const level of scales.flatMap((s) => s.levels)) expect(contrast(level.colour, background), `${level.label} ${level.colour} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });
});
