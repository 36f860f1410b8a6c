/** The head of the report (its title, who made it and when) and the documents: what each is and where it came from. */
import type { StoredDocument } from '../../model/document.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { printedUrl } from '../printed-url.js';
import { escapeCell, escapeInItem } from './escape.js';

/** A metadata line: `- **Label:** value`, "not recorded" for an empty value; a value's lines stay lines of the item. */
export function field(label: string, value: string): string {
  return `- **${label}:** ${value === '' ? 'not recorded' : escapeInItem(value, 2)}`;
}

function documentMetadata(document: StoredDocument): string {
  const { meta } = document;
  return [
    `### Document: ${escapeCell(document.title)}`,
    '',
    field('Outlet', meta.outlet),
    field('Author', meta.author),
    field('URL', printedUrl(meta.sourceUrl)),
    field('Published', formatDate(meta.published)),
    field('Retrieved', formatDate(meta.retrieved)),
    `- **Fingerprint (SHA-256 of the text):** \`${document.fingerprint}\``,
  ].join('\n');
}

/** The report's title, then who made it and when. */
export function titleSection(context: ReportContext): string[] {
  const { project, analyst, generatedAt } = context.input;
  const by = analyst === '' ? '' : ` by ${escapeCell(analyst)}`;
  return [`# ${escapeCell(project.name)}: fact-check report`, `Prepared${by} on ${formatDate(generatedAt)}.`];
}

/** What each document is and where it came from. */
export function documentsSection(context: ReportContext): string[] {
  const { documents } = context.input;
  return ['## Documents', ...(documents.length === 0 ? ['No documents.'] : documents.map(documentMetadata))];
}
