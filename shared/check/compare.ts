/** Comparing names people type (tag names, scale names and labels, source titles) the way people read them. */

/** The comparison form of a name: Unicode composition, case and runs of spaces do not make two names differ. */
export function comparisonKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
}
