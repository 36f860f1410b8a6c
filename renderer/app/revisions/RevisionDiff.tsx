/**
 * One revision of a document's text shown against the original as imported: the changed passages
 * only, with a little context, removed words struck through in <del> and added words underlined in
 * <ins> (colour too, never colour alone). Loaded on first use (renderer/app/revisions/RevisionList.tsx).
 *
 * The texts come from main, not from the panel's copy of the document, which may be older: the
 * current text and the revisions are asked for together (again if a save landed between the two
 * answers), the original is rebuilt by taking the revisions back from the current text, and the
 * text after the chosen revision by applying them forward again (shared/revision-text.ts). Both
 * are checked against the fingerprints the revisions recorded.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RevisionList } from '../../../shared/contract.js';
import type { Revision } from '../../../shared/model/revision.js';
import { applyChanges, originalText } from '../../../shared/revision-text.js';
import { contentToText } from '../../../shared/text.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { compareTexts, shownParts, type DiffPiece, type TextComparison } from './text-diff.js';

/** The two texts compared and what is known of them. */
interface Compared {
  revision: Revision;
  original: string;
  after: string;
  /** The fingerprint the original was recorded with (null when none is recorded). */
  originalFingerprint: string | null;
}

/**
 * The original and the text after revision `revisionId`, from one consistent answer of main;
 * null when the revision is no longer listed (an edit taken back).
 */
async function loadTexts(documentId: string, revisionId: string): Promise<Compared | null> {
  for (let attempt = 0; ; attempt++) {
    const [listed, opened] = await Promise.all([api.listRevisions(documentId), api.getDocument(documentId)]);
    if (!listed.ok) throw new Error(describeError(listed.error));
    if (!opened.ok) throw new Error(describeError(opened.error));
    const list: RevisionList = listed.value;
    const { document } = opened.value;
    const expected = list.revisions.at(-1)?.fingerprintAfter ?? list.original?.fingerprint ?? document.fingerprint;
    // A save between the two answers: ask again (the answers then agree), or say so after a few tries.
    if (expected !== document.fingerprint) {
      if (attempt < 3) continue;
      throw new Error('The text changed while it was being read. Choose the revision again.');
    }
    const index = list.revisions.findIndex((r) => r.id === revisionId);
    if (index < 0) return null;
    const original = originalText(contentToText(document.content), list.revisions);
    let after = original;
    for (let r = 0; r <= index; r++) after = applyChanges(after, list.revisions[r]!.changes);
    return { revision: list.revisions[index]!, original, after, originalFingerprint: list.original?.fingerprint ?? null };
  }
}

/** The SHA-256 of a text's UTF-8 bytes in hex, as fingerprints are; null where the page cannot hash. */
async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether both rebuilt texts hash to what was recorded: true, false, or null (not known). */
async function fingerprintsMatch(compared: Compared): Promise<boolean | null> {
  const [original, after] = await Promise.all([sha256Hex(compared.original), sha256Hex(compared.after)]);
  if (original === null || after === null) return null;
  return (compared.originalFingerprint === null || original === compared.originalFingerprint) && after === compared.revision.fingerprintAfter;
}

/** A piece's text with white space signs and invisible characters' codes (./text-diff.ts `shownParts`). */
function shownText(text: string, changed: boolean): ComponentChildren[] {
  return shownParts(text, changed).map((part) => {
    if (part.kind === 'text') return part.text;
    if (part.kind === 'sign') {
      const title = part.label[0]!.toUpperCase() + part.label.slice(1);
      return <span class="diff-mark" role="img" aria-label={part.label} title={title}>{part.text}</span>;
    }
    return <span class="diff-code" dir="ltr" title={`Invisible character ${part.text}`}>{part.text}</span>;
  });
}

function Piece({ piece }: { piece: DiffPiece }) {
  if (piece.op === 'delete') return <del>{shownText(piece.text, true)}</del>;
  if (piece.op === 'insert') return <ins>{shownText(piece.text, true)}</ins>;
  return <>{shownText(piece.text, false)}</>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How much was removed and added, leaving out a side with nothing. */
function amounts({ deleted, inserted }: TextComparison): string {
  if (deleted === 0) return `${plural(inserted, 'character')} added`;
  if (inserted === 0) return `${plural(deleted, 'character')} removed`;
  return `${plural(deleted, 'character')} removed, ${inserted} added`;
}

function Passages({ comparison }: { comparison: TextComparison }) {
  const { passages, total } = comparison;
  return (
    <>
      <ol class="diff-passages" aria-label="Changed passages">
        {passages.map((passage, p) => (
          <li key={p} class="diff-passage">
            <p class="diff-where">Paragraph {passage.paragraph}</p>
            {passage.lines.map((line, l) => (
              <p key={l} class="diff-line" dir="auto">
                {l === 0 && passage.cutBefore && <span class="diff-cut" aria-hidden="true">… </span>}
                {line.map((piece, i) => (
                  <Piece key={i} piece={piece} />
                ))}
                {l === passage.lines.length - 1 && passage.cutAfter && <span class="diff-cut" aria-hidden="true"> …</span>}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {total > passages.length && <p class="muted">And {plural(total - passages.length, 'more changed passage')}, not shown.</p>}
    </>
  );
}

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'gone' }
  | { status: 'ready'; comparison: TextComparison; compared: Compared; verified: boolean | null | 'checking' };

/**
 * The diff of revision `revisionId` against the original as imported. `refreshKey` changes when
 * the revisions do (a save, a restore): the texts are then read again.
 */
export function RevisionDiff({ documentId, revisionId, refreshKey }: { documentId: string; revisionId: string; refreshKey: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      const compared = await loadTexts(documentId, revisionId);
      if (!live) return;
      if (!compared) return setState({ status: 'gone' });
      setState({ status: 'ready', comparison: compareTexts(compared.original, compared.after), compared, verified: 'checking' });
      const verified = await fingerprintsMatch(compared).catch(() => null);
      if (live) setState((now) => (now.status === 'ready' && now.compared === compared ? { ...now, verified } : now));
    })().catch((error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [documentId, revisionId, refreshKey]);

  if (state.status === 'loading') return <p class="lazy-loading" role="status">Comparing with the original…</p>;
  if (state.status === 'failed') return <p class="form-error" role="alert">Factmark could not compare this revision with the original: {state.message}</p>;
  if (state.status === 'gone') return <p class="muted">This revision is no longer listed: the edit was taken back.</p>;
  const { comparison, verified } = state;
  return (
    <div class="revision-diff">
      <p class="diff-legend">
        Against the original as imported: <del>removed</del> is struck through, <ins>added</ins> underlined.
      </p>
      {comparison.total === 0 ? (
        <p class="diff-same">No differences: after this revision the text is the original as imported.</p>
      ) : (
        <>
          <p class="diff-summary muted">
            {plural(comparison.total, 'changed passage')} · {amounts(comparison)}
          </p>
          <Passages comparison={comparison} />
        </>
      )}
      {verified === true && <p class="diff-check muted">✓ Both texts match their recorded SHA-256 fingerprints.</p>}
      {verified === false && (
        <p class="diff-check banner banner-warning" role="alert">
          The texts rebuilt from the revisions do not match their recorded fingerprints: the record of changes may be incomplete.
        </p>
      )}
    </div>
  );
}
