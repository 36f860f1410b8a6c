/** `factmark source add <project> --title … [--url …] [--type …] [--reliability …]`: adds a source to the library. */
import { SOURCE_TYPES, RELIABILITY_GRADES, type Reliability, type Source } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { createSource } from '../../services/store/use-cases/sources.js';
import type { Command } from '../command.js';
import { stringOption, withProject } from '../with-project.js';

/** `value` if it is one of `choices` (compared without regard to case), else a refusal naming them. */
function oneOf<T extends string>(value: string | undefined, choices: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  const found = choices.find((c) => c.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new FactmarkError('INVALID_ARGUMENT', `“${value}” is not a source ${what}: use one of ${choices.join(', ')}.`);
  return found;
}

export const sourceAddCommand: Command = {
  summary: `Add a source to the project library (refused when the library already holds its web address). TYPE is one of ${SOURCE_TYPES.join(', ')} (default webpage); reliability is graded A (completely reliable) to F (cannot be judged, the default).`,
  usage: '<project> --title TITLE [--url URL] [--publisher NAME] [--published YYYY-MM-DD] [--type TYPE] [--reliability A-F] [--json]',
  positionals: ['project'],
  required: ['title'],
  options: {
    title: { type: 'string' },
    url: { type: 'string' },
    publisher: { type: 'string' },
    published: { type: 'string' },
    type: { type: 'string' },
    reliability: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals: [projectPath = ''], options }, io) {
    const type: Source['type'] = oneOf(stringOption(options.type), SOURCE_TYPES, 'webpage', 'type');
    const reliability: Reliability = oneOf(stringOption(options.reliability), RELIABILITY_GRADES, 'F', 'reliability grade');
    const draft = {
      type,
      title: stringOption(options.title) ?? '',
      authors: [],
      publisher: stringOption(options.publisher) ?? '',
      published: stringOption(options.published) ?? null,
      accessed: null,
      url: stringOption(options.url) ?? '',
      archiveUrl: '',
      language: '',
      notes: '',
      reliability,
      withhold: false,
    };
    const { store, result: source } = await withProject(projectPath, io, (store) => createSource(store, draft));
    io.out(options.json === true ? `${JSON.stringify({ project: store.path, source })}\n` : `added the source “${source.title}” (${source.id}, reliability ${source.reliability})\n`);
  },
};
