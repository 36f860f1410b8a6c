/** Short names of the kinds of text damage, as the panel and tooltips show them (kept in shared/model/damage.ts, so reports say the same). */
export { DAMAGE_LABELS } from '../../shared/model/damage.js';
