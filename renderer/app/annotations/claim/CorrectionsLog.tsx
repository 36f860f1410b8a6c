/** A claim's corrections, oldest first: when, the verdict before → after, and why. */
import type { Claim } from '../../../../shared/model/annotation.js';
import { verdictLabel } from '../../../../shared/model/queries.js';
import type { RatingScale } from '../../../../shared/model/rating-scale.js';
import { formatTime } from './format-time.js';

export function CorrectionsLog({ claim, scales }: { claim: Claim; scales: readonly RatingScale[] }) {
  if (claim.corrections.length === 0) return null;
  const project = { ratingScales: scales };
  return (
    <section class="claim-section corrections" aria-label={`Corrections of ${claim.shortId}`}>
      <h4>Corrections</h4>
      <ol class="corrections-log">
        {claim.corrections.map((correction) => (
          <li key={correction.at}>
            <span class="correction-head">
              <time dateTime={correction.at}>{formatTime(correction.at)}</time>
              <span>
                {verdictLabel(correction.before, project)} → <strong>{verdictLabel(correction.after, project)}</strong>
              </span>
            </span>
            <span class="correction-reason" dir="auto">
              {correction.reason}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
