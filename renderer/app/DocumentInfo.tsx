/**
 * The document's card beside the text: its metadata (editable), where it came from, and the text
 * damage found in it, each warning with its explanation, a way to show it in the text, and a
 * one-click repair where the repair is certain; then the revisions of its text since the import
 * with its fingerprints (./revisions/RevisionList.tsx, which asks main for the current ones).
 */
import { useEffect, useState } from 'preact/hooks';
import type { DocumentMetaPatch } from '../../shared/contract.js';
import type { StoredDocument } from '../../shared/model/document.js';
import { DAMAGE_LABELS } from './damage-labels.js';
import { WarningIcon } from './icons.js';
import { RevisionsSection } from './revisions/RevisionList.js';
import type { Workbench } from './use-workbench.js';

/** Encodings an analyst may try when a text was decoded wrongly, with what each is for. */
const ENCODINGS: [label: string, description: string][] = [
  ['utf-8', 'UTF-8 (most of the web)'],
  ['windows-1252', 'Windows-1252 (Western European)'],
  ['utf-16le', 'UTF-16 little-endian'],
  ['utf-16be', 'UTF-16 big-endian'],
  ['windows-1256', 'Windows-1256 (Arabic)'],
  ['iso-8859-6', 'ISO-8859-6 (Arabic)'],
  ['windows-1251', 'Windows-1251 (Cyrillic)'],
  ['gbk', 'GBK (Simplified Chinese)'],
  ['big5', 'Big5 (Traditional Chinese)'],
  ['shift_jis', 'Shift_JIS (Japanese)'],
  ['euc-kr', 'EUC-KR (Korean)'],
  ['windows-1255', 'Windows-1255 (Hebrew)'],
];

const FIELDS: { name: keyof DocumentMetaPatch; label: string; placeholder?: string }[] = [
  { name: 'title', label: 'Title' },
  { name: 'sourceUrl', label: 'Source URL', placeholder: 'https://…' },
  { name: 'outlet', label: 'Outlet' },
  { name: 'author', label: 'Author' },
  { name: 'published', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { name: 'retrieved', label: 'Retrieved', placeholder: 'YYYY-MM-DD' },
  { name: 'language', label: 'Language', placeholder: 'e.g. en, ar, fa' },
];

function metaValues(doc: StoredDocument): Record<string, string> {
  const { meta } = doc;
  return { title: doc.title, sourceUrl: meta.sourceUrl, outlet: meta.outlet, author: meta.author, published: meta.published ?? '', retrieved: meta.retrieved ?? '', language: meta.language, direction: meta.direction };
}

/** The changed fields only, with empty dates as null. */
function patchFrom(values: Record<string, string>, doc: StoredDocument): DocumentMetaPatch {
  const before = metaValues(doc);
  const patch: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === before[name]) continue;
    patch[name] = (name === 'published' || name === 'retrieved') && value.trim() === '' ? null : value.trim();
  }
  return patch as DocumentMetaPatch;
}

export function DocumentInfo({ document: doc, workbench }: { document: StoredDocument; workbench: Workbench }) {
  const { actions } = workbench;
  const [values, setValues] = useState(() => metaValues(doc));
  const [error, setError] = useState('');
  const [encoding, setEncoding] = useState(doc.origin.encoding || 'utf-8');
  const canReread = ['text', 'markdown', 'html'].includes(doc.origin.format);
  useEffect(() => setValues(metaValues(doc)), [doc]);
  const patch = patchFrom(values, doc);
  const changed = Object.keys(patch).length > 0;

  return (
    <div class="document-info">
      <form
        class="form compact"
        onSubmit={async (e) => {
          e.preventDefault();
          setError((await actions.updateMeta(patch)) ?? '');
        }}
      >
        <h2>Document</h2>
        {FIELDS.map((field) => (
          <div class="field" key={field.name}>
            <label for={`meta-${field.name}`}>{field.label}</label>
            <input
              id={`meta-${field.name}`}
              type="text"
              dir="auto"
              value={values[field.name]}
              placeholder={field.placeholder}
              onInput={(e) => setValues({ ...values, [field.name]: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        ))}
        <div class="field">
          <label for="meta-direction">Text direction</label>
          <select id="meta-direction" value={values.direction} onChange={(e) => setValues({ ...values, direction: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="auto">Per paragraph (automatic)</option>
            <option value="ltr">Left to right</option>
            <option value="rtl">Right to left</option>
          </select>
        </div>
        {error && <p role="alert" class="form-error">{error}</p>}
        <button type="submit" class="primary" disabled={!changed}>Save details</button>
      </form>

      <dl class="facts">
        <dt>Origin</dt>
        <dd>
          {doc.origin.format === 'pasted' ? 'Pasted or typed' : `${doc.origin.fileName} (${doc.origin.format})`}
          {doc.origin.encoding && <> · encoding <code>{doc.origin.encoding}</code></>}
        </dd>
        {canReread && (
          <dd class="reread">
            <label for="reread-encoding" class="muted">Text looks wrong? Read the file again as</label>
            <span class="reread-row">
              <select id="reread-encoding" value={encoding} onChange={(e) => setEncoding((e.currentTarget as HTMLSelectElement).value)}>
                {ENCODINGS.map(([label, description]) => (
                  <option key={label} value={label}>{description}</option>
                ))}
              </select>
              <button onClick={() => actions.setDialog({ kind: 'reimport', documentId: doc.id, title: doc.title, encoding })}>Read again</button>
            </span>
          </dd>
        )}
        {doc.origin.canonicalUrl && (
          <>
            <dt>Canonical address</dt>
            <dd class="break" dir="ltr">{doc.origin.canonicalUrl}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="damage-title" class="damage-panel">
        <div class="section-head">
          <h2 id="damage-title">
            Text damage <span class="count">{doc.damage.length}</span>
          </h2>
          <button onClick={() => void actions.checkDamage()} title="Check the current text again">Check again</button>
        </div>
        {doc.damage.length === 0 ? (
          <p class="muted">No damage found in this text.</p>
        ) : (
          <ul class="damage-list">
            {doc.damage.map((warning, index) => (
              <li key={`${warning.start}-${warning.kind}`} class={`damage-item damage-${warning.kind}`}>
                <p class="damage-kind">
                  <WarningIcon /> {DAMAGE_LABELS[warning.kind]}
                </p>
                <p class="damage-excerpt" dir="auto"><q>{warning.excerpt}</q></p>
                <p class="damage-message">{warning.message}</p>
                <div class="damage-actions">
                  <button onClick={() => actions.revealWarning(index)} aria-label={`Show “${warning.excerpt}” in the text`}>Show</button>
                  {warning.repair !== null && (
                    <button onClick={() => void actions.repairWarning(index, warning.repair!)} aria-label={warning.repair === '' ? `Repair “${warning.excerpt}” by removing it` : `Repair “${warning.excerpt}” to “${warning.repair}”`}>
                      {warning.repair === '' ? 'Repair: remove it' : `Repair to “${warning.repair}”`}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <RevisionsSection document={doc} workbench={workbench} />
    </div>
  );
}
