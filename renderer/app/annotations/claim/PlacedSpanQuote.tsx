/**
 * The words of another document that a piece of evidence points at, placed again in that
 * document's current text (api.placeSpan), so an edited document still shows the right words —
 * and says so plainly when they are gone (an orphaned span) instead of showing stale ones as current.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PlacedSpan } from '../../../../shared/contract.js';
import type { Anchor } from '../../../../shared/model/selectors.js';
import { api } from '../../../api/client.js';

export function PlacedSpanQuote({ documentId, anchor, fallbackTitle }: { documentId: string; anchor: Anchor; fallbackTitle: string }) {
  const [placed, setPlaced] = useState<PlacedSpan | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let live = true;
    void api.placeSpan(documentId, anchor).then((result) => {
      if (!live) return;
      if (result.ok) setPlaced(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      live = false;
    };
    // The anchor's content, not its identity: the claim table is rebuilt as the text changes.
  }, [documentId, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, anchor.position.start, anchor.position.end]);

  const title = placed?.documentTitle ?? fallbackTitle;
  if (problem) {
    return (
      <p class="evidence-span orphaned">
        In “{title}”: <q dir="auto">{anchor.quote.exact}</q> — could not be looked up ({problem}).
      </p>
    );
  }
  if (placed && placed.text === null) {
    return (
      <p class="evidence-span orphaned">
        <strong>Orphaned:</strong> the words <q dir="auto">{anchor.quote.exact}</q> are no longer in “{title}”.
      </p>
    );
  }
  return (
    <p class="evidence-span">
      In “{title}”: <q dir="auto">{placed?.text ?? anchor.quote.exact}</q>
    </p>
  );
}
