/** The claims' use cases and handlers (main/services/claims/claims.ts) against a project on disk. */
import { describe, expect, it } from 'vitest';
import { addClaimsToNamed, claimHandlers, listClaims } from '../../../main/services/claims/claims.js';
import { checkProject, row } from './check-project.js';
import { expectCode } from './helpers.js';
import { savedFiles } from './use-case-support.js';

describe('claim use cases', () => {
  it('lists every claim, document by document in text order', async () => {
    const { store } = await checkProject();
    expect((await listClaims(store)).map((l) => [l.documentTitle, l.claim.shortId])).toEqual([['Speech', 'C1'], ['Speech', 'C2'], ['Interview', 'C3']]);
    expect(await claimHandlers(() => store).listClaims()).toEqual(await listClaims(store));
  });

  it('adds claims to a document named by its title, and the file holds them with the counter raised', async () => {
    const { store, interview } = await checkProject();
    const added = await addClaimsToNamed(store, 'interview', [row({ quote: 'the minister repeated' }), row({ quote: 'not in the text at all' })]);
    expect(added).toMatchObject({ documentId: interview.id, documentTitle: 'Interview' });
    expect(added.outcomes.map((o) => o.added)).toEqual([true, false]);
    const { project, documents } = await savedFiles(store, interview.id);
    expect(project.lastClaimNumber).toBe(4);
    expect(documents[0]!.annotations.filter((a) => a.kind === 'claim').map((a) => (a.kind === 'claim' ? a.shortId : ''))).toEqual(['C3', 'C4']);
    await expectCode(addClaimsToNamed(store, 'No such document', []), 'NOT_FOUND');
  });
});
