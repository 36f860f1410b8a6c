/**
 * Single-key annotation commands. They act only while words are selected in read-only text; in
 * edit mode every key types, as in any editor (../read-only.ts).
 *   C claim · S source mention · N note · R move the annotation to the selection ·
 *   X remove the annotation · 1–9 toggle the codebook's first nine tags.
 * Always: Alt+↓ / Alt+↑ next and previous annotation; Escape leaves the active annotation.
 */
import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import type { AnnotationSession } from './annotation-session.js';

/** The keys, as shown in tooltips, menus and the help. */
export const ANNOTATION_KEYS = {
  claim: 'C',
  sourceMention: 'S',
  note: 'N',
  setRange: 'R',
  remove: 'X',
  next: 'Alt+↓',
  previous: 'Alt+↑',
} as const;

export function annotationKeymap(session: () => AnnotationSession | null): Plugin {
  const withWords = (run: (s: AnnotationSession) => boolean) => () => {
    const current = session();
    if (!current?.hasSelectedWords() || current.view.composing || !current.singleKeysActive()) return false;
    run(current);
    return true;
  };
  const always = (run: (s: AnnotationSession) => boolean) => () => {
    const current = session();
    return current ? run(current) : false;
  };
  const onTarget = (run: (s: AnnotationSession, id: string) => boolean) =>
    withWords((s) => {
      const target = s.target();
      if (!target) s.notify('No annotation here: click one, or move to it with Alt+↓.');
      return target ? run(s, target.id) : false;
    });
  const bindings: Record<string, () => boolean> = {
    c: withWords((s) => s.mark('claim')),
    s: withWords((s) => s.mark('sourceMention')),
    n: withWords((s) => s.mark('note')),
    r: onTarget((s, id) => s.setRangeToSelection(id)),
    x: onTarget((s, id) => s.remove(id)),
    'Alt-ArrowDown': always((s) => s.step(1)),
    'Alt-ArrowUp': always((s) => s.step(-1)),
    Escape: always((s) => (s.activeId() ? s.select(null) : false)),
  };
  for (let n = 1; n <= 9; n += 1) bindings[String(n)] = withWords((s) => s.toggleTagNumber(n));
  return keymap(bindings);
}
