/**
 * The W3C Web Annotation export against the W3C's own checks: the JSON Schemas and MUST assertions
 * of the web-platform-tests annotation-model suite (tests/fixtures/w3c/), run with Ajv; plus what
 * the schemas cannot see — code-point offsets, the analyst's choices, anonymity, determinism.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { anchorOf, options, reportInput, SPEECH_TEXT } from './formats.fixture.js';

const W3C = new URL('../../fixtures/w3c/', import.meta.url);
type Json = Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(readFileSync(new URL(path, W3C), 'utf8')) as Json;

/** A draft-04 schema as Ajv 8 reads it: `id` → `$id`, no `$schema`, boolean `exclusiveMinimum` → the number it qualifies. */
function draft04ForAjv(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((item) => draft04ForAjv(item, false));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'exclusiveMinimum' && typeof value === 'boolean') continue;
    out[root && key === 'id' ? '$id' : key] = draft04ForAjv(value, false);
  }
  const s = schema as Json;
  if (s.exclusiveMinimum === true) {
    out.exclusiveMinimum = s.minimum;
    delete out.minimum;
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
for (const file of readdirSync(new URL('definitions/', W3C))) ajv.addSchema(draft04ForAjv(readJson(`definitions/${file}`)) as object);

const compiled = new Map<string, ValidateFunction>();
function validator(path: string): ValidateFunction {
  const found = compiled.get(path) ?? ajv.compile(draft04ForAjv(readJson(path)) as object);
  compiled.set(path, found);
  return found;
}

/** Runs the assertions a `.test` file lists against `data`: failures (with the assertion's message) and assertions upstream no longer has. */
function runTest(testPath: string, data: unknown): { failures: string[]; missing: string[] } {
  const failures: string[] = [];
  const missing: string[] = [];
  for (const path of readJson(testPath).assertions as string[]) {
    if (!existsSync(new URL(path, W3C))) {
      missing.push(path);
      continue;
    }
    const assertion = readJson(path);
    const valid = validator(path)(data) as boolean;
    if (valid !== ((assertion.expectedResult ?? 'valid') === 'valid')) failures.push(`${path}: ${String(assertion.errorMessage)} ${ajv.errorsText(validator(path).errors)}`);
  }
  return { failures, missing };
}

function definition(ref: string): ValidateFunction {
  const found = ajv.getSchema(ref);
  if (!found) throw new Error(`no schema ${ref}`);
  return found;
}

const exported = (patch = {}) => JSON.parse(webAnnotations(reportInput(), options(patch))) as Json;
const itemsOf = (collection: Json) => ((collection.first as Json | undefined)?.items ?? []) as Json[];

describe('W3C Web Annotation export against the W3C schemas', () => {
  const collection = exported();
  const items = itemsOf(collection);

  it('passes every MUST assertion of annotationMusts.test on every annotation (in the collection\'s @context, which JSON-LD items inherit)', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const standalone = { '@context': collection['@context'], ...item };
      expect(runTest('annotations/annotationMusts.test', standalone), String(item.id)).toEqual({ failures: [], missing: [] });
    }
  });

  it('passes the page MUST assertions of pageMusts.test on the collection with its embedded first page (one assertion is missing upstream)', () => {
    expect(runTest('collections/pages/pageMusts.test', collection)).toEqual({ failures: [], missing: ['collections/pages/5.2-pageContextValidated.json'] });
  });

  it('meets the collection definitions: @context, type, label, total, first and last', () => {
    expect(definition('collections.json#/definitions/contextValueInArrayFound')(collection['@context'])).toBe(true);
    expect(definition('collections.json#/definitions/annotationCollectionTypeValueFound')(collection)).toBe(true);
    for (const name of ['labelFound', 'totalFound', 'firstFound', 'lastFound', 'firstRequiredIfTotalMoreThanZero', 'totalMoreThanZero']) {
      expect(definition(`collections.json#/definitions/${name}`)(collection), name).toBe(true);
    }
    expect(definition('collections.json#/definitions/annotationPageTypeValueFound')(collection.first)).toBe(true);
    expect(definition('collections.json#/definitions/startIndexFound')(collection.first)).toBe(true);
  });

  it('gives recognised motivations and purposes, and selectors the specific-resource definitions detect', () => {
    for (const item of items) {
      expect(definition('annotations.json#/definitions/motivationRecognizedIfPresent')(item), String(item.id)).toBe(true);
      for (const body of (item.body ?? []) as Json[]) expect(definition('otherProperties.json#/definitions/purposeRecognizedIfPresent')(body), JSON.stringify(body)).toBe(true);
      if (typeof item.target === 'string') continue;
      const [quote, position] = (item.target as Json).selector as Json[];
      expect(definition('specificResource.json#/definitions/textQuoteSelectorDetected')(quote)).toBe(true);
      if (position) expect(definition('specificResource.json#/definitions/textPositionSelectorDetected')(position)).toBe(true);
    }
  });

  it('is caught by the schemas when broken (the checks are live)', () => {
    const broken = { ...items[0], type: 'Note' };
    expect(runTest('annotations/annotationMusts.test', broken).failures.length).toBeGreaterThan(0);
  });
});

