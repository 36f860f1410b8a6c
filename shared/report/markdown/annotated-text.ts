/**
 * The annotated text: a document written as Markdown with its structure — headings, bullet and
 * numbered lists (nested, numbered from the list's own start), block quotes, emphasis, strong
 * emphasis and links — and every reported claim's words in bold followed by a link to its section
 * (`**…**[C1](#c1)`, inline.ts).
 *
 * The document's headings sit below the report's own outline (`### Text: …`): its level 1 becomes
 * `####`, level 2 `#####`, deeper levels `######`. A heading Markdown cannot carry as a heading —
 * one holding a line break, or whose words would take a claim's or source's anchor (`C1`, `S1`) —
 * is written as a paragraph. Work is per textblock and linear in the text (never a whole-document
 * serializer, whose cost grows quadratically): each textblock is written once, prefixed by the
 * markers of the quotes and list items around it.
 */
import type { Claim } from '../../model/annotation.js';
import type { ContentNode, StoredDocument } from '../../model/document.js';
import type { ReportContext } from './context.js';
import { inlineMarkdown, inlineRuns } from './inline.js';

/** A list the text is inside: tight (items of one paragraph each, written without blank lines) or loose. */
interface ListState {
  tight: boolean;
}

/** A quote or list item around a textblock: its marker on its first line, and what its later lines start with. */
interface Frame {
  first: string;
  rest: string;
  /** Its marker has been written (cleared after a "…" gap, so it is written again). */
  opened: boolean;
  /** The list an item belongs to; undefined for a quote. */
  list?: ListState;
}

/** The report's heading level for a document heading of `level`. */
function headingLevel(level: unknown): number {
  const n = Number(level);
  return Math.min(6, Math.max(4, (Number.isFinite(n) ? Math.trunc(n) : 1) + 3));
}

/** Heading words whose anchor could take a claim's (`c1`) or source's (`s1`) section anchor. */
const TAKES_AN_ANCHOR = /^[cs][0-9]+$/;

function isTextblock(node: ContentNode): boolean {
  const children = node.content ?? [];
  return children.length === 0 ? node.type === 'paragraph' || node.type === 'heading' : children.some((c) => c.type === 'text' || c.type === 'hard_break');
}

/** Writes one document's blocks; each entry of `blocks` is separated from the next by a blank line. */
class Writer {
  readonly blocks: string[] = [];
  private lastFrames: readonly Frame[] = [];
  private skipped = false;
  private written = 0;

  constructor(
    private readonly claimsById: ReadonlyMap<string, Claim>,
    private readonly excerpts: boolean,
  ) {}

  /** The children of a container, in order; adjacent lists of one kind get different markers so they stay apart. */
  children(nodes: readonly ContentNode[], frames: readonly Frame[]): void {
    let previous: { type: string; marker: string } | null = null;
    for (const node of nodes) {
      const before = this.written;
      if (node.type === 'bullet_list' || node.type === 'ordered_list') {
        const ordered = node.type === 'ordered_list';
        const [usual, other] = ordered ? ['.', ')'] : ['-', '+'];
        const marker: string = previous?.type === node.type && previous.marker === usual ? other : usual;
        this.list(node, ordered, marker, frames);
        previous = this.written > before ? { type: node.type, marker } : previous;
      } else {
        this.node(node, frames);
        if (this.written > before) previous = null;
      }
    }
  }

  private node(node: ContentNode, frames: readonly Frame[]): void {
    if (isTextblock(node)) this.textblock(node, frames);
    else if (node.type === 'blockquote') this.children(node.content ?? [], [...frames, { first: '> ', rest: '> ', opened: false }]);
    else this.children(node.content ?? [], frames);
  }

  private list(node: ContentNode, ordered: boolean, marker: string, frames: readonly Frame[]): void {
    const items = node.content ?? [];
    const state: ListState = { tight: items.every((item) => item.content?.length === 1 && isTextblock(item.content[0]!)) };
    const order = Math.trunc(Number(node.attrs?.order ?? 1));
    const start = Number.isFinite(order) ? Math.min(999_999_999 - items.length, Math.max(0, order)) : 1;
    items.forEach((item, i) => {
      const first = ordered ? `${start + i}${marker} ` : `${marker} `;
      const frame: Frame = { first, rest: ' '.repeat(first.length), opened: false, list: state };
      if (isTextblock(item)) this.textblock(item, [...frames, frame]);
      else this.children(item.content ?? [], [...frames, frame]);
    });
  }

  private textblock(node: ContentNode, frames: readonly Frame[]): void {
    const runs = inlineRuns(node.content ?? [], this.claimsById);
    if (this.excerpts && !runs.some((run) => run.claims.length > 0)) {
      this.skipped = true;
      return;
    }
    let markdown = inlineMarkdown(runs);
    if (markdown === '') return;
    if (node.type === 'heading') {
      const words = runs.map((run) => run.text).join('');
      if (!words.includes('\n') && !TAKES_AN_ANCHOR.test(words.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) markdown = `${'#'.repeat(headingLevel(node.attrs?.level))} ${markdown}`;
    }
    if (this.skipped && this.blocks.length > 0) {
      this.blocks.push('…');
      for (const frame of this.lastFrames) frame.opened = false;
      this.lastFrames = [];
    }
    this.skipped = false;
    this.append(markdown, frames);
  }

  /** Adds a textblock's Markdown inside `frames`, after what the previous textblock left open. */
  private append(markdown: string, frames: readonly Frame[]): void {
    this.written++;
    const last = this.lastFrames;
    let common = 0;
    while (common < frames.length && common < last.length && frames[common] === last[common] && frames[common]!.opened) common++;
    const list = frames[common]?.list;
    const siblings = list !== undefined && list.tight && last[common]?.list === list;
    let text: string;
    if (frames.length === 0) text = markdown;
    else {
      let lead = '';
      let rest = '';
      for (const frame of frames) {
        lead += frame.opened ? frame.rest : frame.first;
        rest += frame.rest;
        frame.opened = true;
      }
      text = lead + markdown.split('\n').join(`\n${rest}`);
    }
    this.lastFrames = frames;
    if (this.blocks.length === 0 || (common === 0 && !siblings)) {
      this.blocks.push(text);
      return;
    }
    const separator = siblings ? '\n' : `\n${frames.slice(0, common).map((f) => f.rest).join('').trimEnd()}\n`;
    this.blocks[this.blocks.length - 1] += separator + text;
  }
}

/** The document's blocks: all of them, or in excerpts mode only those holding a reported claim, gaps shown as "…". */
export function annotatedText(document: StoredDocument, context: ReportContext): string[] {
  const claimsById = new Map<string, Claim>();
  for (const annotation of document.annotations) if (annotation.kind === 'claim' && context.claimIds.has(annotation.id)) claimsById.set(annotation.id, annotation);
  const writer = new Writer(claimsById, context.options.text === 'excerpts');
  const root = document.content;
  if (isTextblock(root)) writer.children([root], []);
  else writer.children(root.content ?? [], []);
  return writer.blocks;
}
