/**
 * The find bar above the document text: a search field, the count of matches (announced politely to
 * screen readers), previous and next, a match-case toggle, "Mark as claim" for the current match,
 * and close. Enter steps to the next match, Shift+Enter to the previous, Escape closes. It talks to
 * the editor only through a FindController.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { countLabel, type FindController, type FindCurrent } from '../editor/find/index.js';
import { CloseIcon } from './icons.js';

export interface FindBarProps {
  controller: FindController;
  /** Turns the current match into a claim. */
  onMarkClaim: (range: { from: number; to: number }) => void;
  /** Called after the bar has closed find (the owner then hides the bar). */
  onClose: () => void;
}

const chevron = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' } as const;

const UpIcon = () => (
  <svg {...chevron}>
    <path d="m18 15-6-6-6 6" />
  </svg>
);

const DownIcon = () => (
  <svg {...chevron}>
    <path d="m6 9 6 6 6-6" />
  </svg>
);

export function FindBar({ controller, onMarkClaim, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [current, setCurrent] = useState<FindCurrent | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The latest query for the effect below, which runs only when the controller changes.
  const search = useRef({ query, matchCase });
  search.current = { query, matchCase };

  // Focused as the bar appears (a layout effect, before the next key can arrive), so the first
  // letter typed right after Ctrl+F goes into the search and not into the text.
  useLayoutEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  // A new controller (another document opened) gets the same search; the bar follows its state.
  useEffect(() => {
    const update = () => setCurrent(controller.current());
    const unsubscribe = controller.subscribe(update);
    controller.setQuery(search.current.query, { matchCase: search.current.matchCase });
    update();
    return unsubscribe;
  }, [controller]);

  const find = (nextQuery: string, nextMatchCase: boolean) => {
    setQuery(nextQuery);
    setMatchCase(nextMatchCase);
    controller.setQuery(nextQuery, { matchCase: nextMatchCase });
  };
  const close = () => {
    controller.close();
    onClose();
  };
  const label = countLabel(query, current);
  const none = current === null;

  return (
    <div
      class="find-bar"
      role="search"
      aria-label="Find"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        close();
      }}
    >
      <input
        ref={inputRef}
        id="find-input"
        class="find-input"
        type="text"
        dir="auto"
        aria-label="Find in document"
        placeholder="Find in document"
        spellcheck={false}
        autocomplete="off"
        value={query}
        onInput={(e) => find((e.currentTarget as HTMLInputElement).value, matchCase)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.isComposing) return;
          e.preventDefault();
          if (e.shiftKey) controller.previous();
          else controller.next();
        }}
      />
      <span class={`find-count${query !== '' && none ? ' find-none' : ''}`} role="status" aria-live="polite" aria-atomic="true">
        {label}
      </span>
      <button type="button" class="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={none} onClick={() => controller.previous()}>
        <UpIcon />
      </button>
      <button type="button" class="icon-button" aria-label="Next match" title="Next match (Enter)" disabled={none} onClick={() => controller.next()}>
        <DownIcon />
      </button>
      <button type="button" class="find-toggle" aria-pressed={matchCase} title="Match case" onClick={() => find(query, !matchCase)}>
        Match case
      </button>
      <button type="button" class="find-claim" disabled={none} onClick={() => current && onMarkClaim({ ...current.range })}>
        Mark as claim
      </button>
      <button type="button" class="icon-button" aria-label="Close find" title="Close (Escape)" onClick={close}>
        <CloseIcon />
      </button>
    </div>
  );
}
