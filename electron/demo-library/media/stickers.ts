// Renders sticker designs to files: still PNGs with real alpha, and looping GIFs whose
// transparent background is palette index 0 (GIF transparency is 1-bit, so GIF frames are drawn
// without the soft shadow and their alpha is thresholded).

import * as gifenc from 'gifenc';
import { Canvas } from './canvas';
import { encodePng } from './png';
import { STICKER_DESIGNS } from './sticker-designs';
import type { StickerDesignId } from './sticker-designs';

// gifenc ships CommonJS (what Node loads; its named exports are not detected) and ESM (what
// Vite bundles). A namespace import with a fallback to the CommonJS exports object works in both.
type Gifenc = Pick<typeof gifenc, 'GIFEncoder' | 'applyPalette' | 'quantize'>;
const { GIFEncoder, applyPalette, quantize }: Gifenc =
  typeof gifenc.GIFEncoder === 'function' ? gifenc : (gifenc.default as Gifenc);

export async function renderStickerPng(design: StickerDesignId, size: number): Promise<Buffer> {
  const canvas = new Canvas(size, size);
  STICKER_DESIGNS[design](canvas, { shadow: true }, 0);
  return encodePng(canvas.toImage());
}

export interface GifResult {
  bytes: Buffer;
  frames: number;
  /** Loop length in seconds (frames x delay). */
  duration: number;
}

export function renderStickerGif(
  design: StickerDesignId,
  size: number,
  frames: number,
  delayMs: number,
): GifResult {
  const images = [];
  for (let f = 0; f < frames; f++) {
    const canvas = new Canvas(size, size);
    STICKER_DESIGNS[design](canvas, { shadow: false }, f / frames);
    images.push(canvas.toImage(0.5).data);
  }
  // One palette for the whole loop (from the opaque pixels of every frame), so colors do not
  // flicker between frames; index 0 is reserved for transparency.
  const opaque: number[] = [];
  for (const data of images) {
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] === 255)
        opaque.push(data[i] as number, data[i + 1] as number, data[i + 2] as number, 255);
    }
  }
  const colors = quantize(Uint8Array.from(opaque), 255, { format: 'rgb565' });
  const palette = [[0, 0, 0], ...colors];
  const gif = GIFEncoder();
  for (const data of images) {
    const mapped = applyPalette(data, colors, 'rgb565');
    const index = new Uint8Array(mapped.length);
    for (let p = 0; p < mapped.length; p++) {
      index[p] = data[p * 4 + 3] === 255 ? (mapped[p] as number) + 1 : 0;
    }
    gif.writeFrame(index, size, size, {
      palette,
      transparent: true,
      transparentIndex: 0,
      delay: delayMs,
      repeat: 0,
      dispose: 2,
    });
  }
  gif.finish();
  return { bytes: Buffer.from(gif.bytes()), frames, duration: (frames * delayMs) / 1000 };
}
