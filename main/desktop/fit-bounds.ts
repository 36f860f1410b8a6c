/**
 * Places a restored window where the user can reach it. A saved position can point at a display
 * that is gone (a laptop off its dock) or at a smaller one; the window must never open where its
 * title bar cannot be grabbed.
 */

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A width and a height. */
export interface Size {
  width: number;
  height: number;
}

/** How much of a window's top edge (its title bar) must lie on one display's work area. */
const VISIBLE_TITLE_BAR: Size = { width: 100, height: 50 };

/**
 * The bounds to open a window at. Keeps `saved` (its size clamped between `minimum` and the work
 * area) when at least {@link VISIBLE_TITLE_BAR} of its top edge lies on one of `workAreas`;
 * otherwise centres it (or, with nothing usable saved, the `preferred` size) on `primary`.
 */
export function fitBoundsToDisplays(saved: Rect | null, workAreas: readonly Rect[], primary: Rect, sizes: { preferred: Size; minimum: Size }): Rect {
  const usable = saved !== null && [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) ? saved : null;
  if (usable) {
    for (const area of workAreas) {
      const placed = { x: Math.round(usable.x), y: Math.round(usable.y), ...clampSize(usable, area, sizes.minimum) };
      if (titleBarVisible(placed, area)) return placed;
    }
  }
  const size = clampSize(usable ?? sizes.preferred, primary, sizes.minimum);
  return {
    x: Math.round(primary.x + (primary.width - size.width) / 2),
    y: Math.round(primary.y + (primary.height - size.height) / 2),
    ...size,
  };
}

/** `size` rounded, no smaller than `minimum` and no larger than `area`. */
function clampSize(size: Size, area: Rect, minimum: Size): Size {
  return {
    width: Math.min(Math.max(Math.round(size.width), minimum.width), area.width),
    height: Math.min(Math.max(Math.round(size.height), minimum.height), area.height),
  };
}

/** True when the top strip of `bounds` overlaps `area` by at least {@link VISIBLE_TITLE_BAR}. */
function titleBarVisible(bounds: Rect, area: Rect): boolean {
  const overlapWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const overlapHeight = Math.min(bounds.y + VISIBLE_TITLE_BAR.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return overlapWidth >= VISIBLE_TITLE_BAR.width && overlapHeight >= VISIBLE_TITLE_BAR.height;
}
