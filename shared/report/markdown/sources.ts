/**
 * The source list: every source the reported evidence cites, numbered in order of first citation,
 * with enough to find it again (type, title, authors, publisher, dates — each once, in its field
 * even when the CSL import kept it in the notes —, URL without tracking parameters, archived copy,
 * Admiralty reliability). A source flagged "withhold" shows only its number and reliability when
 * the options anonymise withheld sources (IFCN: a source's personal security).
 */
import { RELIABILITY_LABELS } from '../../check/admiralty.js';
import { sourceDates } from '../../check/csl.js';
import type { Source } from '../../model/source.js';
import { SOURCE_TYPE_LABELS } from '../labels.js';
import { printedUrl } from '../printed-url.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { escapeParagraph } from './escape.js';
import { field } from './header.js';

function authorName(author: Source['authors'][number]): string {
  return 'literal' in author ? author.literal : [author.given, author.family].filter(Boolean).join(' ');
}

function sourceEntry(number: string, source: Source | undefined, anonymise: boolean): string[] {
  const heading = `### ${number}`;
  if (!source) return [heading, 'This source is missing from the project library.'];
  const reliability = field('Reliability', `${source.reliability} — ${RELIABILITY_LABELS[source.reliability]}`);
  if (source.withhold && anonymise) return [heading, ['- **Identity:** withheld to protect the source', reliability].join('\n')];
  const dates = sourceDates(source);
  return [
    heading,
    [
      field('Title', source.title),
      field('Type', SOURCE_TYPE_LABELS[source.type]),
      field('Authors', source.authors.map(authorName).join('; ')),
      field('Publisher', source.publisher),
      field('Published', formatDate(dates.published)),
      field('Accessed', formatDate(dates.accessed)),
      field('URL', printedUrl(source.url)),
      field('Archived copy', source.archiveUrl),
      reliability,
    ].join('\n'),
    ...(dates.notes === '' ? [] : [escapeParagraph(dates.notes)]),
  ];
}

/** The "Sources" section. */
export function sourcesSection(context: ReportContext): string[] {
  if (context.sourceNumbers.size === 0) return ['## Sources', 'No sources cited.'];
  const entries = [...context.sourceNumbers].flatMap(([id, number]) => sourceEntry(number, context.sources.get(id), context.options.anonymiseWithheld));
  return ['## Sources', ...entries];
}
