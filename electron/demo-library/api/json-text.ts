// JSON the demo server writes from bytes it made beforehand. The list action's entries are written
// this way (see mediaInfoJson): JSON.stringify of a 100-item page and its encoding to UTF-8 cost
// the server 2-3 ms of CPU a page on these machines, most of it in allocating the 110 KB body as
// one string (two bytes a character, as it holds Chinese: a large object, page-faulted in anew
// each time), and in the sync benchmark the server shares the machine's two cores with the client
// it measures. Made from kept bytes, a page costs its signatures and one copy. A body keeps its
// plain shape otherwise, so faults (breakShape, a cut body) still work on it.

/** A value already written as JSON, in UTF-8 pieces to be put one after another. */
export class JsonText {
  constructor(readonly chunks: readonly Buffer[]) {}
}

/**
 * Buffer.from(JSON.stringify(body)) for an action's body, where a top-level value or an element
 * of a top-level array may be a JsonText (written as its bytes). Elsewhere JSON.stringify writes.
 */
export function bodyBytes(body: unknown): Buffer {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return Buffer.concat(valueChunks(body));
  }
  const chunks: Buffer[] = [OPEN_BRACE];
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (!first) chunks.push(COMMA);
    first = false;
    chunks.push(Buffer.from(`${JSON.stringify(key)}:`), ...valueChunks(value));
  }
  chunks.push(CLOSE_BRACE);
  return Buffer.concat(chunks);
}

const OPEN_BRACE = Buffer.from('{');
const CLOSE_BRACE = Buffer.from('}');
const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');
const COMMA = Buffer.from(',');

function valueChunks(value: unknown): readonly Buffer[] {
  if (value instanceof JsonText) return value.chunks;
  if (Array.isArray(value) && value.some((element) => element instanceof JsonText)) {
    const chunks: Buffer[] = [OPEN_BRACKET];
    value.forEach((element, i) => {
      if (i > 0) chunks.push(COMMA);
      if (element instanceof JsonText) chunks.push(...element.chunks);
      else chunks.push(Buffer.from(JSON.stringify(element) ?? 'null'));
    });
    chunks.push(CLOSE_BRACKET);
    return chunks;
  }
  return [Buffer.from(JSON.stringify(value))];
}
