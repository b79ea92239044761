// JSON the demo server writes from bytes it made beforehand. The list action's entries are written
// this way (see mediaInfoJson): JSON.stringify of a 100-item page and its encoding to UTF-8 cost
// the server 2-3 ms of CPU a page on these machines, most of it in allocating the 110 KB body as
// one string (two bytes a character, as it holds Chinese: a large object, page-faulted in anew
// each time), and in the sync benchmark the server shares the machine's two cores with the client
// it measures. Made from kept bytes, a page costs its signatures and one copy. A body keeps its
// plain shape otherwise, so faults (breakShape, a cut body) still work on it.

/**
 * A value already written as JSON, in pieces to be put one after another: UTF-8 bytes made
 * beforehand, and JSON text (a freshly signed URL, say) encoded as it is written.
 */
export class JsonText {
  constructor(readonly pieces: readonly Piece[]) {}

  bytes(): Buffer {
    return writePieces(this.pieces);
  }
}

type Piece = Buffer | string;

/**
 * Buffer.from(JSON.stringify(body)) for an action's body, where a top-level value or an element
 * of a top-level array may be a JsonText (written as its pieces). Elsewhere JSON.stringify writes.
 * The body is written into one buffer of its exact size: a page is some 500 pieces, and a small
 * buffer for each text piece and a concatenation after were most of the server's CPU a page
 * besides sending it (measured: 0.6 ms of pieces and 0.3 ms of concatenation a page).
 */
export function bodyBytes(body: unknown): Buffer {
  const pieces: Piece[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    pushValue(pieces, body);
    return writePieces(pieces);
  }
  pieces.push('{');
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    pushValue(pieces, value);
  }
  pieces.push('}');
  return writePieces(pieces);
}

function pushValue(pieces: Piece[], value: unknown): void {
  if (value instanceof JsonText) {
    for (const piece of value.pieces) pieces.push(piece);
  } else if (Array.isArray(value) && value.some((element) => element instanceof JsonText)) {
    pieces.push('[');
    value.forEach((element, i) => {
      if (i > 0) pieces.push(',');
      if (element instanceof JsonText) {
        for (const piece of element.pieces) pieces.push(piece);
      } else {
        pieces.push(JSON.stringify(element) ?? 'null');
      }
    });
    pieces.push(']');
  } else {
    pieces.push(JSON.stringify(value));
  }
}

function writePieces(pieces: readonly Piece[]): Buffer {
  let size = 0;
  for (const piece of pieces)
    size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) {
    at += typeof piece === 'string' ? out.write(piece, at) : piece.copy(out, at);
  }
  return out;
}
