/**
 * The project dashboard's figures, worked out from every claim of the project and every use of
 * every source: claims by workflow status and by verdict on the active scale, the claims that need
 * attention, and the sources by reliability grade and by use. Each figure keeps the places it
 * counts, so every number can open the list of what it counts.
 */
import type { ClaimListing, SourceUse } from '../../../shared/contract.js';
import { CLAIM_STATUSES, SPECIAL_OUTCOMES, RELIABILITY_GRADES } from '../../../shared/model/vocabulary.js';
import type { Claim } from '../../../shared/model/annotation.js';
import { activeScale, UNKNOWN_LEVEL_LABEL, verdictLevel, type ProjectScaleChoice } from '../../../shared/model/queries.js';
import type { RatingScale } from '../../../shared/model/rating-scale.js';
import type { Source } from '../../../shared/model/source.js';
import { SPECIAL_LABELS, STATUS_LABELS } from '../../editor/annotations/appearance.js';

/** One place an analyst can open: an annotation of a document, with its claim when it is one. */
export interface Place {
  documentId: string;
  documentTitle: string;
  annotationId: string;
  claim: Claim | null;
  /** What the place is when it is not a claim ("Source mention “a UN representative”"). */
  label: string;
}

/** One counted figure: what it counts, and the places counted. */
export interface Figure {
  key: string;
  label: string;
  places: Place[];
  /** The swatch of a verdict level, when the figure is one. */
  colour?: string;
}

export interface GradeFigure extends Figure {
  grade: Source['reliability'];
  sources: Source[];
}

export interface SourceFigure extends Figure {
  source: Source;
}

export interface Overview {
  claims: number;
  documents: number;
  byStatus: Figure[];
  byVerdict: Figure[];
  attention: Figure[];
  byGrade: GradeFigure[];
  /** Sources by uses, most used first; unused sources last. */
  bySource: SourceFigure[];
}

const placeOf = ({ documentId, documentTitle, claim }: ClaimListing): Place => ({ documentId, documentTitle, annotationId: claim.id, claim, label: `Claim ${claim.shortId}` });

/** True when a claim has a verdict: an outcome, a level, or (on a conclusion-only scale) a written conclusion. */
export function hasVerdict(claim: Claim, scale: RatingScale | null): boolean {
  const { special, levelId, conclusion } = claim.verdict;
  if (special || levelId) return true;
  return (scale?.conclusionOnly ?? true) && conclusion.trim() !== '';
}

/** Whether a claim is still to be checked (anything but "not checkable"). */
const checkable = (claim: Claim) => claim.status !== 'notCheckable';

/** Every figure of the dashboard. */
export function overviewOf(listings: readonly ClaimListing[], usage: Record<string, SourceUse[]>, sources: readonly Source[], project: ProjectScaleChoice): Overview {
  const scale = activeScale(project);
  const claimsWhere = (test: (claim: Claim) => boolean) => listings.filter((l) => test(l.claim)).map(placeOf);
  const claimById = new Map(listings.map((l) => [l.claim.id, l]));
  const placesOfUses = (uses: readonly SourceUse[]): Place[] => {
    const seen = new Set<string>();
    return uses.flatMap((use) => {
      if (seen.has(use.annotationId)) return [];
      seen.add(use.annotationId);
      const listing = claimById.get(use.annotationId);
      return [listing ? placeOf(listing) : { documentId: use.documentId, documentTitle: use.documentTitle, annotationId: use.annotationId, claim: null, label: use.label }];
    });
  };
  const levelIds = new Set(scale?.levels.map((l) => l.id));

  const byVerdict: Figure[] = [
    ...(scale?.conclusionOnly ? [] : (scale?.levels ?? [])).map((level) => ({ key: level.id, label: level.label, colour: level.colour, places: claimsWhere((c) => !c.verdict.special && c.verdict.levelId === level.id) })),
    ...(scale?.conclusionOnly ? [{ key: 'conclusion', label: 'Conclusion written', places: claimsWhere((c) => !c.verdict.special && !c.verdict.levelId && hasVerdict(c, scale)) }] : []),
    ...SPECIAL_OUTCOMES.map((outcome) => ({ key: outcome, label: SPECIAL_LABELS[outcome] ?? outcome, places: claimsWhere((c) => c.verdict.special === outcome) })),
  ];
  // A level the active scale lacks is either one of another scale of the project or of none (deleted).
  const offScale = (c: Claim, onAnother: boolean) => !c.verdict.special && !!c.verdict.levelId && !levelIds.has(c.verdict.levelId) && (verdictLevel(c.verdict, project) !== null) === onAnother;
  const otherScale = claimsWhere((c) => offScale(c, true));
  if (otherScale.length > 0) byVerdict.push({ key: 'other-scale', label: 'A level of another scale', places: otherScale });
  const noScale = claimsWhere((c) => offScale(c, false));
  if (noScale.length > 0) byVerdict.push({ key: 'no-scale', label: UNKNOWN_LEVEL_LABEL, places: noScale });
  byVerdict.push({ key: 'none', label: 'No verdict yet', places: claimsWhere((c) => !hasVerdict(c, scale)) });

  const bySource = sources
    .map((source) => ({ key: source.id, label: source.title, source, places: placesOfUses(usage[source.id] ?? []) }))
    .sort((a, b) => b.places.length - a.places.length);

  return {
    claims: listings.length,
    documents: new Set(listings.map((l) => l.documentId)).size,
    byStatus: CLAIM_STATUSES.map((status) => ({ key: status, label: STATUS_LABELS[status] ?? status, places: claimsWhere((c) => c.status === status) })),
    byVerdict,
    attention: [
      { key: 'no-verdict', label: 'Missing a verdict', places: claimsWhere((c) => checkable(c) && !hasVerdict(c, scale)) },
      { key: 'no-evidence', label: 'Missing evidence', places: claimsWhere((c) => checkable(c) && c.evidence.length === 0) },
      { key: 'one-source', label: 'Done with evidence from one source only', places: claimsWhere((c) => c.status === 'done' && new Set(c.evidence.map((e) => e.sourceId)).size === 1) },
    ],
    byGrade: RELIABILITY_GRADES.map((grade) => {
      const graded = sources.filter((s) => s.reliability === grade);
      return { key: grade, grade, label: grade, sources: graded, places: placesOfUses(graded.flatMap((s) => usage[s.id] ?? [])) };
    }),
    bySource,
  };
}
