/**
 * The project's rating scales: which one verdicts are given on, each scale's levels at a glance,
 * and the ways to edit, create and delete scales. Main refuses to delete a scale a verdict uses
 * (IN_USE, saying where); that message is shown as it comes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectView } from '../../../shared/contract.js';
import type { StoredProject } from '../../../shared/model/project.js';
import type { RatingScale } from '../../../shared/model/rating-scale.js';
import type { Result } from '../../../shared/result.js';
import { api } from '../../api/client.js';
import { Dialog } from '../Dialog.js';
import { describeError } from '../errors.js';
import { ScaleEditor } from './ScaleEditor.js';

export interface RatingScaleDialogProps {
  project: StoredProject;
  onProjectView: (view: ProjectView) => void;
  onClose: () => void;
}

export function RatingScaleDialog({ project, onProjectView, onClose }: RatingScaleDialogProps) {
  const [editing, setEditing] = useState<{ scale?: RatingScale } | null>(null);
  const [error, setError] = useState('');
  /** The scale whose Delete was pressed once: its row asks again before anything is deleted. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const { ratingScales: scales, activeRatingScaleId: activeId } = project;

  /** Hands a successful change on; returns the error to show otherwise. */
  const apply = (result: Result<ProjectView>): string | void => {
    if (!result.ok) return describeError(result.error);
    setError('');
    onProjectView(result.value);
  };
  const run = async (call: Promise<Result<ProjectView>>) => setError((apply(await call)) ?? '');

  if (editing) {
    return (
      <Dialog key="editor" title={editing.scale ? `Edit scale “${editing.scale.name}”` : 'New rating scale'} onClose={() => setEditing(null)}>
        <ScaleEditor
          scale={editing.scale}
          onSave={async (scale) => {
            const problem = apply(await api.saveRatingScale(scale));
            if (!problem) setEditing(null);
            return problem;
          }}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
    );
  }

  return (
    <Dialog key="list" title="Rating scale" description="The verdicts of this project are given on the scale in use. Unverifiable, Outdated and Retracted are offered on every scale." onClose={onClose}>
      <ul class="scale-list" aria-label="Rating scales">
        {scales.map((scale) => {
          const active = scale.id === activeId;
          return (
            <li key={scale.id} class={active ? 'active' : undefined} aria-current={active ? 'true' : undefined}>
              <div class="scale-summary">
                <span class="scale-name">
                  <strong dir="auto">{scale.name}</strong>
                  {active && <span class="in-use-flag">In use</span>}
                </span>
                {scale.conclusionOnly ? (
                  <span class="muted small">Conclusion only: no levels</span>
                ) : (
                  <ol class="scale-levels" aria-label={`Levels of ${scale.name}`}>
                    {scale.levels.map((level) => (
                      <li key={level.id} title={level.description || undefined}>
                        <span class="tag-swatch" style={{ background: level.colour }} aria-hidden="true" />
                        <span dir="auto">{level.label}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              {confirming === scale.id ? (
                <ConfirmDelete name={scale.name} onDelete={() => void run(api.deleteRatingScale(scale.id)).then(() => setConfirming(null))} onKeep={() => setConfirming(null)} />
              ) : (
                <div class="scale-tools">
                  {!active && (
                    <button type="button" class="primary" aria-label={`Use ${scale.name}`} onClick={() => void run(api.setActiveRatingScale(scale.id))}>Use</button>
                  )}
                  <button type="button" aria-label={`Edit ${scale.name}`} onClick={() => setEditing({ scale })}>Edit</button>
                  <button type="button" class="danger" aria-label={`Delete ${scale.name}`} onClick={() => setConfirming(scale.id)}>Delete</button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {scales.length === 0 && <p class="muted">No scales yet: create one.</p>}
      {error && <p role="alert" class="form-error">{error}</p>}
      <div class="dialog-buttons">
        <button type="button" class="with-icon" onClick={() => setEditing({})}>New scale…</button>
        <span class="spacer" />
        <button type="button" onClick={onClose} autoFocus>Close</button>
      </div>
    </Dialog>
  );
}

/** The second question of a scale's Delete, in its row; the keyboard moves to its first answer. */
function ConfirmDelete({ name, onDelete, onKeep }: { name: string; onDelete: () => void; onKeep: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="scale-tools" role="group" aria-label={`Delete ${name}?`}>
      <span class="small">Delete “{name}”?</span>
      <button type="button" class="danger" ref={first} onClick={onDelete}>Delete scale</button>
      <button type="button" onClick={onKeep}>Keep</button>
    </div>
  );
}
