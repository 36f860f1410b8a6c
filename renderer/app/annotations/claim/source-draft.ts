/**
 * Sources as the claim card makes them (a compact form, or the words of a source mention) and
 * finds them (by title, outlet or web address), and a source named in one line with its grade.
 */
import type { SourceDraft } from '../../../../shared/contract.js';
import type { Source } from '../../../../shared/model/source.js';

/** A complete draft for api.createSource from the few fields the card asks for; the rest left empty. */
export function sourceDraft(fields: Pick<SourceDraft, 'title'> & Partial<SourceDraft>): SourceDraft {
  return {
    type: 'other',
    authors: [],
    publisher: '',
    published: null,
    accessed: null,
    url: '',
    archiveUrl: '',
    language: '',
    notes: '',
    reliability: 'F',
    withhold: false,
    ...fields,
  };
}

/** Sources whose title, outlet or web address contains every word of `query` (any case). */
export function findSources(sources: readonly Source[], query: string): Source[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sources];
  return sources.filter((source) => {
    const haystack = `${source.title} ${source.publisher} ${source.url}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** "UN report — United Nations (B)", with "withheld" when its identity stays out of reports. */
export function sourceLine(source: Source): string {
  const outlet = source.publisher ? ` — ${source.publisher}` : '';
  return `${source.title || 'Untitled source'}${outlet} (${source.reliability}${source.withhold ? ', withheld' : ''})`;
}
