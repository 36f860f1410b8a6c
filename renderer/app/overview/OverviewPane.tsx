/**
 * The project dashboard, shown in the reading area instead of the text: claims by status and by
 * verdict, the claims that need attention, and the sources by grade and by use. Every number opens
 * the list of what it counts, and each entry of that list opens its document at the claim.
 * The figures are read from main after the page's last edits are handed over.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RELIABILITY_LABELS } from '../../../shared/check/admiralty.js';
import type { ClaimListing, ProjectView, SourceUse } from '../../../shared/contract.js';
import { activeScale } from '../../../shared/model/queries.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { RatingScaleDialog } from '../scales/RatingScaleDialog.js';
import { GradeBadge } from '../sources/GradeBadge.js';
import { CountTable, type CountRow } from './CountTable.js';
import { overviewOf, type Figure, type Place } from './overview-model.js';
import { PlaceList } from './PlaceList.js';

export interface OverviewPaneProps {
  view: ProjectView;
  /** Hands edits still in the page to main, so the figures include them. */
  flushEdits: () => Promise<void>;
  onProjectView: (view: ProjectView) => void;
  /** Opens a place's document and selects its annotation. */
  onOpenPlace: (place: Place) => void;
}

/** "1 claim", "4 claims". */
const claimCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'claim' : 'claims'}`;
const sourceCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'source' : 'sources'}`;
const placeCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'use' : 'uses'}`;

export function OverviewPane({ view, flushEdits, onProjectView, onOpenPlace }: OverviewPaneProps) {
  const { project } = view;
  const [data, setData] = useState<{ listings: ClaimListing[]; usage: Record<string, SourceUse[]> } | null>(null);
  const [error, setError] = useState('');
  const [chosen, setChosen] = useState<{ title: string; places: Place[] } | null>(null);
  const [scaleDialog, setScaleDialog] = useState(false);
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      await flushEdits();
      const [listings, usage] = await Promise.all([api.listClaims(), api.sourceUsage()]);
      if (!current) return;
      if (!listings.ok) return setError(describeError(listings.error));
      if (!usage.ok) return setError(describeError(usage.error));
      setError('');
      setData({ listings: listings.value, usage: usage.value });
    })();
    return () => {
      current = false;
    };
    // Read again for each new project view (flushEdits is a new function on each render).
  }, [project]);

  // Back from a list, the keyboard returns to the number it came from.
  useEffect(() => {
    if (chosen || !returnTo.current) return;
    document.querySelector<HTMLElement>(`[data-figure="${returnTo.current}"] .count-button`)?.focus();
    returnTo.current = null;
  }, [chosen]);

  const scale = activeScale(project);
  const overview = data && overviewOf(data.listings, data.usage, project.sources, project);

  const rowsOf = (figures: Figure[], section: string, noun: (n: number) => string, title: (f: Figure) => string): CountRow[] =>
    figures.map((figure) => {
      const key = `${section}-${figure.key}`;
      return {
        key,
        label: figure.colour ? (
          <span class="level-label">
            <span class="tag-swatch" style={{ background: figure.colour }} aria-hidden="true" />
            {figure.label}
          </span>
        ) : (
          figure.label
        ),
        count: figure.places.length,
        name: `${noun(figure.places.length)}: ${figure.label}`,
        open: () => {
          returnTo.current = key;
          setChosen({ title: title(figure), places: figure.places });
        },
      };
    });
  const claimRows = (figures: Figure[], section: string, heading: string) => rowsOf(figures, section, claimCount, (f) => `${heading}: ${f.label} (${claimCount(f.places.length)})`);

  return (
    <section class="overview" aria-labelledby="overview-title">
      <header class="overview-head">
        <div>
          <h2 id="overview-title">Overview</h2>
          <p class="muted">
            {overview ? `${claimCount(overview.claims)} in ${overview.documents.toLocaleString()} of ${project.documents.length.toLocaleString()} documents · ${sourceCount(project.sources.length)} in the library` : 'Counting…'}
          </p>
        </div>
        <div class="overview-scale">
          <span class="muted">Rating scale: <strong>{scale ? scale.name : 'none chosen'}</strong></span>
          <button type="button" onClick={() => setScaleDialog(true)}>Rating scale…</button>
        </div>
      </header>
      {error && <p role="alert" class="form-error">{error}</p>}
      {chosen ? (
        <PlaceList title={chosen.title} places={chosen.places} project={project} onOpenPlace={onOpenPlace} onBack={() => setChosen(null)} />
      ) : (
        overview && (
          <div class="overview-grid">
            <CountTable caption="Needs attention" columns={['Claims', 'Count']} rows={claimRows(overview.attention, 'attention', 'Needs attention')} />
            <CountTable caption="Claims by status" columns={['Status', 'Claims']} rows={claimRows(overview.byStatus, 'status', 'Status')} />
            <CountTable caption={`Claims by verdict${scale ? ` (${scale.name})` : ''}`} columns={['Verdict', 'Claims']} rows={claimRows(overview.byVerdict, 'verdict', 'Verdict')} />
            <CountTable
              caption="Sources by reliability"
              columns={['Grade', 'Sources']}
              rows={rowsOf(overview.byGrade, 'grade', sourceCount, (f) => `Where the sources graded ${f.label} are used (${placeCount(f.places.length)})`).map((row, index) => {
                const figure = overview.byGrade[index]!;
                return {
                  ...row,
                  label: (
                    <span class="level-label">
                      <GradeBadge grade={figure.grade} /> {RELIABILITY_LABELS[figure.grade]}
                    </span>
                  ),
                  count: figure.sources.length,
                  name: `${sourceCount(figure.sources.length)} graded ${figure.grade}: show where they are used`,
                };
              })}
            />
            <CountTable
              caption="Sources by use"
              columns={['Source', 'Grade', 'Uses']}
              empty="The library has no sources yet."
              rows={rowsOf(overview.bySource, 'source', placeCount, (f) => `Where “${f.label}” is used (${placeCount(f.places.length)})`).map((row, index) => ({
                ...row,
                cells: [<GradeBadge key="grade" grade={overview.bySource[index]!.source.reliability} />],
              }))}
            />
          </div>
        )
      )}
      {scaleDialog && <RatingScaleDialog project={project} onProjectView={onProjectView} onClose={() => setScaleDialog(false)} />}
    </section>
  );
}
