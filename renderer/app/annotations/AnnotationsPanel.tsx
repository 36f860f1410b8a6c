/**
 * The annotations panel: every annotation of the document in text order with counts, a legend,
 * filters (kind, tag, status, verdict, free text), the active annotation's card, and the orphans —
 * annotations whose words are gone, kept with their last known text until re-attached or removed.
 * Choosing an entry scrolls the text to it and flashes it.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ProjectView } from '../../../shared/contract.js';
import { ANNOTATION_KINDS, CLAIM_STATUSES, SPECIAL_OUTCOMES } from '../../../shared/model/vocabulary.js';
import type { Annotation, Claim } from '../../../shared/model/annotation.js';
import type { RatingLevel } from '../../../shared/model/rating-scale.js';
import type { Tag } from '../../../shared/model/tag.js';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { annotationName, KIND_LABELS, SPECIAL_LABELS, STATUS_LABELS, type AppearanceContext, type ColourBy } from '../../editor/annotations/appearance.js';
import { AnnotationCard } from './AnnotationCard.js';
import type { CheckContext } from './claim/check-context.js';
import { ColourLegend } from './ColourLegend.js';
import { countByKind, isUnfiltered, NO_FILTER, passes, type PanelFilter } from './panel-model.js';
import { useAnnotations } from './use-annotations.js';

/** Entries rendered at first; a long list shows the rest on request, so the panel stays quick. */
const FIRST_ENTRIES = 300;

export interface AnnotationsPanelProps {
  session: AnnotationSession;
  /** Tags in codebook order. */
  tags: readonly Tag[];
  levels: readonly RatingLevel[];
  context: AppearanceContext;
  onColourBy: (colourBy: ColourBy) => void;
  /** The annotation whose card should take the keyboard, with a counter that changes per request. */
  focusRequest: { id: string; count: number } | null;
  /** Clears the focus request once a card has taken the keyboard. */
  onFocusTaken: () => void;
  /** The open project (sources, rating scales, other documents) and the open document's id. */
  project: ProjectView;
  documentId: string;
  /** Shows the project as main returned it after a change made from a card (a new source). */
  onProjectView: (view: ProjectView) => void;
}

