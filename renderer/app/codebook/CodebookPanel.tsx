/**
 * The project's codebook: its tags as a tree, each with its colour, name, description (as a
 * tooltip) and how many annotations carry it, and the ways to add, edit, merge and delete tags.
 * Every change goes through the contract; the new project view is handed back to the workbench,
 * and a delete or merge is also reported so the open editor can update its own copy of the tags.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TagRemap } from '../../../shared/codebook/remap.js';
import { tagTree, type TagNode } from '../../../shared/codebook/tree.js';
import type { ProjectView } from '../../../shared/contract.js';
import type { StoredProject } from '../../../shared/model/project.js';
import type { Tag } from '../../../shared/model/tag.js';
import type { Result } from '../../../shared/result.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { PencilIcon, PlusIcon, TrashIcon } from '../icons.js';
import { DeleteTagDialog } from './DeleteTagDialog.js';
import { MergeIcon } from './MergeIcon.js';
import { MergeTagDialog } from './MergeTagDialog.js';
import { TagDialog } from './TagDialog.js';
import { annotationCount } from './usage-label.js';

export interface CodebookPanelProps {
  project: StoredProject;
  /** Receives the project as main has it after a change. */
  onProjectView: (view: ProjectView) => void;
  /** Receives the tags a delete (`id → null`) or merge (`from → into`) changed. */
  onTagsRemapped: (remap: Record<string, string | null>) => void;
  /** Hands edits still in the page to main, so usage counts include the last tag applied. */
  flushEdits: () => Promise<void>;
}

/** The dialog the panel has open, if any. */
type PanelDialog = { kind: 'create' } | { kind: 'edit'; tag: Tag } | { kind: 'merge'; tag: Tag } | { kind: 'delete'; tag: Tag } | null;

export function CodebookPanel({ project, onProjectView, onTagsRemapped, flushEdits }: CodebookPanelProps) {
  const [usage, setUsage] = useState<Record<string, number> | null>(null);
  const [dialog, setDialog] = useState<PanelDialog>(null);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const { tags } = project;

  // Counts change with the project (tags, and annotations saved from the editor): count again on each new view.
  useEffect(() => {
    let current = true;
    void api.tagUsage().then((result) => {
      if (!current) return;
      setUsage(result.ok ? result.value : null);
      setMessage(result.ok ? '' : describeError(result.error));
    });
    return () => {
      current = false;
    };
  }, [project]);

  /** Hands a successful change on and closes the dialog; returns the error to show otherwise. */
  const apply = (result: Result<ProjectView>, remap?: TagRemap): string | void => {
    if (!result.ok) return describeError(result.error);
    setDialog(null);
    onProjectView(result.value);
    if (remap) {
      onTagsRemapped({ ...remap });
      // The row that held the focus is gone: bring the keyboard back to the panel.
      requestAnimationFrame(() => heading.current?.focus());
    }
  };

  const remove = async (tag: Tag): Promise<string | void> => apply(await api.deleteTag(tag.id), { [tag.id]: null });

  const askToDelete = async (tag: Tag) => {
    // Count again with the page's latest edits: a tag applied a moment ago is in use.
    await flushEdits();
    const fresh = await api.tagUsage();
    const counts = fresh.ok ? fresh.value : null;
    setUsage(counts);
    if (counts?.[tag.id] !== 0) return setDialog({ kind: 'delete', tag });
    setMessage((await remove(tag)) ?? '');
  };

  const actions: TagActions = {
    edit: (tag) => setDialog({ kind: 'edit', tag }),
    merge: (tag) => setDialog({ kind: 'merge', tag }),
    remove: (tag) => void askToDelete(tag),
  };

  return (
    <section class="codebook-panel" aria-labelledby="codebook-title">
      <div class="section-head">
        <h2 id="codebook-title" ref={heading} tabIndex={-1}>
          Codebook <span class="count">{tags.length}</span>
        </h2>
        <button class="with-icon" onClick={() => setDialog({ kind: 'create' })}>
          <PlusIcon /> New tag
        </button>
      </div>
      {message && <p role="alert" class="form-error codebook-message">{message}</p>}
      {tags.length === 0 ? (
        <p class="muted">No tags yet. Tags label claims and notes across documents, for example “Economy” or “Missing context”.</p>
      ) : (
        <TagBranch nodes={tagTree(tags)} usage={usage} canMerge={tags.length > 1} actions={actions} />
      )}
      {dialog?.kind === 'create' && (
        <TagDialog tags={tags} onSubmit={async (values) => apply(await api.createTag(values))} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <TagDialog tags={tags} tag={dialog.tag} onSubmit={async (values) => apply(await api.updateTag(dialog.tag.id, changedFields(dialog.tag, values)))} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'merge' && (
        <MergeTagDialog
          tags={tags}
          tag={dialog.tag}
          usage={usage?.[dialog.tag.id]}
          onSubmit={async (intoId) => apply(await api.mergeTags(dialog.tag.id, intoId), { [dialog.tag.id]: intoId })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteTagDialog tags={tags} tag={dialog.tag} usage={usage?.[dialog.tag.id]} onConfirm={() => remove(dialog.tag)} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

/** What a tag's row can ask of the panel. */
interface TagActions {
  edit: (tag: Tag) => void;
  merge: (tag: Tag) => void;
  remove: (tag: Tag) => void;
}

/** One level of the tree as a list; nested lists tell screen readers the depth. */
function TagBranch({ nodes, usage, canMerge, actions }: { nodes: TagNode[]; usage: Record<string, number> | null; canMerge: boolean; actions: TagActions }) {
  return (
    <ul class="tag-tree">
      {nodes.map(({ tag, children }) => {
        const count = usage?.[tag.id];
        const descriptionId = `tag-description-${tag.id}`;
        return (
          <li key={tag.id}>
            <div class="tag-row">
              <span class="tag-swatch" style={{ background: tag.colour }} aria-hidden="true" />
              <span class="tag-name" dir="auto" title={tag.description || undefined}>{tag.name}</span>
              {tag.description && <span id={descriptionId} hidden>{tag.description}</span>}
              <span class="count" title={count === undefined ? 'Not counted' : `Carried by ${annotationCount(count)}`}>
                <span aria-hidden="true">{count ?? '–'}</span>
                <span class="visually-hidden">{count === undefined ? 'not counted' : annotationCount(count)}</span>
              </span>
              <span class="tag-tools">
                <button class="icon-button" aria-label={`Edit tag ${tag.name}`} aria-describedby={tag.description ? descriptionId : undefined} title="Edit" onClick={() => actions.edit(tag)}>
                  <PencilIcon />
                </button>
                <button class="icon-button" aria-label={`Merge ${tag.name} into…`} title="Merge into another tag…" disabled={!canMerge} onClick={() => actions.merge(tag)}>
                  <MergeIcon />
                </button>
                <button class="icon-button" aria-label={`Delete tag ${tag.name}`} title="Delete" onClick={() => actions.remove(tag)}>
                  <TrashIcon />
                </button>
              </span>
            </div>
            {children.length > 0 && <TagBranch nodes={children} usage={usage} canMerge={canMerge} actions={actions} />}
          </li>
        );
      })}
    </ul>
  );
}

/** The fields of the edit dialog that differ from the tag as it is. */
function changedFields(tag: Tag, values: { name: string; colour?: string; description?: string; parentId?: string | null }) {
  return {
    ...(values.name !== tag.name && { name: values.name }),
    ...(values.colour !== tag.colour && { colour: values.colour }),
    ...(values.description !== tag.description && { description: values.description }),
    ...(values.parentId !== tag.parentId && { parentId: values.parentId ?? null }),
  };
}
