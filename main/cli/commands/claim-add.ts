/**
 * `factmark claim add <project> --doc <id or title> --quote "<exact words>" [...]`: records one
 * claim on the words it quotes, found in the document's text exactly, else approximately (the
 * words matched are printed), never guessed between places.
 */
import { CLAIM_KINDS, CLAIM_STATUSES, SPECIAL_OUTCOMES } from '../../../shared/model/index.js';
import { addClaimsToNamed } from '../../services/claims/claims.js';
import type { Command } from '../command.js';
import { stringOption, withProject } from '../with-project.js';
import { reportOutcomes } from './claim-rows-output.js';

export const claimAddCommand: Command = {
  summary: `Add a claim on the words it quotes, found in the document exactly or else approximately (the words matched are printed). KIND is one of ${CLAIM_KINDS.join(', ')}; STATUS one of ${CLAIM_STATUSES.join(', ')}; VERDICT a level of the active scale or one of ${SPECIAL_OUTCOMES.join(', ')}. Each --evidence URL becomes a library source (reused when the library has it).`,
  usage: '<project> --doc ID|TITLE --quote WORDS [--claimant NAME] [--kind KIND] [--status STATUS] [--verdict VERDICT] [--conclusion TEXT] [--evidence URL]… [--json]',
  positionals: ['project'],
  required: ['doc', 'quote'],
  options: {
    doc: { type: 'string' },
    quote: { type: 'string' },
    claimant: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    verdict: { type: 'string' },
    conclusion: { type: 'string' },
    evidence: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run({ positionals: [projectPath = ''], options }, io) {
    const text = (name: string) => stringOption(options[name]) ?? '';
    const evidence = Array.isArray(options.evidence) ? options.evidence : [];
    const row = { row: 1, quote: text('quote'), claimant: text('claimant'), kind: text('kind'), status: text('status'), verdict: text('verdict'), conclusion: text('conclusion'), evidence };
    const { store, result } = await withProject(projectPath, io, (store) => addClaimsToNamed(store, text('doc'), [row]));
    reportOutcomes(io, store.path, result, options.json === true, '');
  },
};

