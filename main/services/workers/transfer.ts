/**
 * Bytes that can move between threads without a copy. Transferring an ArrayBuffer hands over all
 * of it, so a view of part of a buffer (a Buffer cut from Node's shared pool, a slice of a larger
 * file) must not be transferred as it is: that would empty memory the view does not own.
 */

/** The bytes as a view of an ArrayBuffer that holds exactly them: the same view when it does, else a copy. */
export function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
