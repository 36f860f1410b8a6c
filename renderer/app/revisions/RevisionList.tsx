/**
 * The document panel's "Revisions" section: the original as imported (when, its fingerprint) and
 * every revision of the text since, newest first — when, who, why, how many changes — each of
 * which opens as a diff against the original (./RevisionDiff.tsx, loaded on first use), and the
 * way back to the original as imported.
 *
 * The list is asked of main (`listRevisions`) when the section shows and again after every save,
 * restore or reading again, never taken from the panel's copy of the document, which edits
 * outdate.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RevisionList as Listing } from '../../../shared/contract.js';
import type { StoredDocument } from '../../../shared/model/document.js';
import type { Revision } from '../../../shared/model/revision.js';
import { revisionReason } from '../../../shared/report/revision-labels.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { lazyPart } from '../lazy-part.js';
import { lazyModule } from '../use-lazy.js';
import type { Workbench } from '../use-workbench.js';

const diffModule = lazyModule(() => import('./RevisionDiff.js'));
const RevisionDiff = lazyPart(diffModule, (module) => module.RevisionDiff, 'comparison with the original');

/** A timestamp as local date and time, to the second. */
export function localDateTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

const changesInWords = (n: number) => (n === 1 ? '1 change' : `${n} changes`);
const shortFingerprint = (fingerprint: string) => `${fingerprint.slice(0, 12)}…`;

/** A fingerprint shortened, with the whole of it to copy or select. */
function Fingerprint({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [open, setOpen] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard for this page: show the whole value, selected, to copy by hand.
      setCopied('failed');
      setOpen(true);
    }
    window.setTimeout(() => setCopied('no'), 2500);
  };
  return (
    <div class="revision-fingerprint">
      <span class="muted">{label}</span>{' '}
      <code title={value}>{shortFingerprint(value)}</code>{' '}
      <button type="button" class="small-button" onClick={() => void copy()} aria-label={`Copy the full ${label.toLowerCase()}`}>
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Show in full</summary>
        <code class="fingerprint selectable">{value}</code>
      </details>
      {copied === 'failed' && <span class="visually-hidden" role="status">Copying is not available here: the full fingerprint is shown to select.</span>}
    </div>
  );
}

function RevisionItem({ revision, number, open, onToggle, documentId, refreshKey }: { revision: Revision; number: number; open: boolean; onToggle: () => void; documentId: string; refreshKey: string }) {
  const when = localDateTime(revision.at);
  const why = revisionReason(revision);
  const panelId = `revision-diff-${revision.id}`;
  return (
    <li class={`revision-item revision-${revision.reason}${open ? ' open' : ''}`}>
      <button
        type="button"
        class="revision-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Revision ${number}: ${why}, ${when}, ${changesInWords(revision.changes.length)}: compare with the original`}
        onClick={onToggle}
      >
        <span class="revision-why" dir="auto">{why}</span>
        <span class="revision-when">
          <span class="revision-number">#{number}</span> <time dateTime={revision.at}>{when}</time>
        </span>
        <span class="revision-meta">
          {revision.analyst ? <>by <bdi>{revision.analyst}</bdi></> : 'analyst not named'} · {changesInWords(revision.changes.length)}
        </span>
        <span class="revision-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div id={panelId} class="revision-body" role="region" aria-label={`Revision ${number} compared with the original`}>
          {revision.reason === 'repair' && revision.detail !== '' && <p class="revision-detail" dir="auto">{revision.detail}</p>}
          <RevisionDiff documentId={documentId} revisionId={revision.id} refreshKey={refreshKey} />
        </div>
      )}
    </li>
  );
}

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; list: Listing };

