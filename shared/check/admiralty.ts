/**
 * The Admiralty (NATO) grading used by intelligence and verification desks: how reliable a source
 * is (A–F) and, separately, how credible one piece of information from it is (1–6). Together they
 * make a code such as "B2": a usually reliable source, probably true information.
 */
import type { Reliability } from '../model/source.js';

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** The combined code of a source's reliability and an item's credibility, e.g. "B2". */
export function admiraltyCode(reliability: Reliability, credibility: number): string {
  return `${reliability}${credibility}`;
}
