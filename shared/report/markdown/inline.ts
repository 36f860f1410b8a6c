/**
 * One textblock's inline content as Markdown: the document's own emphasis (`_…_`), strong emphasis
 * (`__…__`) and links (`[…](url)`), and every reported claim's words in bold followed by a link to
 * its section (`**…**[C1](#c1)`), with the text escaped exactly (escape.ts).
 *
 * Marks nest in a fixed order — claim bold outermost, then link, emphasis, strong — and are closed
 * and reopened where a run of text changes them, so the Markdown always nests properly (a claim that
 * ends inside a link closes the link first: links cannot hold the claim's own link). Blanks at the
 * edges of a marked stretch are written outside its delimiters. Each delimiter pair is written in
 * Markdown where CommonMark lets it open and close there, otherwise as `<strong>`/`<em>` (GitHub,
 * VS Code, Obsidian and pandoc render both); so the reader always sees exactly the text's characters.
 * Work is linear in the block's length.
 */
import type { Claim } from '../../model/annotation.js';
import type { ContentNode } from '../../model/document.js';
import { claimLink } from './claim-link.js';
import { escapeText, HARD_BREAK } from './escape.js';
import { delimits, firstChar, lastChar } from './strong.js';

/** A stretch of a block's text with one set of covering claims and document marks. */
export interface InlineRun {
  text: string;
  claims: readonly Claim[];
  /** The document's link on these words (http, https or mailto only), or null. */
  href: string | null;
  em: boolean;
  strong: boolean;
}

/** Links the report writes as links; any other scheme (or an address with blanks) stays plain text. */
const LINKABLE = /^(?:https?:|mailto:)[^\s\u0000-\u001f\u007f]*$/i;

/** The block's text cut where the covering claims or the document's marks change. */
export function inlineRuns(inline: readonly ContentNode[], claimsById: ReadonlyMap<string, Claim>): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of inline) {
    const text = node.type === 'hard_break' ? '\n' : (node.text ?? '');
    if (text === '') continue;
    const claims: Claim[] = [];
    let href: string | null = null;
    let em = false;
    let strong = false;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'annotation') {
        const claim = claimsById.get(String(mark.attrs?.id));
        if (claim) claims.push(claim);
      } else if (mark.type === 'link') {
        const value = String(mark.attrs?.href ?? '');
        if (LINKABLE.test(value)) href = value;
      } else if (mark.type === 'em') em = true;
      else if (mark.type === 'strong') strong = true;
    }
    const previous = runs[runs.length - 1];
    if (previous && previous.href === href && previous.em === em && previous.strong === strong && sameClaims(previous.claims, claims)) previous.text += text;
    else runs.push({ text, claims, href, em, strong });
  }
  return runs;
}

function sameClaims(a: readonly Claim[], b: readonly Claim[]): boolean {
  return a.length === b.length && a.every((claim) => b.includes(claim));
}

type LayerKind = 'claim' | 'link' | 'em' | 'strong';

/** A mark open (or about to open) on the output: its delimiter pair and, for a link, its address. */
interface Layer {
  kind: LayerKind;
  href: string | null;
  pair: number;
  /** False until the first non-blank text inside it is written: an empty layer writes nothing. */
  written: boolean;
}

/** Output pieces: Markdown written as is, or one delimiter of a pair whose form is chosen at the end. */
type Piece = { md: string } | { pair: number; opens: boolean; kind: 'claim' | 'em' | 'strong' };

const MARKDOWN_FORM = { claim: '**', strong: '__', em: '_' } as const;
const HTML_TAG = { claim: 'strong', strong: 'strong', em: 'em' } as const;

/** A link destination: backslash before the characters that would end it or be read as an entity. */
function destination(href: string): string {
  return href.replace(/[\\()<>&]/g, '\\$&');
}

const BLANK = /\s/;

/** Whether the character at `i` is a blank (whitespace, line breaks included); ASCII is checked without a regular expression. */
function isBlankAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code > 0x20 && code < 0x7f) return false;
  return code === 0x20 || code === 0x0a || code === 0x09 || BLANK.test(text[i]!);
}

/** The wanted layers of a run, outermost first. */
function wantedLayers(run: InlineRun): { kind: LayerKind; href: string | null }[] {
  const wanted: { kind: LayerKind; href: string | null }[] = [];
  if (run.claims.length > 0) wanted.push({ kind: 'claim', href: null });
  if (run.href !== null) wanted.push({ kind: 'link', href: run.href });
  if (run.em) wanted.push({ kind: 'em', href: null });
  if (run.strong) wanted.push({ kind: 'strong', href: null });
  return wanted;
}

/** Writes one block's runs into pieces (see {@link inlineMarkdown}). */
class InlineWriter {
  readonly pieces: Piece[] = [];
  /** Whether the Markdown written so far is empty or ends a line (block markers matter at a line start). */
  private atLineStart = true;
  private pairs = 0;
  private readonly open: Layer[] = [];
  /** Claims inside the open claim layer. */
  private active: Claim[] = [];
  /** Blanks at the end of the last text, written after any delimiters that close right after it. */
  private trail = '';

