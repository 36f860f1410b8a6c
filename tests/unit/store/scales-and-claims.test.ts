/**
 * Rating scales, the claims list, spans placed again in a changed text, and the store's last guard
 * on claims, through the store on real files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/anchoring/index.js';
import { type RatingScale, StoredProject } from '../../../shared/model/index.js';
import { textToContent } from '../../../shared/text.js';
import { addClaims } from '../../../main/services/claims/add-claims.js';
import { checkProject, openStore, row, SPEECH } from './check-project.js';
import { expectCode } from './helpers.js';

const CHECKS: RatingScale = {
  id: 'desk',
  name: 'Desk scale',
  conclusionOnly: false,
  levels: [
    { id: 'desk-correct', label: 'Correct', description: 'Checks out.', colour: '#2E8540', value: 2 },
    { id: 'desk-wrong', label: 'Wrong', description: 'Does not.', colour: '#d23f3f', value: 1 },
  ],
};

describe('rating scales', () => {
  it('adds a scale (colours in lower case), replaces it by id, and makes it active', async () => {
    const { store } = await checkProject();
    await store.saveRatingScale(CHECKS);
    expect(store.project.ratingScales.at(-1)).toEqual({ ...CHECKS, levels: CHECKS.levels.map((l) => ({ ...l, colour: l.colour.toLowerCase() })) });
    await store.saveRatingScale({ ...CHECKS, name: 'Desk', levels: [...CHECKS.levels, { id: 'desk-unclear', label: 'Unclear', description: '', colour: '#b38600', value: null }] });
    expect(store.project.ratingScales.filter((s) => s.id === 'desk')).toHaveLength(1);
    expect(store.project.ratingScales.at(-1)!.levels).toHaveLength(3);
    await store.setActiveRatingScale('desk');
    const onDisk = StoredProject.parse(JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')));
    expect(onDisk.activeRatingScaleId).toBe('desk');
    await expectCode(store.setActiveRatingScale('gone'), 'NOT_FOUND');
  });

  it.each<[string, RatingScale, RegExp]>([
    ['two levels with one label', { ...CHECKS, levels: [CHECKS.levels[0]!, { ...CHECKS.levels[1]!, label: ' correct ' }] }, /two levels labelled “correct”/],
    ['a level id twice', { ...CHECKS, levels: [CHECKS.levels[0]!, { ...CHECKS.levels[1]!, id: 'desk-correct' }] }, /lists the level desk-correct twice/],
    ['a level id of another scale', { ...CHECKS, levels: [{ ...CHECKS.levels[0]!, id: 'truth-true' }] }, /has the id of a level of “Truth scale”/],
    ['levels on a conclusion-only scale', { ...CHECKS, conclusionOnly: true }, /is a conclusion-only scale, so it has no levels/],
    ['no levels on a scale with levels', { ...CHECKS, levels: [] }, /needs at least one level/],
    ['a colour that is not #rrggbb', { ...CHECKS, levels: [{ ...CHECKS.levels[0]!, colour: 'green' }] }, /The colour of “Correct” is not one Factmark understands/],
    ['more than 100 levels', { ...CHECKS, levels: Array.from({ length: 101 }, (_, i) => ({ ...CHECKS.levels[0]!, id: `l${i}`, label: `L${i}` })) }, /has 101 levels; a scale has at most 100/],
    ['the name of another scale', { ...CHECKS, name: 'truth SCALE' }, /A rating scale named “Truth scale” already exists/],
  ])('refuses %s', async (_label, scale, message) => {
    const { store } = await checkProject();
    const error = await expectCode(store.saveRatingScale(scale), scale.name === 'truth SCALE' ? 'ALREADY_EXISTS' : 'INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('refuses to delete a scale whose level is a verdict, or to drop that level (IN_USE, saying where)', async () => {
    const { store } = await checkProject();
    const truth = store.project.ratingScales.find((s) => s.id === 'truth')!;
    const deleting = await expectCode(store.deleteRatingScale('truth'), 'IN_USE');
    expect(deleting.message).toBe('The rating scale “Truth scale” was not deleted: its levels are the verdicts of claims in “Speech” (C2). Change those verdicts first.');
    const dropping = await expectCode(store.saveRatingScale({ ...truth, levels: truth.levels.filter((l) => l.label !== 'Mostly true') }), 'IN_USE');
    expect(dropping.message).toMatch(/a level it drops is the verdict of claims in “Speech” \(C2\)/);
    await store.saveRatingScale({ ...truth, levels: truth.levels.filter((l) => l.label !== 'Pants on fire') });
  });

  it('deletes an unused scale (the active one hands over to the first left), but never the last', async () => {
    const { store } = await checkProject();
    await store.setActiveRatingScale('afp-meta');
    await store.deleteRatingScale('afp-meta');
    expect(store.project.activeRatingScaleId).toBe('truth');
    await store.deleteRatingScale('conclusion-only');
    const last = await expectCode(store.deleteRatingScale('truth'), 'INVALID_ARGUMENT');
    expect(last.message).toBe('“Truth scale” is the project\'s only rating scale, so it cannot be deleted. Add another scale first.');
  });
});

describe('listing claims', () => {
  it('lists every claim, document by document in text order, from documents loaded or not', async () => {
    const { store, speech, interview } = await checkProject();
    const path = store.path;
    await store.close();
    const reopened = await openStore(path);
    const claims = await reopened.listClaims();
    expect(claims.map((c) => [c.documentId, c.documentTitle, c.claim.shortId, c.claim.anchor.quote.exact])).toEqual([
      [speech.id, 'Speech', 'C1', 'unemployment fell to 4% last year'],
      [speech.id, 'Speech', 'C2', 'exports doubled since 2020'],
      [interview.id, 'Interview', 'C3', 'exports doubled'],
    ]);
    expect(claims[1]!.claim.verdict.levelId).toBe('truth-mostly-true');
  });
});

describe('placing a span of another document', () => {
  it('finds the words again after the document changed outside Factmark, or says they are gone', async () => {
    const { store, speech } = await checkProject();
    const at = SPEECH.indexOf('exports doubled since 2020');
    const anchor = describeRange(SPEECH, at, at + 26);
    expect(await store.placeSpan(speech.id, anchor)).toEqual({ documentId: speech.id, documentTitle: 'Speech', anchor, text: 'exports doubled since 2020' });
    const path = store.path;
    await store.close();

    const file = join(path, 'documents', `${speech.id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    const edited = `Update, 4 June: figures revised.\n${SPEECH}`;
    await writeFile(file, JSON.stringify({ ...stored, content: textToContent(edited), annotations: [] }));
    const reopened = await openStore(path);
    const placed = await reopened.placeSpan(speech.id, anchor);
    expect(placed.text).toBe('exports doubled since 2020');
    expect(placed.anchor.position).toEqual({ start: at + 33, end: at + 33 + 26 });

    const gone = textToContent('The minister spoke about the weather.');
    reopened.updateDocumentContent(speech.id, gone, [], { reason: 'edit' });
    expect(await reopened.placeSpan(speech.id, anchor)).toEqual({ documentId: speech.id, documentTitle: 'Speech', anchor, text: null });
    await expectCode(reopened.placeSpan('nope', anchor), 'NOT_FOUND');
  });
});

describe('the last guard on claims', () => {
  it('refuses a changed claim that breaks a claim rule, naming it, and saves nothing', async () => {
    const { store, speech } = await checkProject();
    const document = await store.getDocument(speech.id);
    const broken = document.annotations.map((a) => (a.kind === 'claim' && a.shortId === 'C1' ? { ...a, status: 'done' as const } : a));
    const error = await expectCode(() => store.updateDocumentContent(speech.id, document.content, broken, { reason: 'edit' }), 'INVALID_ARGUMENT');
    expect(error.message).toBe('Claim C1: A claim marked done needs a verdict: a level, a special outcome or a written conclusion. (The changes to “Speech” were not saved.)');
    expect(await store.getDocument(speech.id)).toBe(document);
  });

  it('leaves a claim judged on an earlier scale alone until its verdict changes', async () => {
    const { store, speech } = await checkProject();
    await store.setActiveRatingScale('afp-meta');
    const document = await store.getDocument(speech.id);
    store.updateDocumentContent(speech.id, document.content, document.annotations.map((a) => (a.kind === 'claim' ? { ...a, restatement: 'Restated.' } : a)), { reason: 'edit' });
    const kept = (await store.getDocument(speech.id)).annotations;
    const concluded = kept.map((a) => (a.kind === 'claim' && a.shortId === 'C2' ? { ...a, verdict: { ...a.verdict, conclusion: 'Grew 40%.' } } : a));
    const error = await expectCode(() => store.updateDocumentContent(speech.id, document.content, concluded, { reason: 'edit' }), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(/^Claim C2: This verdict is not a level of the active scale “AFP\/Meta labels”/);
  });

  it('numbers claims added from text after the highest number ever issued', async () => {
    const { store, speech } = await checkProject();
    const outcomes = await addClaims(store, speech.id, [row({ quote: 'The minister said' })]);
    expect(outcomes).toMatchObject([{ added: true, shortId: 'C4', placed: 'exact' }]);
    expect(store.project.lastClaimNumber).toBe(4);
  });
});
