// The start of a response body as text, for the words of an error: at most `max` bytes are read,
// then the stream is destroyed. A body that fails midway gives what arrived.

import type { Readable } from 'node:stream';

export async function readSome(stream: Readable, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= max) break;
    }
  } catch {
    // Only wanted for its error text.
  }
  stream.destroy();
  return Buffer.concat(chunks).toString('utf8');
}
