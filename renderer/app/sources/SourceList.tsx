/**
 * The library's sources as a list: each with its reliability grade (a letter badge whose meaning
 * is in words, never colour alone), title, type, outlet, site, how often it is used, and whether
 * its identity is withheld; with its Edit, Merge and Delete buttons.
 */
import type { SourceUse } from '../../../shared/contract.js';
import type { Source } from '../../../shared/model/source.js';
import { PencilIcon, TrashIcon } from '../icons.js';
import { MergeIcon } from '../codebook/MergeIcon.js';
import { GradeBadge } from './GradeBadge.js';
import { authorLine, SOURCE_TYPE_LABELS, urlHost, useCountLabel } from './source-labels.js';

/** What a source's row can ask of the panel. */
export interface SourceActions {
  edit: (source: Source) => void;
  merge: (source: Source) => void;
  remove: (source: Source) => void;
}

export interface SourceListProps {
  sources: readonly Source[];
  usage: Record<string, SourceUse[]> | null;
  canMerge: boolean;
  actions: SourceActions;
}

export function SourceList({ sources, usage, canMerge, actions }: SourceListProps) {
  return (
    <ul class="source-list" aria-label="Sources of the library">
      {sources.map((source) => {
        const uses = usage?.[source.id]?.length;
        const details = [SOURCE_TYPE_LABELS[source.type], source.publisher, urlHost(source.url)].filter(Boolean);
        const authors = authorLine(source);
        return (
          <li key={source.id} class="source-row">
            <GradeBadge grade={source.reliability} />
            <div class="source-main">
              <span class="source-title" dir="auto">{source.title}</span>
              <span class="source-details" dir="auto">{details.join(' · ')}</span>
              {authors && <span class="source-details authors" dir="auto" title={authors}>{authors}</span>}
              <span class="source-flags">
                <span class={uses ? 'source-uses' : 'source-uses unused'} title={usage?.[source.id]?.map((u) => `${u.documentTitle}: ${u.label}`).join('\n') || undefined}>
                  {uses === undefined ? 'Not counted' : useCountLabel(uses)}
                </span>
                {source.withhold && (
                  <span class="withheld-flag" title="Identity withheld in published reports">
                    Withheld
                  </span>
                )}
              </span>
            </div>
            <span class="source-tools">
              <button class="icon-button" aria-label={`Edit source ${source.title}`} title="Edit" onClick={() => actions.edit(source)}>
                <PencilIcon />
              </button>
              <button class="icon-button" aria-label={`Merge ${source.title} into…`} title="Merge into another source…" disabled={!canMerge} onClick={() => actions.merge(source)}>
                <MergeIcon />
              </button>
              <button class="icon-button" aria-label={`Delete source ${source.title}`} title="Delete" onClick={() => actions.remove(source)}>
                <TrashIcon />
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
