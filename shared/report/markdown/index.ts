/** The Markdown report (issue #6): a pure function of the project data and the analyst's options. */
export { markdownReport } from './report.js';
export { escapeCell, escapeParagraph } from './escape.js';
