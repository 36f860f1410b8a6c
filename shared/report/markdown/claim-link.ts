/**
 * Links to a claim's section. The section is headed by the short id alone (`### C1`), so every
 * reader derives the same anchor from it — GitHub, VS Code and pandoc slug it to `c1`, Obsidian
 * matches the heading text — and `[C1](#c1)` resolves everywhere.
 */

/** The anchor of a claim's section: its short id in lower case (`c1`). */
export function claimAnchor(shortId: string): string {
  return shortId.toLowerCase();
}

/** A link to a claim's section: `[C1](#c1)`. */
export function claimLink(shortId: string): string {
  return `[${shortId}](#${claimAnchor(shortId)})`;
}
