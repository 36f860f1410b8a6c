/**
 * Adding claims to a document from text (the command line, a claims list): each quote is found in
 * the document's plain text (at the position the row gives when the words are exactly there, else
 * exactly, else approximately; never guessed between places), marked,
 * and recorded as a claim with the next short id (a verdict given dated now; what is checked, claimant
 * kind, appearance, why it is worth checking and analyst as the row gives them); evidence addresses become sources of the library
 * (reused when the library already holds the address). Rows that cannot be added are reported with
 * why; the others are added in one change of the document.
 */
import { randomUUID } from 'node:crypto';
import { describeRange, indexCodePoints, positionToRange, projectDocument, type CodePointIndex } from '../../../shared/anchoring/index.js';
import { withAnnotationMarks, type MarkPlacement } from '../../../shared/annotations/apply-marks.js';
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import { claimProblems } from '../../../shared/check/claim-rules.js';
import { withVerdictDate } from '../../../shared/check/corrections.js';
import { today, urlProblem } from '../../../shared/check/fields.js';
import { findQuote, type QuoteMatch } from '../../../shared/check/find-quote.js';
import { duplicateOf } from '../../../shared/check/urls.js';
import { Claim, CLAIM_KINDS, CLAIMANT_KINDS, CLAIM_STATUSES, SPECIAL_OUTCOMES, type Evidence, type RatingScale, type Verdict } from '../../../shared/model/index.js';
import { activeScale } from '../../../shared/model/queries.js';
import { FactmarkError } from '../../../shared/result.js';
import type { OpenProject } from '../store/open-project.js';
import { createSource } from '../store/use-cases/sources.js';
import type { ClaimRow } from './claim-rows.js';

/** What became of one row: the claim added (and whether its words were found exactly), or why not. */
export type RowOutcome =
  | { row: number; added: true; shortId: string; placed: 'exact' | 'fuzzy'; words: string; sourcesAdded: number }
  | { row: number; added: false; problem: string };

/** How a value is compared with a list's choices: case, spaces, dashes and underscores do not count. */
function key(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '');
}

function choice<T extends string>(value: string, choices: readonly T[], fallback: T, what: string): T {
  if (value === '') return fallback;
  const found = choices.find((c) => key(c) === key(value));
  if (!found) throw new Error(`“${value}” is not a claim ${what} (one of ${choices.join(', ')})`);
  return found;
}

/** The verdict a row names: a level of the active scale by its label, or a special outcome, with the conclusion. */
function verdictOf(value: string, conclusion: string, scale: RatingScale | null): Verdict {
  if (value === '') return { levelId: null, special: null, conclusion };
  const special = SPECIAL_OUTCOMES.find((s) => key(s) === key(value));
  if (special) return { levelId: null, special, conclusion };
  const level = scale?.levels.find((l) => key(l.label) === key(value));
  if (level) return { levelId: level.id, special: null, conclusion };
  const levels = scale && scale.levels.length > 0 ? `a level of “${scale.name}” (${scale.levels.map((l) => l.label).join(', ')}) or ` : '';
  throw new Error(`“${value}” is not a verdict here: use ${levels}one of ${SPECIAL_OUTCOMES.join(', ')}`);
}

/**
 * The row's words where its position says (code points, as Factmark's claims CSV writes Start and
 * End), when exactly its quote is there: words a document holds more than once are placed where
 * the exported claim was. Null when the row gives no position or the text there differs.
 */
function quoteAt(text: string, codePoints: CodePointIndex, row: ClaimRow): QuoteMatch | null {
  if (!row.position || row.quote === '') return null;
  const { start, end } = positionToRange(row.position, codePoints);
  return text.slice(start, end) === row.quote ? { status: 'exact', start, end } : null;
}

/** The document a command line names: by id, else by title (whatever the case); `NOT_FOUND` or an ambiguity otherwise. */
export function documentNamed(open: OpenProject, name: string): string {
  const { documents } = open.disk.project;
  if (documents.some((d) => d.id === name)) return name;
  const titled = documents.filter((d) => d.title.toLowerCase() === name.trim().toLowerCase());
  if (titled.length === 1) return titled[0]!.id;
  if (titled.length > 1) throw new FactmarkError('INVALID_ARGUMENT', `${titled.length} documents are titled “${name}”: name one by its id (${titled.map((d) => d.id).join(', ')}).`);
  throw new FactmarkError('NOT_FOUND', `There is no document “${name}” in this project. Its documents: ${documents.map((d) => `“${d.title}”`).join(', ') || 'none'}.`);
}

