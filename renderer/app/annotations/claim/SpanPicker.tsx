/**
 * Points evidence at words of another document of the project (the original statement, a
 * transcript): choose the document, then select the words in a read-only preview of its text — or
 * type them, for the keyboard. The anchor is described over the same plain text the store anchors
 * in, so the span is placed again when that document's text changes.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { DocumentSummary } from '../../../../shared/model/document.js';
import type { Anchor } from '../../../../shared/model/selectors.js';
import { contentToText } from '../../../../shared/text.js';
import { api } from '../../../api/client.js';
import { describeError } from '../../errors.js';
import { findSpan, linesOf, spanAnchor } from './span-text.js';

export interface DocumentSpan {
  documentId: string;
  anchor: Anchor;
}

export interface SpanPickerProps {
  /** Documents the span may come from (the open one left out). */
  documents: readonly DocumentSummary[];
  value: DocumentSpan | null;
  onChange: (span: DocumentSpan | null) => void;
}

/** The offset in the whole text of a point of the DOM selection inside the preview, or null outside it. */
function offsetOf(node: Node, offset: number): number | null {
  const line = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-start]');
  if (!line) return null;
  const start = Number(line.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  return start + (offset > 0 ? (line.textContent ?? '').length : 0);
}

export function SpanPicker({ documents, value, onChange }: SpanPickerProps) {
  const id = useId();
  const [documentId, setDocumentId] = useState(value?.documentId ?? '');
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [words, setWords] = useState(value?.anchor.quote.exact ?? '');
  const title = documents.find((d) => d.id === documentId)?.title ?? '';

  useEffect(() => {
    setText(null);
    setProblem('');
    if (!documentId) return undefined;
    let live = true;
    void api.getDocument(documentId).then((result) => {
      if (!live) return;
      if (result.ok) setText(contentToText(result.value.document.content));
      else setProblem(describeError(result.error));
    });
    return () => {
      live = false;
    };
  }, [documentId]);

  const choose = (anchor: Anchor | null) => onChange(anchor && documentId ? { documentId, anchor } : null);
  const takeSelection = () => {
    const selection = window.getSelection();
    if (!text || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    const anchor = spanAnchor(text, start, end);
    setWords(anchor?.quote.exact ?? '');
    choose(anchor);
  };
  // Words chosen by selection stand as chosen; typed words must be found in one place.
  const chosen = value?.documentId === documentId && value.anchor.quote.exact === words;
  const found = text !== null && words.trim() !== '' && !chosen ? findSpan(text, words) : null;
  const wordsProblem = found && 'problem' in found ? found.problem : null;

  return (
    <fieldset class="claim-subsection span-picker">
      <legend>Words in another document</legend>
      <label class="field claim-field">
        <span>Document</span>
        <select
          value={documentId}
          onChange={(e) => {
            setDocumentId(e.currentTarget.value);
            setWords('');
            onChange(null);
          }}
        >
          <option value="">None</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {documents.length === 0 && <p class="claim-hint">The project has no other document yet.</p>}
      {problem && <p class="field-problem">{problem}</p>}
      {documentId && text !== null && (
        <>
          <p class="claim-hint" id={`${id}-how`}>
            Select the words in the text below, or type them.
          </p>
          <div class="span-preview" tabIndex={0} role="region" aria-label={`Text of ${title} (read-only)`} aria-describedby={`${id}-how`} onMouseUp={takeSelection} onKeyUp={takeSelection}>
            {linesOf(text).map((line) => (
              <p key={line.start} data-start={line.start} dir="auto">
                {line.text}
              </p>
            ))}
          </div>
          <label class="field claim-field">
            <span>Words quoted</span>
            <input
              dir="auto"
              value={words}
              aria-invalid={wordsProblem ? 'true' : undefined}
              onInput={(e) => {
                const next = e.currentTarget.value;
                setWords(next);
                const span = findSpan(text, next);
                choose('anchor' in span ? span.anchor : null);
              }}
            />
          </label>
          {wordsProblem && <p class="field-problem">{wordsProblem}</p>}
        </>
      )}
    </fieldset>
  );
}
