/**
 * The annotated text: each textblock of a document written as its own Markdown paragraph, with
 * every reported claim's words in bold followed by a link to its section (`**…**[C1](#c1)`).
 * Work is per block and linear in its length (never a whole-document serializer, whose cost grows
 * quadratically). Structure is flattened — headings, list items and quoted blocks become plain
 * paragraphs — so the text's characters, not its layout, are what the report guarantees.
 */
import type { Claim } from '../../model/annotation.js';
import type { ContentNode, StoredDocument } from '../../model/document.js';
import { claimLink } from './claim-link.js';
import type { ReportContext } from './context.js';
import { escapeText, HARD_BREAK } from './escape.js';
import { lastChar, strong } from './strong.js';

/** A stretch of a block's text and the reported claims that cover it. */
interface Segment {
  text: string;
  claims: readonly Claim[];
}

const EDGE_BLANKS = /^(\s*)([\s\S]*?)(\s*)$/;

/** Calls `visit` with the inline children of every textblock, in document order (the rule of `contentToText`). */
function forEachTextblock(node: ContentNode, visit: (inline: readonly ContentNode[]) => void): void {
  const children = node.content ?? [];
  const isTextblock = children.length === 0 ? node.type === 'paragraph' || node.type === 'heading' : children.some((c) => c.type === 'text' || c.type === 'hard_break');
  if (isTextblock) visit(children);
  else for (const child of children) forEachTextblock(child, visit);
}

/** The block's text cut where the set of covering claims changes. */
function segmentsOf(inline: readonly ContentNode[], claimsById: ReadonlyMap<string, Claim>): Segment[] {
  const segments: Segment[] = [];
  for (const node of inline) {
    const text = node.type === 'hard_break' ? '\n' : (node.text ?? '');
    if (text === '') continue;
    const claims: Claim[] = [];
    for (const mark of node.marks ?? []) {
      const claim = mark.type === 'annotation' ? claimsById.get(String(mark.attrs?.id)) : undefined;
      if (claim) claims.push(claim);
    }
    const previous = segments[segments.length - 1];
    if (previous && sameClaims(previous.claims, claims)) previous.text += text;
    else segments.push({ text, claims });
  }
  return segments;
}

function sameClaims(a: readonly Claim[], b: readonly Claim[]): boolean {
  return a.length === b.length && a.every((claim) => b.includes(claim));
}

/** Writes one block's segments as a Markdown paragraph; '' when it has no text. */
function blockMarkdown(segments: readonly Segment[]): string {
  let out = '';
  const plain = (text: string, endsBlock: boolean): void => {
    out += escapeText(text, { lineBreak: HARD_BREAK, startsLine: out === '' || out.endsWith('\n'), endsLine: endsBlock });
  };
  let bold = '';
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1;
    if (segment.claims.length === 0) {
      plain(segment.text, isLast);
      return;
    }
    bold += segment.text;
    const next = segments[i + 1]?.claims ?? [];
    const ending = segment.claims.filter((claim) => !next.includes(claim));
    if (ending.length === 0) return;
    const [, lead = '', words = '', trail = ''] = EDGE_BLANKS.exec(bold) ?? [];
    plain(lead, false);
    if (words !== '') out += strong(escapeText(words, { lineBreak: HARD_BREAK, startsLine: false, endsLine: false }), lastChar(out), '[');
    out += ending.map((claim) => claimLink(claim.shortId)).join(' ');
    plain(trail, isLast);
    bold = '';
  });
  return out;
}

/** The paragraphs of a document: all of them, or in excerpts mode only those holding a reported claim, gaps shown as "…". */
export function annotatedText(document: StoredDocument, context: ReportContext): string[] {
  const claimsById = new Map<string, Claim>();
  for (const annotation of document.annotations) if (annotation.kind === 'claim' && context.claimIds.has(annotation.id)) claimsById.set(annotation.id, annotation);
  const excerpts = context.options.text === 'excerpts';
  const paragraphs: string[] = [];
  let skipped = false;
  forEachTextblock(document.content, (inline) => {
    const segments = segmentsOf(inline, claimsById);
    if (excerpts && !segments.some((s) => s.claims.length > 0)) {
      skipped = true;
      return;
    }
    if (skipped && paragraphs.length > 0) paragraphs.push('…');
    skipped = false;
    const paragraph = blockMarkdown(segments);
    if (paragraph !== '') paragraphs.push(paragraph);
  });
  return paragraphs;
}
