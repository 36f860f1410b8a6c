/**
 * The claims (and other annotations) behind one number of the overview: each with its document,
 * short id, quoted words, claimant, status and verdict. Choosing one opens its document and
 * selects it in the text.
 */
import { useEffect, useRef } from 'preact/hooks';
import { verdictLabel, type ProjectScales } from '../../../shared/model/queries.js';
import { STATUS_LABELS } from '../../editor/annotations/appearance.js';
import type { Place } from './overview-model.js';

export interface PlaceListProps {
  title: string;
  places: readonly Place[];
  /** Where verdict levels are looked up. */
  project: ProjectScales;
  onOpenPlace: (place: Place) => void;
  onBack: () => void;
}

export function PlaceList({ title, places, project, onOpenPlace, onBack }: PlaceListProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section class="place-list" aria-labelledby="place-list-title">
      <div class="place-list-head">
        <h3 id="place-list-title" ref={heading} tabIndex={-1}>{title}</h3>
        <button type="button" onClick={onBack}>Back to the overview</button>
      </div>
      {places.length === 0 ? (
        <p class="muted">Nothing here.</p>
      ) : (
        <ul aria-labelledby="place-list-title">
          {places.map((place) => {
            const { claim } = place;
            return (
              <li key={place.annotationId}>
                <button type="button" class="place-entry" onClick={() => onOpenPlace(place)}>
                  <span class="place-head">
                    <strong>{claim ? claim.shortId : place.label}</strong>
                    <span class="place-document" dir="auto">{place.documentTitle}</span>
                  </span>
                  {claim && (
                    <>
                      <q class="place-quote" dir="auto">{claim.anchor.quote.exact}</q>
                      <span class="place-facts">
                        <span>Claimant: <span dir="auto">{claim.claimant || 'not recorded'}</span></span>
                        <span>Status: {STATUS_LABELS[claim.status] ?? claim.status}</span>
                        <span>Verdict: {verdictLabel(claim.verdict, project)}</span>
                      </span>
                    </>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
