// The optional /media/big.bin benchmark file: any size, produced on the fly from a 1 MiB
// pseudo-random pattern (incompressible, so no transport can cheat), streamed with back-pressure
// and never held in memory as a whole.

import { Readable } from 'node:stream';

const PATTERN_BYTES = 1 << 20;
let pattern: Buffer | null = null;

function getPattern(): Buffer {
  if (!pattern) {
    pattern = Buffer.alloc(PATTERN_BYTES);
    let x = 0x9e3779b9;
    for (let i = 0; i < PATTERN_BYTES; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      pattern.writeUInt32LE(x >>> 0, i);
    }
  }
  return pattern;
}

/** Bytes start..end (inclusive) of the big file. */
export function bigFileStream(start: number, end: number): Readable {
  const bytes = getPattern();
  let pos = start;
  return new Readable({
    highWaterMark: 256 * 1024,
    read() {
      if (pos > end) {
        this.push(null);
        return;
      }
      const offset = pos % PATTERN_BYTES;
      const n = Math.min(PATTERN_BYTES - offset, end - pos + 1, 256 * 1024);
      pos += n;
      this.push(bytes.subarray(offset, offset + n));
    },
  });
}
