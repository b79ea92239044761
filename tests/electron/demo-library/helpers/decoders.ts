// Independent decoders for the generated media, used to check that files are what their
// metadata claims: a PNG reader (chunk CRCs, IHDR, inflate + unfilter), a GIF block walker and a
// WAV header parser.

import { inflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  /** RGBA, 8 bits per channel (alpha 255 for RGB images). */
  rgba: Uint8Array;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== crc)
      throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs expected');
      colorType = data[9] as number;
      if (data[12] !== 0) throw new Error('interlaced PNG not expected');
    } else if (type === 'IDAT') {
      idat.push(Buffer.from(data));
    } else if (type === 'IEND') {
      sawEnd = true;
    }
    offset += 12 + length;
  }
  if (!sawEnd) throw new Error('PNG without IEND');
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (bpp === 0) throw new Error(`unexpected color type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  if (raw.length !== (stride + 1) * height) throw new Error('IDAT size does not match IHDR');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= bpp ? (pixels[y * stride + i - bpp] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] as number) : 0;
      const c = i >= bpp && y > 0 ? (pixels[(y - 1) * stride + i - bpp] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad filter ${filter}`);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) rgba[p * 4 + k] = pixels[p * bpp + k] as number;
    rgba[p * 4 + 3] = bpp === 4 ? (pixels[p * 4 + 3] as number) : 255;
  }
  return { width, height, colorType, rgba };
}

export interface GifSummary {
  width: number;
  height: number;
  frames: number;
  /** Sum of the frame delays, seconds. */
  duration: number;
  transparentFrames: number;
  loops: boolean;
}

export function summarizeGif(bytes: Uint8Array): GifSummary {
  const buf = Buffer.from(bytes);
  const header = buf.toString('latin1', 0, 6);
  if (header !== 'GIF89a' && header !== 'GIF87a') throw new Error('not a GIF');
  const width = buf.readUInt16LE(6);
  const height = buf.readUInt16LE(8);
  const packed = buf[10] as number;
  let offset = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let frames = 0;
  let delay = 0;
  let transparentFrames = 0;
  let loops = false;
  const skipSubBlocks = () => {
    while (buf[offset] !== 0) offset += (buf[offset] as number) + 1;
    offset += 1;
  };
  for (;;) {
    const introducer = buf[offset];
    if (introducer === 0x3b) break;
    if (introducer === 0x21) {
      const label = buf[offset + 1];
      if (label === 0xf9) {
        delay += buf.readUInt16LE(offset + 4) / 100;
        if ((buf[offset + 3] as number) & 1) transparentFrames++;
      }
      if (label === 0xff && buf.toString('latin1', offset + 3, offset + 14) === 'NETSCAPE2.0')
        loops = true;
      offset += 2;
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      frames++;
      const local = buf[offset + 9] as number;
      offset += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      offset += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${(introducer ?? 0).toString(16)} at ${offset}`);
    }
    if (offset >= buf.length) throw new Error('GIF without trailer');
  }
  return { width, height, frames, duration: delay, transparentFrames, loops };
}

export interface WavSummary {
  format: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  bitsPerSample: number;
  dataBytes: number;
  duration: number;
  /** Root mean square of all samples, 0..1. */
  rms: number;
  peak: number;
}

export function summarizeWav(bytes: Uint8Array): WavSummary {
  const buf = Buffer.from(bytes);
  if (buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('not a WAV');
  if (buf.readUInt32LE(4) !== buf.length - 8) throw new Error('RIFF size does not match the file');
  let offset = 12;
  let fmt: Omit<WavSummary, 'dataBytes' | 'duration' | 'rms' | 'peak'> | null = null;
  while (offset < buf.length) {
    const id = buf.toString('latin1', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('data before fmt');
      let sum = 0;
      let peak = 0;
      const samples = size / 2;
      for (let i = 0; i < samples; i++) {
        const v = buf.readInt16LE(body + i * 2) / 32768;
        sum += v * v;
        peak = Math.max(peak, Math.abs(v));
      }
      return {
        ...fmt,
        dataBytes: size,
        duration: size / fmt.byteRate,
        rms: Math.sqrt(sum / samples),
        peak,
      };
    }
    offset = body + size + (size & 1);
  }
  throw new Error('WAV without data chunk');
}
