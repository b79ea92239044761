import { describe, expect, it } from 'vitest';
import { Canvas, hex } from '../../../electron/demo-library/media/canvas';
import { encodePng } from '../../../electron/demo-library/media/png';
import { circle } from '../../../electron/demo-library/media/shapes';
import { renderStickerGif } from '../../../electron/demo-library/media/stickers';
import { encodeWav } from '../../../electron/demo-library/media/wav';
import { decodePng, summarizeGif, summarizeWav } from './helpers/decoders';

describe('encodePng', () => {
  it('round-trips RGBA pixels exactly through an independent decoder', async () => {
    const width = 37;
    const height = 23;
    const data = new Uint8Array(width * height * 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919 + (i >> 5) * 31) & 0xff;
    const png = await encodePng({ width, height, data });
    const decoded = decodePng(png);
    expect(decoded.colorType).toBe(6);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(data))).toBe(true);
  });

  it('writes opaque images as RGB', async () => {
    const data = new Uint8Array(4 * 4 * 4).map((_, i) => (i % 4 === 3 ? 255 : i * 3));
    const decoded = decodePng(await encodePng({ width: 4, height: 4, data }));
    expect(decoded.colorType).toBe(2);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(data))).toBe(true);
  });

  it('rejects a buffer of the wrong size', async () => {
    await expect(encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).rejects.toThrow();
  });
});

describe('Canvas', () => {
  it('anti-aliases edges: a disc has opaque, transparent and partial pixels', () => {
    const canvas = new Canvas(64, 64);
    canvas.fill(circle(50, 50, 30), hex('#ff0000'));
    const { data } = canvas.toImage();
    const alphas = new Set<number>();
    for (let i = 3; i < data.length; i += 4) alphas.add(data[i] as number);
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
    expect(alphas.size).toBeGreaterThan(10);
    const centre = (32 * 64 + 32) * 4;
    expect([...data.subarray(centre, centre + 4)]).toEqual([255, 0, 0, 255]);
  });
});

describe('renderStickerGif', () => {
  it('writes every frame with transparency and the stated duration', () => {
    const gif = renderStickerGif('heartbeat', 48, 6, 50);
    const summary = summarizeGif(gif.bytes);
    expect(summary.frames).toBe(6);
    expect(summary.transparentFrames).toBe(6);
    expect(summary.duration).toBeCloseTo(gif.duration, 5);
    expect(gif.duration).toBeCloseTo(0.3, 5);
  });
});

describe('encodeWav', () => {
  it('writes a PCM header matching the samples', () => {
    const rate = 22050;
    const left = new Float32Array(rate).map((_, i) => Math.sin(i / 10) * 0.5);
    const right = new Float32Array(rate).map((_, i) => (i % 2 ? 2 : -2)); // clipped
    const wav = encodeWav({ sampleRate: rate, channels: [left, right] });
    const summary = summarizeWav(wav.bytes);
    expect(summary).toMatchObject({
      format: 1,
      channels: 2,
      sampleRate: rate,
      bitsPerSample: 16,
      byteRate: rate * 4,
    });
    expect(summary.duration).toBe(1);
    expect(wav.duration).toBe(1);
    expect(wav.bitrate).toBe(rate * 4 * 8);
    expect(wav.bytes.readInt16LE(44 + 2)).toBe(-32767);
    expect(wav.bytes.readInt16LE(44 + 6)).toBe(32767);
  });
});
