/**
 * The claims' use cases over a whole project: listing every claim (the contract's `listClaims`,
 * the `claims` command) and what opening the documents did to their annotations, and adding
 * claims from rows to a document named by id or title (the `claim add` and `claims import`
 * commands), through ./add-claims.ts.
 */
import type { ClaimListing } from '../../../shared/contract.js';
import type { Claim } from '../../../shared/model/index.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { OpenProject } from '../store/open-project.js';
import { addClaims, documentNamed, type RowOutcome } from './add-claims.js';
import type { ClaimRow } from './claim-rows.js';

/** Every claim of the project: document by document in the project's order, each document's claims in text order. */
export async function listClaims({ disk }: OpenProject): Promise<ClaimListing[]> {
  disk.assertOpen();
  return (await disk.allDocumentData('The claims could not be listed')).flatMap((document) =>
    document.annotations
      .filter((annotation): annotation is Claim => annotation.kind === 'claim')
      .sort((a, b) => a.anchor.position.start - b.anchor.position.start)
      .map((claim) => ({ documentId: document.id, documentTitle: document.title, claim })),
  );
}

/** A notice of what opening a document did to its annotations, with the document it is about. */
export interface DocumentNotice {
  documentId: string;
  documentTitle: string;
  notice: string;
}

/**
 * What opening the project's documents did to their annotations, as the app says it when a
 * document opens: annotations that could not be read and were set aside (with where the file as
 * it was is kept), annotations placed again or orphaned. Each notice is given once; call it after
 * the documents were read (e.g. after {@link listClaims}), so a listing can say why claims are missing.
 */
export async function documentNotices(open: OpenProject): Promise<DocumentNotice[]> {
  const notices: DocumentNotice[] = [];
  for (const { id, title } of open.disk.project.documents) {
    for (const notice of (await open.edits.openedDocument(id)).notices) notices.push({ documentId: id, documentTitle: title, notice });
  }
  return notices;
}

/** What adding rows of claims to a named document did: the document and one outcome per row. */
export interface ClaimsAdded {
  documentId: string;
  documentTitle: string;
  outcomes: RowOutcome[];
}

/** Adds a claim for each row to the document `name` names (its id, else its title). */
export async function addClaimsToNamed(open: OpenProject, name: string, rows: readonly ClaimRow[]): Promise<ClaimsAdded> {
  const documentId = documentNamed(open, name);
  const outcomes = await addClaims(open, documentId, rows);
  return { documentId, documentTitle: open.disk.summaryOf(documentId).title, outcomes };
}

/** The claims' contract calls on the project `open` gives (which throws when none is open). */
export function claimHandlers(open: () => OpenProject): Pick<Handlers, 'listClaims'> {
  return { listClaims: () => listClaims(open()) };
}
