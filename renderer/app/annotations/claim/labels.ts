/** The words the claim card shows for the model's codes (kept in shared/report/labels.ts, so reports say the same). */
import type { STANCES } from '../../../../shared/model/evidence.js';

export type Stance = (typeof STANCES)[number];

export { CLAIM_KIND_LABELS, STANCE_LABELS } from '../../../../shared/report/labels.js';

