/**
 * The W3C Web Annotation export: one JSON-LD `AnnotationCollection` (https://www.w3.org/TR/annotation-model/)
 * whose single embedded `AnnotationPage` holds an annotation per included claim (motivation
 * `assessing`), per piece of its evidence (`linking`, targeting the claim's annotation), per source
 * mention (`identifying`) and per note (`commenting`). Targets carry TextQuote and TextPosition
 * selectors; positions count Unicode code points of the document's plain text, as stored anchors
 * already do, so tools such as Hypothesis place them on the same characters.
 */
import type { Annotation, Claim } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import type { Evidence } from '../model/evidence.js';
import type { Source } from '../model/source.js';
import { verdictName } from '../model/queries.js';
import { admiraltyCode } from '../check/admiralty.js';
import type { ReportInput, ReportOptions } from './input.js';
import { compareText, reportedAnnotations, shownSource } from './select.js';
import { partUrn, webAddressOr } from './urns.js';
import { jsonLdText } from './json-ld-text.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What every annotation of one export shares: the project's sources and tags, and the analyst's choices. */
interface Context {
  input: ReportInput;
  options: ReportOptions;
  sources: ReadonlyMap<string, Source>;
  tagNames: ReadonlyMap<string, string>;
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
  };
  const items = input.documents.flatMap((document) => reportedAnnotations(document, options).flatMap((a) => annotationsOf(a, document, context)));
  const id = partUrn(project, 'annotations');
  const collection: JsonObject = { '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'AnnotationCollection', label: project.name, generated: input.generatedAt, total: items.length };
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
  };
  const body = [...bodiesOf(annotation, context), ...tagBodies(annotation, context)];
  if (body.length > 0) main.body = body;
  main.target = target(annotation, document, context);
  return annotation.kind === 'claim' ? [main, ...annotation.evidence.map((item) => evidenceAnnotation(annotation, item, context))] : [main];
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
 * (`assessing`, e.g. "B2") and the excerpt quoted from the source (`describing`).
 */
function evidenceAnnotation(claim: Claim, item: Evidence, context: Context): JsonObject {
  const { project } = context.input;
  const source = context.sources.get(item.sourceId);
  const body = [sourceBody(item.sourceId, 'linking', context), textBody(item.stance, 'classifying', 'text/plain')];
  if (source !== undefined) body.push(textBody(admiraltyCode(source.reliability, item.credibility), 'assessing', 'text/plain'));
  if (item.excerpt !== '') body.push(textBody(item.excerpt, 'describing', 'text/plain'));
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
 * Where the annotation sits: the document (its web address when it has one, else its URN) and the
 * selectors. An orphan — its words are gone — keeps only its last quote: its position means nothing now.
 */
function target(annotation: Annotation, document: StoredDocument, context: Context): JsonObject {
  const { quote, position } = annotation.anchor;
  const selector: JsonObject[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  if (!annotation.orphaned) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  return { source: webAddressOr(document.meta.sourceUrl, partUrn(context.input.project, 'document', document.id)), selector };
}
