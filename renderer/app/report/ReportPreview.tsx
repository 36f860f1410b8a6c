/**
 * The live preview of the Markdown report, in two tabs: rendered (sanitised HTML, see
 * render-markdown.ts) and the Markdown source as read-only text. A link to a section of the report
 * scrolls the preview to it; other links open outside the app.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import type { ReportPreviewState } from './use-report-preview.js';
import { renderReportMarkdown } from './render-markdown.js';

const TABS = [
  { id: 'rendered', label: 'Rendered' },
  { id: 'source', label: 'Markdown source' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** `format`: the format chosen for export; for a binary one (the PDF) a line says the preview shows what it is made from. */
export function ReportPreview({ preview, format }: { preview: ReportPreviewState; format?: string }) {
  const binary = REPORT_FORMATS.find((f) => f.id === format)?.binary;
  const [tab, setTab] = useState<TabId>('rendered');
  const rendered = useRef<HTMLDivElement>(null);
  const html = useMemo(() => renderReportMarkdown(preview.markdown), [preview.markdown]);

  const onTabKey = (event: KeyboardEvent) => {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next: TabId = event.key === 'Home' ? 'rendered' : event.key === 'End' ? 'source' : tab === 'rendered' ? 'source' : 'rendered';
    setTab(next);
    window.document.getElementById(`report-tab-${next}`)?.focus();
  };
  /** A `#c1` link scrolls the preview to the section headed C1 instead of changing the page's address. */
  const followAnchor = (event: MouseEvent) => {
    const href = (event.target as Element).closest('a')?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    event.preventDefault();
    rendered.current?.querySelector(`[data-anchor="${CSS.escape(decodeURIComponent(href.slice(1)))}"]`)?.scrollIntoView({ block: 'start' });
  };

  return (
    <section class="report-preview" aria-label="Preview of the Markdown report" aria-busy={preview.updating}>
      <div class="report-preview-head">
        <div class="report-tabs" role="tablist" aria-label="Preview" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`report-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={t.id === tab}
              aria-controls={`report-panel-${t.id}`}
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span class="report-preview-state" role="status">{preview.updating ? 'Updating…' : ''}</span>
      </div>
      {binary === 'pdf' && <p class="report-preview-note">PDF: the preview shows the report it is set from; the PDF is made when you export.</p>}
      {preview.error && <p role="alert" class="form-error">The preview could not be made: {preview.error}</p>}
      {tab === 'rendered' ? (
        <div
          id="report-panel-rendered"
          role="tabpanel"
          aria-labelledby="report-tab-rendered"
          tabIndex={0}
          class="report-rendered"
          dir="auto"
          ref={rendered}
          onClick={followAnchor}
          // Safe: markdown-it escapes raw HTML and render-markdown.ts allows only harmless links.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <pre id="report-panel-source" role="tabpanel" aria-labelledby="report-tab-source" tabIndex={0} class="report-source" dir="auto">
          {preview.markdown}
        </pre>
      )}
    </section>
  );
}
