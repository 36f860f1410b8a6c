/**
 * The W3C Web Annotation export: one JSON-LD `AnnotationCollection` (https://www.w3.org/TR/annotation-model/)
 * whose single embedded `AnnotationPage` holds an annotation per included claim (motivation
 * `assessing`), per piece of its evidence (`linking`, targeting the claim's annotation), per source
 * mention (`identifying`) and per note (`commenting`). Targets carry TextQuote and TextPosition
 * selectors; positions count Unicode code points of the document's plain text, as stored anchors
 * already do, so tools such as Hypothesis place them on the same characters.
 *
 * A claim's analyst is its W3C `creator` (a Person with a name, as Hypothesis-style readers expect);
 * what the model has no term for — the claimant (a Person or an Organization), the kind of claim,
 * its status and where and when it appeared — sits under Factmark's own namespace, declared in the
 * `@context` array beside the W3C context ({@link FACTMARK_NAMESPACE}), so every JSON-LD processor
 * expands it to IRIs instead of dropping it. Evidence that points at words of another document
 * carries them as a SpecificResource on that document with its selectors.
 */
import type { Annotation, Claim } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import type { Anchor } from '../model/selectors.js';
import type { Evidence } from '../model/evidence.js';
import type { Source } from '../model/source.js';
import { verdictName } from '../model/queries.js';
import { admiraltyCode } from '../check/admiralty.js';
import type { ReportInput, ReportOptions } from './input.js';
import { printedUrl } from './printed-url.js';
import { compareText, reportedAnnotations, shownSource } from './select.js';
import { partUrn, webAddressOr } from './urns.js';
import { jsonLdText } from './json-ld-text.js';

/** The IRI Factmark's own terms expand under (`factmark:claimant` is `https://factmark.org/ns#claimant`). */
export const FACTMARK_NAMESPACE = 'https://factmark.org/ns#';

/** The collection's `@context`: the W3C Web Annotation context, then the `factmark` prefix. */
export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { factmark: FACTMARK_NAMESPACE }];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What every annotation of one export shares: the project's sources and tags, and the analyst's choices. */
interface Context {
  input: ReportInput;
  options: ReportOptions;
  sources: ReadonlyMap<string, Source>;
  tagNames: ReadonlyMap<string, string>;
  /** The project's documents' titles by id, and the reported documents by id (for their web addresses). */
  titles: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, StoredDocument>;
}

/**
 * The Web Annotation collection of the report, as pretty-printed JSON ending in a newline. Keys
 * come in a fixed order and tags are sorted, so the same project and options give the same bytes.
 */
export function webAnnotations(input: ReportInput, options: ReportOptions): string {
  const { project } = input;
  const context: Context = {
    input,
    options,
    sources: new Map(project.sources.map((s) => [s.id, s])),
    tagNames: new Map(project.tags.map((t) => [t.id, t.name])),
    titles: new Map(project.documents.map((d) => [d.id, d.title])),
    documents: new Map(input.documents.map((d) => [d.id, d])),
  };
  const items = input.documents.flatMap((document) => reportedAnnotations(document, options).flatMap((a) => annotationsOf(a, document, context)));
  const id = partUrn(project, 'annotations');
  const collection: JsonObject = { '@context': W3C_CONTEXT, id, type: 'AnnotationCollection', label: project.name, generated: input.generatedAt, total: items.length };
  if (items.length > 0) {
    const pageId = `${id}:page:1`;
    collection.first = { id: pageId, type: 'AnnotationPage', startIndex: 0, items };
    collection.last = pageId;
  }
  return jsonLdText(collection);
}

/** The annotation(s) one of ours becomes: a claim also gives one linking annotation per piece of evidence. */
function annotationsOf(annotation: Annotation, document: StoredDocument, context: Context): JsonObject[] {
  const main: JsonObject = {
    id: partUrn(context.input.project, 'annotation', annotation.id),
    type: 'Annotation',
    motivation: MOTIVATION[annotation.kind],
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(annotation.kind === 'claim' ? claimFields(annotation) : {}),
  };
  const body = [...bodiesOf(annotation, context), ...tagBodies(annotation, context)];
  if (body.length > 0) main.body = body;
  main.target = target(annotation, document, context);
  return annotation.kind === 'claim' ? [main, ...annotation.evidence.map((item) => evidenceAnnotation(annotation, item, context))] : [main];
}

/**
 * What a claim's annotation says of the claim beside its bodies: its analyst as the W3C `creator`,
 * and under Factmark's namespace the claimant, the kind of claim, its status and its appearance.
 */
function claimFields(claim: Claim): JsonObject {
  const fields: JsonObject = {};
  if (claim.analyst.trim() !== '') fields.creator = { type: 'Person', name: claim.analyst };
  if (claim.claimant.trim() !== '') fields['factmark:claimant'] = { type: claim.claimantKind === 'organization' ? 'Organization' : 'Person', name: claim.claimant };
  fields['factmark:claimKind'] = claim.claimKind;
  fields['factmark:status'] = claim.status;
  const appearance: JsonObject = {};
  const url = webAddressOr(printedUrl(claim.appearance.url), '');
  if (url !== '') appearance.id = url;
  if (claim.appearance.date !== null) appearance['factmark:date'] = claim.appearance.date;
  if (Object.keys(appearance).length > 0) fields['factmark:appearance'] = appearance;
  return fields;
}

