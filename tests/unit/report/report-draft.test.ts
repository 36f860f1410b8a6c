/**
 * The export dialog's draft: the publishing organisation goes into the request when named, a bad
 * address stops the export, and the report's address (the project's to start with) goes into the
 * options, its absence flagged for ClaimReview.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberOrganisation } from '../../../renderer/app/report/organisation-memory.js';
import { claimReviewLacksAddress, draftProblem, initialDraft, reportRequest } from '../../../renderer/app/report/report-draft.js';

describe('report draft: publishing organisation', () => {
  it('sends the organisation, trimmed, only when it is named', () => {
    const draft = { ...initialDraft(), analyst: 'Sara' };
    expect(reportRequest(draft).organisation).toBeUndefined();
    expect(reportRequest({ ...draft, organisation: ' Fact Desk ', organisationUrl: ' https://factdesk.example.org/ ' }, 'claimreview')).toMatchObject({
      format: 'claimreview',
      organisation: { name: 'Fact Desk', url: 'https://factdesk.example.org/' },
    });
    expect(reportRequest({ ...draft, organisation: 'Fact Desk' }).organisation).toEqual({ name: 'Fact Desk', url: '' });
  });

  it('says what is wrong with an address that is not a web address, or an address without a name', () => {
    const draft = initialDraft();
    expect(draftProblem({ ...draft, organisation: 'Fact Desk', organisationUrl: 'https://factdesk.example.org/' })).toBeNull();
    expect(draftProblem({ ...draft, organisation: 'Fact Desk', organisationUrl: 'factdesk' })).toMatch(/^Organisation's web address: /);
    expect(draftProblem({ ...draft, organisationUrl: 'https://factdesk.example.org/' })).toBe('Name the organisation whose web address is given.');
  });
});

describe('report draft: layout and the report address', () => {
  it('opens verdict first at the project\'s address, and sends the address with the options', () => {
    const draft = initialDraft('https://factdesk.example.org/checks/election');
    expect(draft.options.layout).toBe('verdict-first');
    expect(reportRequest({ ...draft, reportUrl: ' https://factdesk.example.org/checks/x ' }, 'claimreview').options.reportUrl).toBe('https://factdesk.example.org/checks/x');
  });

  it('refuses an address that is no web address, and says ClaimReview lacks one only when it is chosen without one', () => {
    expect(draftProblem({ ...initialDraft(), reportUrl: 'factdesk/checks' })).toMatch(/^The report's web address: /);
    expect(claimReviewLacksAddress({ ...initialDraft(), format: 'claimreview' })).toBe(true);
    expect(claimReviewLacksAddress({ ...initialDraft('https://factdesk.example.org/'), format: 'claimreview' })).toBe(false);
    expect(claimReviewLacksAddress(initialDraft())).toBe(false);
  });
});

describe('report draft: the organisation is remembered on this machine', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page's local storage, in memory. */
  function stubStorage(): Map<string, string> {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
    return items;
  }

  it('opens the next export with the organisation the last one named, and forgets it when cleared', () => {
    const items = stubStorage();
    expect(initialDraft()).toMatchObject({ organisation: '', organisationUrl: '' });
    rememberOrganisation(' Fact Desk ', ' https://factdesk.example.org/ ');
    expect(initialDraft()).toMatchObject({ organisation: 'Fact Desk', organisationUrl: 'https://factdesk.example.org/' });
    rememberOrganisation('  ', 'https://factdesk.example.org/');
    expect(initialDraft()).toMatchObject({ organisation: '', organisationUrl: '' });
    items.set('factmark.organisation', '{not json');
    expect(initialDraft()).toMatchObject({ organisation: '', organisationUrl: '' });
  });
});
