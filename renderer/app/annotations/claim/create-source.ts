/**
 * Adds a source to the project's library from the claim card: main validates and stores it, the
 * workbench is shown the project with it, and the caller gets the new source (or the reason not).
 */
import type { ProjectView, SourceDraft } from '../../../../shared/contract.js';
import type { Source } from '../../../../shared/model/source.js';
import { api } from '../../../api/client.js';
import { describeError } from '../../errors.js';

export async function createSource(draft: SourceDraft, onProjectView: (view: ProjectView) => void): Promise<{ source: Source } | { problem: string }> {
  const result = await api.createSource(draft);
  if (!result.ok) return { problem: describeError(result.error) };
  onProjectView(result.value.view);
  return { source: result.value.source };
}