/** One of the panel's filter menus: `options` are [value, label] pairs. */
function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (value: string) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {options.map(([optionValue, optionLabel]) => (
        <option key={optionValue} value={optionValue}>
          {optionLabel}
        </option>
      ))}
    </select>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function AnnotationsPanel({ session, tags, levels, context, onColourBy, focusRequest, onFocusTaken, project, documentId, onProjectView }: AnnotationsPanelProps) {
  const { listing, activeId, table, words } = useAnnotations(session);
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const [showAll, setShowAll] = useState(false);
  const shown = useMemo(() => listing.placed.filter((a) => passes(a, filter, context.tags)), [listing, filter, context.tags]);
  const all = useMemo(() => [...listing.placed, ...listing.orphans], [listing]);
  const counts = countByKind(all);
  const set = (patch: Partial<PanelFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const active = activeId ? table[activeId] : undefined;
  const activeIsOrphan = active ? listing.orphans.includes(active) : false;
  const visible = showAll ? shown : shown.slice(0, FIRST_ENTRIES);
  const documentClaims = useMemo(() => all.filter((a): a is Claim => a.kind === 'claim'), [all]);
  const check = useMemo<CheckContext>(() => ({ project: project.project, documentId, documentClaims, onProjectView }), [project, documentId, documentClaims, onProjectView]);

  const card = (annotation: Annotation, orphan: boolean) => (
    <AnnotationCard session={session} annotation={annotation} words={words(annotation.id) ?? annotation.anchor.quote.exact} tags={tags} orphan={orphan} takeFocus={focusRequest?.id === annotation.id} onFocusTaken={onFocusTaken} check={check} />
  );

  return (
    <div class="annotations-panel">
      <p class="annotation-counts" aria-live="polite">
        {plural(all.length, 'annotation')}: {plural(counts.claim, 'claim')}, {plural(counts.sourceMention, 'source mention')}, {plural(counts.note, 'note')}
      </p>
      <ColourLegend annotations={all} context={context} onColourBy={onColourBy} />
      <div class="annotation-filters" role="search" aria-label="Filter annotations">
        <input type="search" aria-label="Filter annotations by text" placeholder="Filter by words, tag, claimant…" value={filter.text} onInput={(e) => set({ text: e.currentTarget.value })} />
        <FilterSelect label="Filter by kind" value={filter.kind} onChange={(kind) => set({ kind: kind as PanelFilter['kind'] })} options={[['all', 'All kinds'], ...ANNOTATION_KINDS.map((k) => [k, KIND_LABELS[k]] as const)]} />
        <FilterSelect label="Filter by tag" value={filter.tagId} onChange={(tagId) => set({ tagId })} options={[['all', 'All tags'], ...tags.map((t) => [t.id, t.name] as const)]} />
        <FilterSelect label="Filter by status" value={filter.status} onChange={(status) => set({ status })} options={[['all', 'All statuses'], ...CLAIM_STATUSES.map((s) => [s, STATUS_LABELS[s]!] as const)]} />
        <FilterSelect
          label="Filter by verdict"
          value={filter.verdict}
          onChange={(verdict) => set({ verdict })}
          options={[['all', 'All verdicts'], ['none', 'No verdict yet'], ...levels.map((l) => [l.id, l.label] as const), ...SPECIAL_OUTCOMES.map((s) => [s, SPECIAL_LABELS[s]!] as const)]}
        />
        {!isUnfiltered(filter) && (
          <p class="small muted">
            Showing {shown.length} of {listing.placed.length}.{' '}
            <button class="link-button" onClick={() => setFilter(NO_FILTER)}>
              Clear filters
            </button>
          </p>
        )}
      </div>
      {listing.placed.length === 0 && listing.orphans.length === 0 && (
        <p class="muted">Select words in the text and press C for a claim, S for a source mention or N for a note.</p>
      )}
      <ol class="annotation-list" aria-label="Annotations in text order">
        {visible.map((annotation) => (
          <li key={annotation.id} class={annotation.id === activeId ? 'active' : undefined}>
            <button
              class={`annotation-entry kind-${annotation.kind}`}
              aria-current={annotation.id === activeId ? 'true' : undefined}
              onClick={() => session.select(annotation.id, { reveal: true })}
              onKeyDown={(e) => {
                if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
                  e.preventDefault();
                  const tag = tags[Number(e.key) - 1];
                  if (tag) session.toggleTag(annotation.id, tag.id);
                }
              }}
            >
              <span class="entry-head">
                <span class={`legend-line line-${annotation.kind}`} aria-hidden="true" />
                <strong>{annotationName(annotation)}</strong>
                {annotation.kind === 'claim' && <span class="muted small">{STATUS_LABELS[annotation.status]}</span>}
              </span>
              <span class="entry-quote" dir="auto">
                {words(annotation.id) ?? annotation.anchor.quote.exact}
              </span>
              {annotation.tagIds.length > 0 && (
                <span class="entry-tags">
                  {annotation.tagIds.map((id) => {
                    const tag = context.tags.get(id);
                    return tag ? (
                      <span key={id} class="tag-chip" dir="auto">
                        <span class="tag-swatch" style={{ background: tag.colour }} aria-hidden="true" />
                        {tag.name}
                      </span>
                    ) : null;
                  })}
                </span>
              )}
            </button>
            {annotation.id === activeId && card(annotation, false)}
          </li>
        ))}
      </ol>
      {!showAll && shown.length > FIRST_ENTRIES && (
        <button onClick={() => setShowAll(true)}>Show all {shown.length} annotations</button>
      )}
      {listing.orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-title">
          <h3 id="orphans-title">
            Orphans <span class="count">{listing.orphans.length}</span>
          </h3>
          <p class="small muted">Their words are no longer in the text. Re-attach each to a new selection, or remove it.</p>
          <ul class="annotation-list">
            {listing.orphans.map((annotation) => (
              <li key={annotation.id} class={annotation.id === activeId ? 'active' : undefined}>
                <button class={`annotation-entry kind-${annotation.kind}`} aria-current={annotation.id === activeId ? 'true' : undefined} onClick={() => session.select(annotation.id)}>
                  <span class="entry-head">
                    <strong>{annotationName(annotation)}</strong>
                  </span>
                  <span class="entry-quote" dir="auto">
                    {annotation.anchor.quote.exact}
                  </span>
                </button>
                {annotation.id === activeId && card(annotation, true)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {active && !activeIsOrphan && !visible.includes(active) && card(active, false)}
    </div>
  );
}
