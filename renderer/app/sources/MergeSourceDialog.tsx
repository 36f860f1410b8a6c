/** The dialog that merges a duplicate source into another, saying what will happen before it does. */
import type { Source } from '../../../shared/model/source.js';
import { MergeDialog } from '../MergeDialog.js';
import { useCountLabel } from './source-labels.js';

export interface MergeSourceDialogProps {
  sources: readonly Source[];
  source: Source;
  /** The source to offer first (a duplicate's twin); the first other source otherwise. */
  suggestedIntoId?: string;
  /** How many places use `source`, when known. */
  uses: number | undefined;
  /** Merges `source` into the chosen one; a returned string is an error to show. */
  onSubmit: (intoId: string) => Promise<string | void>;
  onClose: () => void;
}

export function MergeSourceDialog({ sources, source, suggestedIntoId, uses, onSubmit, onClose }: MergeSourceDialogProps) {
  const targets = sources.filter((s) => s.id !== source.id);
  return (
    <MergeDialog
      title={`Merge “${source.title}” into another source`}
      description={uses === undefined ? undefined : `${useCountLabel(uses)}.`}
      selectId="merge-source-into"
      targets={targets.map((s) => ({ id: s.id, label: s.publisher ? `${s.title} — ${s.publisher}` : s.title }))}
      initialId={suggestedIntoId}
      outcome={(intoId) => {
        const into = targets.find((s) => s.id === intoId)!;
        return `Evidence and source mentions that use “${source.title}” will use “${into.title}” instead, and “${source.title}” leaves the library. “${into.title}” keeps its own details and takes from “${source.title}” only those it lacks.`;
      }}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
