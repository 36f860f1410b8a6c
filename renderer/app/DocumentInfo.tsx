/**
 * The document's card beside the text: its metadata (editable), where it came from, its
 * fingerprint, and the text damage found in it, each warning with its explanation, a way to
 * show it in the text, and a one-click repair where the repair is certain.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DocumentMetaPatch } from '../../shared/contract.js';
import type { StoredDocument } from '../../shared/model/document.js';
import { DAMAGE_LABELS } from './damage-labels.js';
import { WarningIcon } from './icons.js';
import type { Workbench } from './use-workbench.js';

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
  useEffect(() => setValues(metaValues(doc)), [doc]);
  const patch = patchFrom(values, doc);
  const changed = Object.keys(patch).length > 0;

  return (
    <aside class="info-panel" aria-label="Document information">
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
        <dt>Fingerprint (SHA-256 of the text)</dt>
        <dd><code class="fingerprint">{doc.fingerprint}</code></dd>
        <dt>Origin</dt>
        <dd>
          {doc.origin.format === 'pasted' ? 'Pasted or typed' : `${doc.origin.fileName} (${doc.origin.format})`}
          {doc.origin.encoding && <> · encoding <code>{doc.origin.encoding}</code></>}
        </dd>
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
                    <button onClick={() => void actions.repairWarning(index, warning.repair!)} aria-label={`Repair “${warning.excerpt}” to “${warning.repair}”`}>
                      Repair to “{warning.repair}”
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