  private write(md: string): void {
    if (md === '') return;
    // A link right after a `!` would make it an image: the `!` is escaped.
    const before = this.pieces[this.pieces.length - 1];
    if (md.charCodeAt(0) === 0x5b && before !== undefined && 'md' in before && before.md.endsWith('!')) before.md = `${before.md.slice(0, -1)}\\!`;
    this.pieces.push({ md });
    this.atLineStart = md.charCodeAt(md.length - 1) === 0x0a;
  }

  private text(value: string, endsLine: boolean): void {
    this.write(escapeText(value, { lineBreak: HARD_BREAK, startsLine: this.atLineStart, endsLine }));
  }

  private flushTrail(endsLine: boolean): void {
    if (this.trail === '') return;
    const value = this.trail;
    this.trail = '';
    this.text(value, endsLine);
  }

  private delimiter(layer: Layer, opens: boolean): void {
    if (layer.kind === 'link') this.write(opens ? '[' : `](${destination(layer.href!)})`);
    else {
      this.pieces.push({ pair: layer.pair, opens, kind: layer.kind });
      this.atLineStart = false;
    }
  }

  /** Closes the open layers from `depth` inward; a closing claim layer writes the links of `ending`. */
  private closeFrom(depth: number, ending: readonly Claim[]): void {
    while (this.open.length > depth) {
      const layer = this.open.pop()!;
      if (layer.written) this.delimiter(layer, false);
      if (layer.kind === 'claim') {
        this.write(ending.map((claim) => claimLink(claim.shortId)).join(' '));
        this.active = [];
      }
    }
  }

  run(run: InlineRun, isLast: boolean): void {
    const { open } = this;
    const ending = open[0]?.kind === 'claim' ? this.active.filter((claim) => !run.claims.includes(claim)) : [];
    const wanted = wantedLayers(run);
    // Keep the open layers that still apply (a claim layer only while none of its claims ends).
    let keep = 0;
    while (keep < open.length && keep < wanted.length && open[keep]!.kind === wanted[keep]!.kind && open[keep]!.href === wanted[keep]!.href && !(open[keep]!.kind === 'claim' && ending.length > 0)) keep++;
    this.closeFrom(keep, ending);
    for (const claim of run.claims) if (!this.active.includes(claim)) this.active.push(claim);
    for (let i = keep; i < wanted.length; i++) open.push({ kind: wanted[i]!.kind, href: wanted[i]!.href, pair: this.pairs++, written: false });
    let pending = false;
    for (const layer of open) if (!layer.written) pending = true;

    // Leading blanks go before the layers that open here; trailing ones wait for the next closing delimiters.
    const { text } = run;
    let from = 0;
    if (pending) while (from < text.length && isBlankAt(text, from)) from++;
    let to = text.length;
    while (to > from && isBlankAt(text, to - 1)) to--;
    if (from > 0 || to > from) this.flushTrail(false);
    if (from > 0) this.text(text.slice(0, from), isLast && from === text.length);
    if (to > from) {
      for (const layer of open) {
        if (!layer.written) {
          layer.written = true;
          this.delimiter(layer, true);
        }
      }
      this.text(from === 0 && to === text.length ? text : text.slice(from, to), false);
    }
    if (to < text.length) this.trail += text.slice(to);
  }

  finish(): void {
    this.closeFrom(0, this.active);
    this.flushTrail(true);
  }
}

/** The block's runs as one Markdown inline text ('' when it has no text). */
export function inlineMarkdown(runs: readonly InlineRun[]): string {
  const writer = new InlineWriter();
  for (let i = 0; i < runs.length; i++) writer.run(runs[i]!, i === runs.length - 1);
  writer.finish();
  return resolve(writer.pieces);
}

/** Chooses each delimiter pair's form (Markdown where CommonMark reads it as intended, else HTML) and joins the pieces. */
function resolve(pieces: readonly Piece[]): string {
  if (pieces.length === 1 && 'md' in pieces[0]!) return pieces[0].md;
  /** By pair: whether it is written in Markdown (true), in HTML (false), or not yet judged (undefined). */
  const ok: (boolean | undefined)[] = [];
  const edge = (index: number, last: boolean): string => {
    const piece = pieces[index];
    if (piece === undefined) return '';
    if (!('md' in piece)) return MARKDOWN_FORM[piece.kind][0]!;
    if (last) return piece.md.charCodeAt(piece.md.length - 1) === 0x0a ? '' : lastChar(piece.md);
    return piece.md.charCodeAt(0) === 0x0a ? '' : firstChar(piece.md);
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if ('md' in piece) continue;
    const fits = delimits(MARKDOWN_FORM[piece.kind][0] as '*' | '_', edge(i - 1, true), edge(i + 1, false), piece.opens);
    ok[piece.pair] = (ok[piece.pair] ?? true) && fits;
  }
  // Two delimiters of the same character side by side would merge into one run: the later pair is written in HTML.
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const before = pieces[i - 1]!;
    if ('md' in piece || 'md' in before) continue;
    if (ok[before.pair] === true && ok[piece.pair] === true && MARKDOWN_FORM[before.kind][0] === MARKDOWN_FORM[piece.kind][0]) ok[piece.pair] = false;
  }
  let md = '';
  for (const piece of pieces) {
    if ('md' in piece) md += piece.md;
    else md += ok[piece.pair] === true ? MARKDOWN_FORM[piece.kind] : `<${piece.opens ? '' : '/'}${HTML_TAG[piece.kind]}>`;
  }
  return md;
}
