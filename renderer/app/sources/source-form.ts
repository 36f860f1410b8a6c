/**
 * The source dialog's values as the analyst types them (plain strings, authors one per line) and
 * the {@link SourceDraft} they make, so the dialog only renders and the conversion is in one place.
 */
import type { SourceDraft } from '../../../shared/contract.js';
import type { Source } from '../../../shared/model/source.js';

type Author = Source['authors'][number];

/** Every field of the dialog as typed. */
export interface SourceFormValues {
  type: Source['type'];
  title: string;
  /** One author per line: "Family, Given" for a person, or an organisation's name. */
  authors: string;
  publisher: string;
  published: string;
  accessed: string;
  url: string;
  archiveUrl: string;
  language: string;
  notes: string;
  reliability: Source['reliability'];
  withhold: boolean;
}

/** The dialog's starting values: the source's own, or an empty web page accessed today. */
export function formValues(source: Source | undefined, today: string): SourceFormValues {
  return {
    type: source?.type ?? 'webpage',
    title: source?.title ?? '',
    authors: authorsText(source?.authors ?? []),
    publisher: source?.publisher ?? '',
    published: source?.published ?? '',
    accessed: source ? (source.accessed ?? '') : today,
    url: source?.url ?? '',
    archiveUrl: source?.archiveUrl ?? '',
    language: source?.language ?? '',
    notes: source?.notes ?? '',
    reliability: source?.reliability ?? 'F',
    withhold: source?.withhold ?? false,
  };
}

/** The draft the values make: trimmed, empty dates as null, authors parsed line by line. */
export function draftOf(values: SourceFormValues): SourceDraft {
  return {
    type: values.type,
    title: values.title.trim(),
    authors: authorsFromText(values.authors),
    publisher: values.publisher.trim(),
    published: values.published.trim() || null,
    accessed: values.accessed.trim() || null,
    url: values.url.trim(),
    archiveUrl: values.archiveUrl.trim(),
    language: values.language.trim(),
    notes: values.notes,
    reliability: values.reliability,
    withhold: values.withhold,
  };
}

/** Authors from lines: "Family, Given" is a person, a line without a comma an organisation. */
export function authorsFromText(text: string): Author[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.indexOf(',');
      if (comma < 0) return { literal: line };
      const family = line.slice(0, comma).trim();
      const given = line.slice(comma + 1).trim();
      return given ? { family, given } : { family };
    });
}

/** Authors as the dialog shows them, one per line. */
export function authorsText(authors: readonly Author[]): string {
  return authors.map((a) => ('literal' in a ? a.literal : a.given ? `${a.family}, ${a.given}` : a.family)).join('\n');
}
