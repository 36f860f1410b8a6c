/** The head of the report: its title, what each document is and where it came from, who made the report and when. */
import type { StoredDocument } from '../../model/document.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { escapeCell } from './escape.js';

/** A metadata line: `- **Label:** value`, "not recorded" for an empty value. */
export function field(label: string, value: string): string {
  return `- **${label}:** ${value === '' ? 'not recorded' : escapeCell(value)}`;
}

function documentMetadata(document: StoredDocument): string {
  const { meta } = document;
  return [
    `### Document: ${escapeCell(document.title)}`,
    '',
    field('Outlet', meta.outlet),
    field('Author', meta.author),
    field('URL', meta.sourceUrl),
    field('Published', formatDate(meta.published)),
    field('Retrieved', formatDate(meta.retrieved)),
    `- **Fingerprint (SHA-256 of the text):** \`${document.fingerprint}\``,
  ].join('\n');
}

/** Title, one metadata block per document, then the analyst and the date of the report. */
export function headerSection(context: ReportContext): string[] {
  const { project, documents, analyst, generatedAt } = context.input;
  const by = analyst === '' ? '' : ` by ${escapeCell(analyst)}`;
  return [
    `# ${escapeCell(project.name)}: fact-check report`,
    `Prepared${by} on ${formatDate(generatedAt)}.`,
    '## Documents',
    ...(documents.length === 0 ? ['No documents.'] : documents.map(documentMetadata)),
  ];
}
