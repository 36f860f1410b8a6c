/** The export dialog's draft: the publishing organisation goes into the request when named, and a bad address stops the export. */
import { describe, expect, it } from 'vitest';
import { draftProblem, initialDraft, reportRequest } from '../../../renderer/app/report/report-draft.js';

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
