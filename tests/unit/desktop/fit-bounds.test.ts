/** A restored window always opens where its title bar can be grabbed. */
import { describe, expect, it } from 'vitest';
import { fitBoundsToDisplays, type Rect } from '../../../main/desktop/fit-bounds.js';

const SIZES = { preferred: { width: 1280, height: 820 }, minimum: { width: 760, height: 480 } };
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const RIGHT_MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };
const LEFT_MONITOR: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };

const fit = (saved: Rect | null, areas: Rect[] = [LAPTOP]) => fitBoundsToDisplays(saved, areas, areas[0]!, SIZES);

describe('fitBoundsToDisplays', () => {
  it.each<[string, Rect | null, Rect[], Rect]>([
    ['nothing saved: preferred size, centred', null, [LAPTOP], { x: 80, y: 53, width: 1280, height: 820 }],
    ['a window fully on the laptop stays put', { x: 100, y: 100, width: 900, height: 600 }, [LAPTOP], { x: 100, y: 100, width: 900, height: 600 }],
    ['a window on the second monitor stays there', { x: 2000, y: 200, width: 1600, height: 1000 }, [LAPTOP, RIGHT_MONITOR], { x: 2000, y: 200, width: 1600, height: 1000 }],
    ['a window on a monitor left of the primary (negative x) stays', { x: -1500, y: 100, width: 1000, height: 700 }, [LAPTOP, LEFT_MONITOR], { x: -1500, y: 100, width: 1000, height: 700 }],
    ['the monitor is gone: centred on the primary, size kept', { x: 2000, y: 200, width: 1000, height: 700 }, [LAPTOP], { x: 220, y: 113, width: 1000, height: 700 }],
    ['too large for the display: clamped to the work area', { x: 0, y: 25, width: 4000, height: 3000 }, [LAPTOP], { x: 0, y: 25, width: 1440, height: 875 }],
    ['smaller than the minimum: grown to it', { x: 10, y: 40, width: 200, height: 100 }, [LAPTOP], { x: 10, y: 40, width: 760, height: 480 }],
    ['title bar above the top of the screen: centred', { x: 100, y: -40, width: 900, height: 600 }, [LAPTOP], { x: 270, y: 163, width: 900, height: 600 }],
    ['title bar under the menu bar (y above the work area): centred', { x: 100, y: 0, width: 900, height: 600 }, [LAPTOP], { x: 270, y: 163, width: 900, height: 600 }],
    ['only 60 px of title bar on screen at the right: centred', { x: 1380, y: 100, width: 900, height: 600 }, [LAPTOP], { x: 270, y: 163, width: 900, height: 600 }],
    ['100 px of title bar on screen at the right: kept', { x: 1340, y: 100, width: 900, height: 600 }, [LAPTOP], { x: 1340, y: 100, width: 900, height: 600 }],
    ['title bar at the very bottom edge: centred', { x: 100, y: 880, width: 900, height: 600 }, [LAPTOP], { x: 270, y: 163, width: 900, height: 600 }],
    ['a huge window far left that would be off-screen once shrunk: centred', { x: -4000, y: 100, width: 5000, height: 700 }, [LAPTOP], { x: 0, y: 113, width: 1440, height: 700 }],
    ['fractional values are rounded', { x: 10.4, y: 40.6, width: 900.5, height: 600.2 }, [LAPTOP], { x: 10, y: 41, width: 901, height: 600 }],
  ])('%s', (_label, saved, areas, expected) => {
    expect(fit(saved, areas)).toEqual(expected);
  });

  it.each([
    { x: Number.NaN, y: 0, width: 900, height: 600 },
    { x: 0, y: Number.POSITIVE_INFINITY, width: 900, height: 600 },
    { x: 0, y: 0, width: Number.NaN, height: 600 },
  ])('ignores unusable saved bounds %j', (saved) => {
    expect(fit(saved)).toEqual({ x: 80, y: 53, width: 1280, height: 820 });
  });

  it('never returns a window whose title bar is off every display', () => {
    const areas = [LAPTOP, RIGHT_MONITOR];
    for (let x = -6000; x <= 6000; x += 370) {
      for (let y = -3000; y <= 3000; y += 290) {
        const bounds = fit({ x, y, width: 1200, height: 800 }, areas);
        const onSome = areas.some((a) => bounds.x + 100 <= a.x + a.width && bounds.x + bounds.width - 100 >= a.x && bounds.y >= a.y && bounds.y + 50 <= a.y + a.height);
        expect(onSome, JSON.stringify({ x, y, bounds })).toBe(true);
      }
    }
  });
});
