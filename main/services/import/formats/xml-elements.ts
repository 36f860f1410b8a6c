/**
 * A cheap count of what an XML text holds, on its bytes as they are unpacked, before any parser
 * builds a tree of it: the element starts (`<name`, not `</`, `<!` or `<?`) and, among them, the
 * paragraphs (local name `p` under any prefix, as WordprocessingML's `<w:p>`). A Word reader's tree
 * costs memory in proportion to the elements, so counting while unpacking turns a file of millions
 * of tiny paragraphs into a refusal after its first few megabytes instead of gigabytes of heap.
 */

const LESS_THAN = 0x3c;
const NOT_AN_ELEMENT = new Set([0x2f, 0x21, 0x3f]); // `/`, `!`, `?`
const NAME_ENDS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]); // whitespace, `>`, `/`
const P = 0x70;
const COLON = 0x3a;
/** The most of an unfinished tag name kept from one piece for the next. */
const MAX_CARRY = 256;
const NOTHING = Buffer.alloc(0);

/**
 * Counts the element starts and paragraphs of an XML text given piece by piece as its bytes are
 * produced (UTF-8, or any ASCII-compatible encoding), so a caller can stop at a limit before the
 * rest exists. A tag cut between two pieces is counted once, when its name is complete.
 */
export class XmlElementCounter {
  elements = 0;
  paragraphs = 0;
  #carry: Buffer = NOTHING;

  /** Counts the next piece of the text. */
  add(piece: Uint8Array): void {
    const next = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const bytes = this.#carry.length > 0 ? Buffer.concat([this.#carry, next]) : next;
    this.#carry = NOTHING;
    for (let at = bytes.indexOf(LESS_THAN); at !== -1; at = bytes.indexOf(LESS_THAN, at + 1)) {
      let end = at + 1;
      while (end < bytes.length && !NAME_ENDS.has(bytes[end]!)) end++;
      if (end === bytes.length) {
        this.#carry = Buffer.from(bytes.subarray(at, at + MAX_CARRY));
        return;
      }
      if (NOT_AN_ELEMENT.has(bytes[at + 1]!)) continue;
      if (end === at + 1) continue; // `< ` or `<>`: no name, no element
      this.elements++;
      if (bytes[end - 1] === P && (end - 1 === at + 1 || bytes[end - 2] === COLON)) this.paragraphs++;
    }
  }
}