/**
 * Adds a claim for each row to document `documentId` of `open` (loaded as needed) and returns one
 * outcome per row. Nothing is written for a row that cannot be added; the store writes the rest
 * with its next save.
 */
export async function addClaims(open: OpenProject, documentId: string, rows: readonly ClaimRow[], newId: () => string = randomUUID): Promise<RowOutcome[]> {
  const { disk } = open;
  const document = (await disk.document(documentId)).db.data;
  const doc = documentNode(document.content, document.annotations);
  const projection = projectDocument(doc);
  const { text } = projection;
  const codePoints = indexCodePoints(text);
  const scale = activeScale(disk.project);
  const at = new Date().toISOString();
  const outcomes: RowOutcome[] = [];
  const claims: Claim[] = [];
  const placements: MarkPlacement[] = [];
  let number = disk.project.lastClaimNumber;
  for (const row of rows) {
    const refuse = (problem: string) => void outcomes.push({ row: row.row, added: false, problem });
    const found = quoteAt(text, codePoints, row) ?? findQuote(text, row.quote);
    if (row.quote === '') refuse('it has no quote');
    else if (found.status === 'missing') refuse(`its quote is not in “${document.title}”, not even approximately`);
    else if (found.status === 'ambiguous') refuse(`its quote fits ${found.count} places in “${document.title}”: quote more words, so it is found once`);
    if (found.status !== 'exact' && found.status !== 'fuzzy') continue;
    const badUrl = row.evidence.map((url) => [url, urlProblem(url)] as const).find(([, problem]) => problem !== null);
    if (badUrl) {
      refuse(`evidence ${badUrl[0]}: ${badUrl[1]}`);
      continue;
    }
    let claim: Claim;
    try {
      claim = Claim.parse({
        id: newId(),
        kind: 'claim',
        shortId: `C${number + 1}`,
        anchor: describeRange(text, found.start, found.end),
        claimant: row.claimant,
        restatement: row.details?.restatement ?? '',
        claimantKind: choice(row.details?.claimantKind ?? '', CLAIMANT_KINDS, 'person', 'claimant kind'),
        appearance: { url: row.details?.appearanceUrl ?? '', date: row.details?.appearanceDate || null },
        worthChecking: row.details?.worthChecking ?? '',
        analyst: row.details?.analyst ?? '',
        claimKind: choice(row.kind, CLAIM_KINDS, 'other', 'kind'),
        status: choice(row.status, CLAIM_STATUSES, 'new', 'status'),
        verdict: verdictOf(row.verdict, row.conclusion, scale),
        createdAt: at,
        updatedAt: at,
      });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
      continue;
    }
    const [problem] = claimProblems(claim, { scale, today: today() });
    if (problem) {
      refuse(problem.message);
      continue;
    }
    let sourcesAdded = 0;
    const evidence: Evidence[] = [];
    for (const url of row.evidence) {
      let source = duplicateOf({ url, title: '', published: null }, disk.project.sources)?.source;
      if (!source) {
        source = await createSource(open, { type: 'webpage', title: url, authors: [], publisher: '', published: null, accessed: today(), url, archiveUrl: '', language: '', notes: '', reliability: 'F', withhold: false });
        sourcesAdded++;
      }
      if (!evidence.some((item) => item.sourceId === source.id)) evidence.push({ id: newId(), sourceId: source.id, stance: 'context', excerpt: '', credibility: 6, documentSpan: null, createdAt: at, updatedAt: at });
    }
    number++;
    claims.push(withVerdictDate(null, { ...claim, evidence }, at));
    placements.push({ id: claim.id, from: projection.toDocPos(found.start, 1), to: projection.toDocPos(found.end, -1) });
    outcomes.push({ row: row.row, added: true, shortId: claim.shortId, placed: found.status, words: text.slice(found.start, found.end), sourcesAdded });
  }
  if (claims.length > 0) open.edits.updateDocumentContent(documentId, contentOf(withAnnotationMarks(doc, placements)), [...document.annotations, ...claims]);
  return outcomes;
}