describe('W3C Web Annotation export: content', () => {
  const collection = exported();
  const items = itemsOf(collection);
  const byId = (id: string) => items.find((item) => item.id === `urn:factmark:project:p1:annotation:${id}`)!;

  it('is an AnnotationCollection named after the project, with total equal to the items', () => {
    expect(collection).toMatchObject({ '@context': ['http://www.w3.org/ns/anno.jsonld', { factmark: 'https://factmark.org/ns#' }], id: 'urn:factmark:project:p1:annotations', type: 'AnnotationCollection', total: items.length });
    expect(collection.last).toBe((collection.first as Json).id);
  });

  it('counts positions in code points: the emoji and Arabic before a claim count one each', () => {
    const target = byId('a-unemployment').target as Json;
    const [quote, position] = target.selector as Json[];
    expect(target.source).toBe('https://news.example.org/speech');
    expect(quote).toEqual({ type: 'TextQuoteSelector', ...anchorOf(SPEECH_TEXT, 'unemployment fell by 40 percent 📉').quote });
    const start = [...SPEECH_TEXT.slice(0, SPEECH_TEXT.indexOf('unemployment'))].length;
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + [...'unemployment fell by 40 percent 📉'].length });
    expect(start).toBeLessThan(SPEECH_TEXT.indexOf('unemployment'));
    expect([...SPEECH_TEXT].slice(start, position!.end as number).join('')).toBe(quote!.exact);
  });

  it('assesses a claim: restatement, verdict label, conclusion and tag names, then one linking annotation per piece of evidence', () => {
    const claim = byId('a-unemployment');
    expect(claim.motivation).toBe('assessing');
    expect((claim.body as Json[]).map((b) => [b.purpose, b.value])).toEqual([
      ['describing', 'Unemployment fell by 40% since 2020.'],
      ['assessing', 'Mostly false'],
      ['commenting', 'It fell by 14%, not 40%.'],
      ['tagging', 'Economy'],
      ['tagging', 'سياسة'],
    ]);
    const evidence = byId('a-unemployment:evidence:e1');
    expect(evidence).toMatchObject({ motivation: 'linking', target: 'urn:factmark:project:p1:annotation:a-unemployment' });
    expect((evidence.body as Json[]).map((b) => [b.purpose, b.source ?? b.value])).toEqual([
      ['linking', 'https://stats.example.org/lfs'],
      ['classifying', 'refutes'],
      ['assessing', 'A1'],
      ['describing', 'Unemployment: 7.1% → 6.1%'],
    ]);
    expect((byId('a-reply').body as Json[])[0]).toMatchObject({ purpose: 'assessing', value: 'Unverifiable' });
    expect((byId('a-reply').target as Json).source).toBe('urn:factmark:project:p1:document:reply');
  });

  it('identifies source mentions and keeps a withheld source anonymous unless asked otherwise', () => {
    expect(byId('a-un')).toMatchObject({ motivation: 'identifying', body: [{ type: 'SpecificResource', purpose: 'identifying', source: 'urn:factmark:project:p1:source:s-secret' }, { purpose: 'tagging' }] });
    expect(webAnnotations(reportInput(), options())).not.toContain('private.example.org');
    expect(webAnnotations(reportInput(), options({ anonymiseWithheld: false }))).toContain('https://private.example.org/notes');
  });

  it('comments with notes only when notes are included, and filters claims by status and tag', () => {
    expect(byId('a-note')).toMatchObject({ motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown' }] });
    expect(itemsOf(exported({ includeNotes: false })).some((item) => item.motivation === 'commenting')).toBe(false);
    const done = itemsOf(exported({ statuses: ['done'] })).filter((item) => item.motivation === 'assessing').map((item) => item.id);
    expect(done).toEqual(['urn:factmark:project:p1:annotation:a-unemployment', 'urn:factmark:project:p1:annotation:a-reply']);
    const trade = itemsOf(exported({ tagIds: ['t-trade'] })).filter((item) => item.motivation === 'assessing').map((item) => item.id);
    expect(trade).toEqual(['urn:factmark:project:p1:annotation:a-exports']);
  });

  it('leaves out first and last when nothing is included', () => {
    const none = JSON.parse(webAnnotations({ ...reportInput(), documents: [] }, options())) as Json;
    expect(none).toMatchObject({ total: 0 });
    expect(none).not.toHaveProperty('first');
    expect(definition('collections.json#/definitions/firstRequiredIfTotalMoreThanZero')(none)).toBe(true);
  });

  it('gives the same bytes for the same project, pretty-printed with a trailing newline', () => {
    const text = webAnnotations(reportInput(), options());
    expect(webAnnotations(reportInput(), options())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
