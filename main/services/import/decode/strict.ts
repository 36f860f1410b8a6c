/** Strict decoding: the text, or null when the bytes are not valid in that encoding. */
export function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return decoderFor(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/** One fatal decoder per encoding, kept: making one costs more than most decodes (the damage check decodes every misread word). */
const decoders = new Map<string, TextDecoder>();
function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true })));
  return decoder;
}