/** The W3C motivation of each kind of annotation. */
const MOTIVATION: Record<Annotation['kind'], string> = { claim: 'assessing', sourceMention: 'identifying', note: 'commenting' };

/** The bodies that say what the annotation holds (tags aside). */
function bodiesOf(annotation: Annotation, context: Context): JsonObject[] {
  switch (annotation.kind) {
    case 'claim':
      return claimBodies(annotation, context);
    case 'sourceMention':
      return annotation.sourceId === null ? [] : [sourceBody(annotation.sourceId, 'identifying', context)];
    case 'note':
      return annotation.body === '' ? [] : [textBody(annotation.body, 'commenting', 'text/markdown')];
  }
}

/** A claim's restatement (`describing`), verdict in words (`assessing`) and written conclusion (`commenting`). */
function claimBodies(claim: Claim, context: Context): JsonObject[] {
  const bodies: JsonObject[] = [];
  if (claim.restatement !== '') bodies.push(textBody(claim.restatement, 'describing', 'text/plain'));
  const verdict = verdictName(claim.verdict, context.input.project);
  if (verdict !== null) bodies.push(textBody(verdict, 'assessing', 'text/plain'));
  if (claim.verdict.conclusion !== '') bodies.push(textBody(claim.verdict.conclusion, 'commenting', 'text/markdown'));
  return bodies;
}

/** One `tagging` body per tag, by name (the codebook's words, not its ids), sorted. */
function tagBodies(annotation: Annotation, context: Context): JsonObject[] {
  const names = annotation.tagIds.flatMap((id) => {
    const name = context.tagNames.get(id);
    return name === undefined ? [] : [name];
  });
  return [...new Set(names)].sort(compareText).map((name) => textBody(name, 'tagging', 'text/plain'));
}

function textBody(value: string, purpose: string, format: string): JsonObject {
  return { type: 'TextualBody', purpose, value, format };
}

/**
 * A body naming a source: its web address, or its project URN when it has none or is withheld
 * from the report (then nothing identifying goes out).
 */
function sourceBody(sourceId: string, purpose: string, context: Context): JsonObject {
  const source = context.sources.get(sourceId);
  const url = source === undefined ? '' : shownSource(source, context.options).url;
  return { type: 'SpecificResource', purpose, source: webAddressOr(url, partUrn(context.input.project, 'source', sourceId)) };
}

/**
 * A piece of evidence as its own `linking` annotation on the claim's annotation: the source, the
 * stance (`classifying`: supports, refutes, context), the Admiralty code of the information
 * (`assessing`, e.g. "B2"), the excerpt quoted from the source (`describing`) and, when it points at
 * words of another document, those words on that document (`linking`, see {@link spanBody}).
 */
function evidenceAnnotation(claim: Claim, item: Evidence, context: Context): JsonObject {
  const { project } = context.input;
  const source = context.sources.get(item.sourceId);
  const body = [sourceBody(item.sourceId, 'linking', context), textBody(item.stance, 'classifying', 'text/plain')];
  if (source !== undefined) body.push(textBody(admiraltyCode(source.reliability, item.credibility), 'assessing', 'text/plain'));
  if (item.excerpt !== '') body.push(textBody(item.excerpt, 'describing', 'text/plain'));
  if (item.documentSpan !== null) body.push(spanBody(item.documentSpan.documentId, item.documentSpan.anchor, context));
  return {
    id: partUrn(project, 'annotation', claim.id, 'evidence', item.id),
    type: 'Annotation',
    motivation: 'linking',
    created: item.createdAt,
    modified: item.updatedAt,
    body,
    target: partUrn(project, 'annotation', claim.id),
  };
}

/**
 * Words of a document of the project as a SpecificResource: the document (its address, else its
 * name; with its title as the label) and the selectors of the words.
 */
function spanBody(documentId: string, anchor: Anchor, context: Context): JsonObject {
  const document = context.documents.get(documentId);
  const source: JsonObject = { id: documentAddress(documentId, document?.meta.sourceUrl ?? '', context), type: 'Text' };
  const title = context.titles.get(documentId);
  if (title !== undefined) source.label = title;
  return { type: 'SpecificResource', purpose: 'linking', source, selector: selectors(anchor, true) };
}

/** A document's web address when it has a valid one, else its project URN. */
function documentAddress(documentId: string, sourceUrl: string, context: Context): string {
  return webAddressOr(printedUrl(sourceUrl), partUrn(context.input.project, 'document', documentId));
}

/** The TextQuote selector of an anchor and, when its position still means something, its TextPosition selector. */
function selectors(anchor: Anchor, placed: boolean): JsonObject[] {
  const { quote, position } = anchor;
  const found: JsonObject[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  if (placed) found.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  return found;
}

/**
 * Where the annotation sits: the document (its web address when it has one, else its URN) and the
 * selectors. An orphan — its words are gone — keeps only its last quote: its position means nothing now.
 */
function target(annotation: Annotation, document: StoredDocument, context: Context): JsonObject {
  return { source: documentAddress(document.id, document.meta.sourceUrl, context), selector: selectors(annotation.anchor, !annotation.orphaned) };
}
