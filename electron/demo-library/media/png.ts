// A small PNG encoder: 8-bit RGBA (color type 6) or RGB (type 2) when every pixel is opaque.
// Rows use the adaptive per-row filter choice that libpng uses (minimum sum of absolute
// differences), which keeps gradients and flat artwork small. Compression runs on libuv's thread
// pool through the async zlib API, so generation does not freeze the process that hosts it.

import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

/** Straight (not premultiplied) 8-bit RGBA pixels, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, payload: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + payload.length);
  out.writeUInt32BE(payload.length, 0);
  out.write(type, 4, 'latin1');
  out.set(payload, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + payload.length)), 8 + payload.length);
  return out;
}

function isOpaque(image: RgbaImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return false;
  return true;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Filters every row (type byte + filtered bytes), choosing the filter per row. */
function filterRows(raw: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array((rowBytes + 1) * height);
  const sub = new Uint8Array(rowBytes);
  const up = new Uint8Array(rowBytes);
  const pae = new Uint8Array(rowBytes);
  const zeroRow = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y === 0 ? zeroRow : raw.subarray((y - 1) * rowBytes, y * rowBytes);
    let sNone = 0;
    let sSub = 0;
    let sUp = 0;
    let sPae = 0;
    for (let i = 0; i < rowBytes; i++) {
      const x = row[i]!;
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      const vs = (x - a) & 0xff;
      const vu = (x - b) & 0xff;
      const vp = (x - paeth(a, b, c)) & 0xff;
      sub[i] = vs;
      up[i] = vu;
      pae[i] = vp;
      sNone += x < 128 ? x : 256 - x;
      sSub += vs < 128 ? vs : 256 - vs;
      sUp += vu < 128 ? vu : 256 - vu;
      sPae += vp < 128 ? vp : 256 - vp;
    }
    const offset = y * (rowBytes + 1);
    let type = 0;
    let best = sNone;
    let bytes: Uint8Array = row;
    if (sSub < best) [type, best, bytes] = [1, sSub, sub];
    if (sUp < best) [type, best, bytes] = [2, sUp, up];
    if (sPae < best) [type, bytes] = [4, pae];
    out[offset] = type;
    out.set(bytes, offset + 1);
  }
  return out;
}

export async function encodePng(image: RgbaImage): Promise<Buffer> {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new Error('PNG: pixel buffer size mismatch');
  const opaque = isOpaque(image);
  const bpp = opaque ? 3 : 4;
  let raw = data;
  if (opaque) {
    raw = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
      raw[j] = data[i] as number;
      raw[j + 1] = data[i + 1] as number;
      raw[j + 2] = data[i + 2] as number;
    }
  }
  const filtered = filterRows(raw, width * bpp, height, bpp);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = opaque ? 2 : 6; // color type
  // compression, filter method and interlace stay 0
  const idat = await deflateAsync(filtered, { level: 6, memLevel: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
