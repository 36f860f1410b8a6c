/**
 * Windows-1252, done here rather than by TextDecoder: Node 20's TextDecoder reads the label
 * `windows-1252` (and `latin1`, `iso-8859-1`, `ascii`, which WHATWG maps to it) as ISO-8859-1,
 * so 0x80–0x9F come out as C1 control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252; WHATWG keeps them as U+0081 etc.
 */

/** What bytes 0x80–0x9F stand for. */
const HIGH_CONTROLS = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The character a Windows-1252 byte stands for. */
export function windows1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : String.fromCharCode(byte);
}

/** Decodes Windows-1252 bytes (every byte is a character: this cannot fail). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => windows1252Char(c.charCodeAt(0)));
}
