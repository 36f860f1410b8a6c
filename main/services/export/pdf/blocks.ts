/**
 * The Markdown report read into blocks for the PDF: markdown-it parses it exactly as the HTML
 * report does (CommonMark with GFM tables, raw HTML as text, no images, safe links only), and the
 * tokens become headings, paragraphs, lists, quotes, tables, rules and code, each holding styled
 * runs of the very characters markdown-it renders — escapes resolved, entities decoded, no syntax.
 */
import type { Token } from 'markdown-it';
import { headingSlug, OWN_TAGS, reportMarkdownIt } from '../../../../shared/report/report-markdown-it.js';

/** A piece of inline text and how it is set. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** Where the run links to: an http(s)/mailto address, or `#anchor` for a section of the report. */
  href: string | null;
  /** Set in the muted colour (the address printed after a link's text). */
  muted: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[]; anchor: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; header: Run[][]; rows: Run[][][] }
  | { kind: 'rule' }
  | { kind: 'code'; text: string };

const MD = reportMarkdownIt();

/** The plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** The runs of an inline token: text with bold, italic, code and links; a link's address follows its text when it differs. */
function inlineRuns(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  let linkStart = 0;
  const push = (text: string, extra: Partial<Run> = {}) => {
    if (text !== '') runs.push({ text, bold: bold > 0, italic: italic > 0, code: false, href, muted: false, ...extra });
  };
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case 'text':
        push(child.content);
        break;
      case 'html_inline':
        // The report's own fallback tags style the text; any other raw HTML is shown as text.
        if (child.content === '<strong>') bold += 1;
        else if (child.content === '</strong>') bold -= 1;
        else if (child.content === '<em>') italic += 1;
        else if (child.content === '</em>') italic -= 1;
        else if (child.content === '<br>') push('\n');
        else push(child.content);
        break;
      case 'code_inline':
        push(child.content, { code: true });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        href = String(child.attrGet('href') ?? '');
        linkStart = runs.length;
        break;
      case 'link_close': {
        const target = href;
        href = null;
        if (target && !target.startsWith('#') && runsText(runs.slice(linkStart)) !== target.replace(/^mailto:/i, '')) {
          push(` (${target})`, { href: target, muted: true, bold: false, italic: false });
        }
        break;
      }
      default:
        // Strikethrough marks and anything else: their text children carry the words.
        if (child.children) runs.push(...inlineRuns(child));
    }
  }
  return runs;
}

/** Reads blocks from `tokens[at]` until the closing token of type `until` (or the end); returns them and where reading stopped. */
function readBlocks(tokens: Token[], at: number, until: string | null, taken: Map<string, number>): { blocks: Block[]; next: number } {
  const blocks: Block[] = [];
  let i = at;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (until !== null && token.type === until) return { blocks, next: i + 1 };
    switch (token.type) {
      case 'heading_open': {
        const runs = inlineRuns(tokens[i + 1]);
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), runs, anchor: headingSlug(runsText(runs), taken) });
        i += 3;
        break;
      }
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', runs: inlineRuns(tokens[i + 1]) });
        i += 3;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        i += 1;
        while (i < tokens.length && tokens[i]!.type !== close) {
          const item = readBlocks(tokens, i + 1, 'list_item_close', taken);
          items.push(item.blocks);
          i = item.next;
        }
        blocks.push({ kind: 'list', ordered, start: Number(token.attrGet('start') ?? 1), items });
        i += 1;
        break;
      }
      case 'blockquote_open': {
        const inner = readBlocks(tokens, i + 1, 'blockquote_close', taken);
        blocks.push({ kind: 'quote', blocks: inner.blocks });
        i = inner.next;
        break;
      }
      case 'table_open': {
        let header: Run[][] = [];
        const rows: Run[][][] = [];
        let row: Run[][] = [];
        let inHead = false;
        i += 1;
        while (i < tokens.length && tokens[i]!.type !== 'table_close') {
          const t = tokens[i]!;
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') row = [];
          else if (t.type === 'th_open' || t.type === 'td_open') row.push(inlineRuns(tokens[i + 1]));
          else if (t.type === 'tr_close') {
            if (inHead) header = row;
            else rows.push(row);
          }
          i += 1;
        }
        blocks.push({ kind: 'table', header, rows });
        i += 1;
        break;
      }
      case 'hr':
        blocks.push({ kind: 'rule' });
        i += 1;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '').replace(/\t/g, '    ') });
        i += 1;
        break;
      case 'html_block': {
        const content = token.content.replace(/\n$/, '');
        if (!OWN_TAGS.has(content.trim())) blocks.push({ kind: 'paragraph', runs: [{ text: content, bold: false, italic: false, code: false, href: null, muted: false }] });
        i += 1;
        break;
      }
      default:
        i += 1;
    }
  }
  return { blocks, next: i };
}

/** The blocks of a Markdown text, as the PDF lays them out. */
export function markdownBlocks(markdown: string): Block[] {
  return readBlocks(MD.parse(markdown, {}), 0, null, new Map()).blocks;
}
