/**
 * The live Markdown preview: the report is built again (after the editor's pending changes are
 * saved) a moment after the options stop changing; an answer that a newer request overtook is dropped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportRequest } from '../../../shared/contract.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';

/** How long the options must stay unchanged before the preview is built again. */
const DEBOUNCE_MS = 300;

/** The preview's state: the Markdown shown, whether a newer one is coming, and why the last build failed. */
export interface ReportPreviewState {
  markdown: string;
  updating: boolean;
  error: string;
}

/** Builds the Markdown report of `request` (null: nothing to preview), debounced. */
export function useReportPreview(request: ReportRequest | null, flushEdits: () => Promise<unknown>): ReportPreviewState {
  const [state, setState] = useState<ReportPreviewState>({ markdown: '', updating: true, error: '' });
  const first = useRef(true);
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!request) return setState((s) => ({ ...s, updating: false }));
    let current = true;
    setState((s) => ({ ...s, updating: true }));
    const timer = setTimeout(async () => {
      await flushEdits();
      const result = await api.buildReport(request);
      if (!current) return;
      setState(result.ok ? { markdown: result.value.text ?? '', updating: false, error: '' } : (s) => ({ ...s, updating: false, error: describeError(result.error) }));
    }, first.current ? 0 : DEBOUNCE_MS);
    first.current = false;
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The request is compared by value: `key` stands for it.
  }, [key]);
  return state;
}
