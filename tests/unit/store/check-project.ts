/** A project for the claim and source tests: two documents with claims, evidence and a source mention, on real files. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { describeRange } from '../../../shared/anchoring/index.js';
import type { SourceDraft } from '../../../shared/contract.js';
import { SourceMention } from '../../../shared/model/index.js';
import { contentToText } from '../../../shared/text.js';
import { addClaims } from '../../../main/services/claims/add-claims.js';
import type { ClaimRow } from '../../../main/services/claims/claim-rows.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { countingIds, tempDir, testOptions } from './helpers.js';

const opened: ProjectStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});

/** Opens a store that is closed after the test. */
export async function openStore(path: string): Promise<ProjectStore> {
  const store = await ProjectStore.open(path, testOptions({ newId: countingIds('again') }));
  opened.push(store);
  return store;
}

/** A draft with only what the test sets. */
export function draft(fields: Partial<SourceDraft>): SourceDraft {
  return { type: 'webpage', title: 'Untitled', authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '', reliability: 'F', withhold: false, ...fields };
}

/** A claims-list row with only what the test sets. */
export function row(fields: Partial<ClaimRow> & { quote: string }): ClaimRow {
  return { row: 1, claimant: '', kind: '', status: '', verdict: '', conclusion: '', evidence: [], ...fields };
}

export const SPEECH = 'The minister said unemployment fell to 4% last year.\nShe added that exports doubled since 2020, according to a UN representative.';
export const INTERVIEW = 'In an interview the minister repeated that exports doubled.';

/**
 * "Speech" with claims C1 (evidence: the labour survey) and C2 (verdict Mostly true), and a source
 * mention of the UN statement; "Interview" with C3 citing the labour survey and the trade figures.
 */
export async function checkProject() {
  const store = await ProjectStore.create(join(await tempDir(), 'Check'), 'Check', testOptions());
  opened.push(store);
  const speech = await store.createDocument('Speech', SPEECH);
  const interview = await store.createDocument('Interview', INTERVIEW);
  const ids = countingIds('a');
  await addClaims(store, speech.id, [row({ quote: 'unemployment fell to 4% last year', evidence: ['https://stats.example/labour'] }), row({ quote: 'exports doubled since 2020', verdict: 'Mostly true' })], ids);
  await addClaims(store, interview.id, [row({ quote: 'exports doubled', evidence: ['https://www.stats.example/labour/?utm_source=x', 'https://trade.example/figures'] })], ids);
  const labour = store.project.sources.find((s) => s.url === 'https://stats.example/labour')!;
  const trade = store.project.sources.find((s) => s.url === 'https://trade.example/figures')!;
  const un = await store.createSource(draft({ type: 'official-statement', title: 'UN statement', url: 'https://un.example/statement' }));
  const document = await store.getDocument(speech.id);
  const text = contentToText(document.content);
  const at = text.indexOf('a UN representative');
  const mention = SourceMention.parse({ id: 'mention-1', kind: 'sourceMention', sourceId: un.id, anchor: describeRange(text, at, at + 19), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  store.updateDocumentContent(speech.id, document.content, [...document.annotations, mention], { reason: 'edit' });
  await store.saveNow();
  return { store, speech, interview, labour, trade, un };
}
