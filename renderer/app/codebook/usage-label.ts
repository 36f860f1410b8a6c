/** How the codebook panel says how many annotations carry a tag. */

/** "1 annotation", "12 annotations". */
export function annotationCount(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'annotation' : 'annotations'}`;
}

/** The sentence the delete question and the merge dialog use: "12 annotations carry it." (or carry `what`). */
export function carryingSentence(count: number | undefined, what = 'it'): string {
  if (count === undefined) return `Factmark could not count the annotations that carry ${what}.`;
  if (count === 0) return `No annotation carries ${what}.`;
  return `${annotationCount(count)} ${count === 1 ? 'carries' : 'carry'} ${what}.`;
}
