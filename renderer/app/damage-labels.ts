/** Short names of the kinds of text damage, as the panel and tooltips show them. */
import type { DamageKind } from '../../shared/model/damage.js';

export const DAMAGE_LABELS: Record<DamageKind, string> = {
  mojibake: 'Garbled characters',
  foreignEncoding: 'Text in another encoding',
  markupResidue: 'Leftover web markup',
  replacementCharacter: 'Undecodable character',
  controlCharacter: 'Control character',
  invisibleCharacter: 'Invisible character',
  bidiControl: 'Direction override',
  duplicate: 'Repeated passage',
  splice: 'Spliced sentences',
};