/** The Revisions section of the document panel for `doc`, the open document. */
export function RevisionsSection({ document: doc, workbench }: { document: StoredDocument; workbench: Workbench }) {
  const { actions, sync, saveStatus, loadCount } = workbench;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const asked = useRef(0);
  const shownFor = useRef<string | null>(null);

  // Asked when the section shows (pending edits handed over first), and again after each save,
  // restore, reading again or repair: the panel's document object changes with those, the save
  // status with every write.
  const savedKey = `${saveStatus.state}|${saveStatus.savedAt ?? ''}`;
  useEffect(() => {
    const ask = ++asked.current;
    const first = shownFor.current !== doc.id;
    shownFor.current = doc.id;
    if (first) {
      setState({ status: 'loading' });
      setOpenId(null);
    }
    (async () => {
      if (first) await sync.flush();
      const result = await api.listRevisions(doc.id);
      if (ask !== asked.current) return;
      setState(result.ok ? { status: 'ready', list: result.value } : { status: 'failed', message: describeError(result.error) });
    })().catch((error: unknown) => ask === asked.current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
  }, [doc, loadCount, savedKey, sync]);

  const heading = (
    <div class="section-head">
      <h2 id="revisions-title">
        Revisions {state.status === 'ready' && <span class="count">{state.list.revisions.length}</span>}
      </h2>
    </div>
  );
  if (state.status !== 'ready') {
    return (
      <section aria-labelledby="revisions-title" class="revisions-panel">
        {heading}
        {state.status === 'loading' ? <p class="lazy-loading" role="status">Loading the revisions…</p> : <p class="form-error" role="alert">Factmark could not list the revisions: {state.message}</p>}
      </section>
    );
  }

  const { list } = state;
  const { original, originalKept, revisions } = list;
  const currentFingerprint = revisions.at(-1)?.fingerprintAfter ?? original?.fingerprint ?? doc.fingerprint;
  const isOriginal = original !== null && currentFingerprint === original.fingerprint;
  const canRestore = originalKept && revisions.length > 0 && !isOriginal;
  // Why the button is off: the text is already the original (the line above says so), or the original is not kept.
  const notKept = !originalKept && revisions.length > 0 && !isOriginal;
  // Each revision's diff reads the texts again when the list changes (an edit session's revision grows).
  const refreshKey = `${revisions.length}|${currentFingerprint}`;
  const newestFirst = revisions.map((revision, index) => ({ revision, number: index + 1 })).reverse();

  return (
    <section aria-labelledby="revisions-title" class="revisions-panel">
      {heading}
      <div class="revision-original">
        <p class="revision-original-title">
          <strong>Original as imported</strong>
          {original && (
            <span class="muted">
              Imported <time dateTime={original.at}>{localDateTime(original.at)}</time>
            </span>
          )}
        </p>
        {original ? <Fingerprint value={original.fingerprint} label="SHA-256 fingerprint" /> : <p class="muted">No record of the text as imported is kept for this document.</p>}
        {revisions.length === 0 ? (
          <p id="revision-status" class="revision-unchanged">The text is as imported.</p>
        ) : isOriginal ? (
          <p id="revision-status" class="revision-unchanged">The text is the original as imported again.</p>
        ) : (
          <p id="revision-status" class="muted">The text has changed since: {revisions.length === 1 ? '1 revision' : `${revisions.length} revisions`}, newest first below.</p>
        )}
        {!isOriginal && revisions.length > 0 && <Fingerprint value={currentFingerprint} label="SHA-256 of the text now" />}
        <div class="restore-original">
          <button
            type="button"
            disabled={!canRestore}
            aria-describedby={canRestore ? undefined : notKept ? 'revision-restore-why' : 'revision-status'}
            onClick={() => actions.setDialog({ kind: 'restoreOriginal', documentId: doc.id, title: doc.title })}
          >
            Restore the original
          </button>
          {notKept && (
            <p id="revision-restore-why" class="muted">
              The original as imported is not in the project folder, so it cannot be restored; the revisions still say what changed.
            </p>
          )}
        </div>
      </div>
      {revisions.length > 0 && (
        <ol class="revision-list" aria-label="Revisions, newest first" reversed>
          {newestFirst.map(({ revision, number }) => (
            <RevisionItem
              key={revision.id}
              revision={revision}
              number={number}
              open={openId === revision.id}
              onToggle={() => setOpenId(openId === revision.id ? null : revision.id)}
              documentId={doc.id}
              refreshKey={refreshKey}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
