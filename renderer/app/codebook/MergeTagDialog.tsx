/** The dialog that merges one tag into another, saying what will happen before it does. */
import { tagRows } from '../../../shared/codebook/tree.js';
import type { Tag } from '../../../shared/model/tag.js';
import { MergeDialog } from '../MergeDialog.js';
import { carryingSentence } from './usage-label.js';

export interface MergeTagDialogProps {
  tags: readonly Tag[];
  tag: Tag;
  /** How many annotations carry `tag`, when known. */
  usage: number | undefined;
  /** Merges `tag` into the chosen tag; a returned string is an error to show. */
  onSubmit: (intoId: string) => Promise<string | void>;
  onClose: () => void;
}

export function MergeTagDialog({ tags, tag, usage, onSubmit, onClose }: MergeTagDialogProps) {
  const hasChildren = tags.some((t) => t.parentId === tag.id);
  return (
    <MergeDialog
      title={`Merge “${tag.name}” into another tag`}
      description={carryingSentence(usage, `“${tag.name}”`)}
      selectId="merge-into"
      // Indented by depth with em spaces, so the tree shows inside the list.
      targets={tagRows(tags)
        .filter((row) => row.tag.id !== tag.id)
        .map(({ tag: option, depth }) => ({ id: option.id, label: `${'\u2003'.repeat(depth)}${option.name}` }))}
      outcome={(intoId) => {
        const into = tags.find((t) => t.id === intoId)!;
        return `Annotations tagged “${tag.name}” will carry “${into.name}” instead (once, where they already carry both)${hasChildren ? `, the tags under “${tag.name}” move under “${into.name}”,` : ''} and “${tag.name}” is deleted.`;
      }}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
