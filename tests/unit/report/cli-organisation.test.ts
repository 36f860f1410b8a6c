/** `factmark export --organisation NAME [--organisation-url URL]`: the ClaimReview's author is the organisation. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { runCapturing } from '../support/cli.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-organisation-'));
  const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
  await store.createDocument('Speech', 'The minister said unemployment fell by 40 percent.');
  await store.close();
  await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'unemployment fell by 40 percent', '--status', 'done', '--verdict', 'unverifiable');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCapturing(work, argv);
const author = async (file: string) => ((JSON.parse(await readFile(join(work, file), 'utf8')) as { '@graph': { author?: unknown; contributor?: unknown }[] })['@graph'][0]);

describe('factmark export --organisation', () => {
  it('names the organisation, with its web address, as the author of each ClaimReview', async () => {
    const result = await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'reviews.jsonld', '--analyst', 'Sara', '--organisation', 'Fact Desk', '--organisation-url', 'https://factdesk.example.org/');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await author('reviews.jsonld')).toMatchObject({ author: { '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example.org/' }, contributor: { '@type': 'Person', name: 'Sara' } });
    expect((await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'plain.jsonld', '--analyst', 'Sara')).code).toBe(0);
    expect(await author('plain.jsonld')).toMatchObject({ author: { '@type': 'Person', name: 'Sara' } });
  });

  it('refuses an address that is not a web address, or an address without a name', async () => {
    const bad = await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'x.jsonld', '--organisation', 'Fact Desk', '--organisation-url', 'ftp://x');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--organisation-url');
    const nameless = await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'x.jsonld', '--organisation-url', 'https://factdesk.example.org/');
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('--organisation-url needs --organisation NAME');
  });
});
