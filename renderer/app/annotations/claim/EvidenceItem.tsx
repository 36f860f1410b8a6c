/**
 * One piece of evidence as the card lists it: the Admiralty code of source and information
 * ("B2", its meaning on hover and for screen readers), the stance as a word and a shape, the
 * source (marked when its identity is withheld from reports), the excerpt and the words of
 * another document it rests on; with Edit and Remove.
 */
import { admiraltyCode, CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../../../shared/check/admiralty.js';
import type { DocumentSummary } from '../../../../shared/model/document.js';
import type { Evidence } from '../../../../shared/model/evidence.js';
import type { Source } from '../../../../shared/model/source.js';
import { PencilIcon, TrashIcon } from '../../icons.js';
import { STANCE_LABELS } from './labels.js';
import { PlacedSpanQuote } from './PlacedSpanQuote.js';
import { StanceIcon } from './StanceIcon.js';

export interface EvidenceItemProps {
  evidence: Evidence;
  source: Source | undefined;
  documents: readonly DocumentSummary[];
  onEdit: () => void;
  onRemove: () => void;
}

export function EvidenceItem({ evidence, source, documents, onEdit, onRemove }: EvidenceItemProps) {
  const code = source ? admiraltyCode(source.reliability, evidence.credibility) : `?${evidence.credibility}`;
  const meaning = source
    ? `${RELIABILITY_LABELS[source.reliability]} source; information ${CREDIBILITY_LABELS[evidence.credibility].toLowerCase()}`
    : `Source missing from the library; information ${CREDIBILITY_LABELS[evidence.credibility].toLowerCase()}`;
  const title = source?.title || 'A source no longer in the library';
  const span = evidence.documentSpan;
  return (
    <li class={`evidence-item stance-${evidence.stance}`}>
      <div class="evidence-head">
        <abbr class="admiralty-code" title={meaning}>
          {code}
          <span class="visually-hidden">: {meaning}</span>
        </abbr>
        <span class="stance">
          <StanceIcon stance={evidence.stance} />
          {STANCE_LABELS[evidence.stance]}
        </span>
        <span class="evidence-tools">
          <button type="button" class="icon-button" aria-label={`Edit evidence from ${title}`} title="Edit" onClick={onEdit}>
            <PencilIcon />
          </button>
          <button type="button" class="icon-button" aria-label={`Remove evidence from ${title}`} title="Remove" onClick={onRemove}>
            <TrashIcon />
          </button>
        </span>
      </div>
      <p class={`evidence-source${source?.withhold ? ' withheld' : ''}`} dir="auto">
        {source?.withhold && <span class="withheld-badge">Withheld source</span>}
        {title}
        {source?.publisher && <span class="muted"> — {source.publisher}</span>}
      </p>
      {evidence.excerpt && (
        <blockquote class="evidence-excerpt" dir="auto">
          {evidence.excerpt}
        </blockquote>
      )}
      {span && <PlacedSpanQuote documentId={span.documentId} anchor={span.anchor} fallbackTitle={documents.find((d) => d.id === span.documentId)?.title ?? 'another document'} />}
    </li>
  );
}
