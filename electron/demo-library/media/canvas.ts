// A floating-point RGBA canvas that paints signed-distance shapes with exact anti-aliasing.
// Artwork is described in design units (default 100 across), so one drawing renders at any
// pixel size: stickers at 512 px and their covers at 160 px come from the same code.

import type { RgbaImage } from './png';
import type { Shape } from './shapes';

/** Straight-alpha color, channels 0..1. */
export type Rgba = readonly [number, number, number, number];

export interface GradientStop {
  at: number;
  color: Rgba;
}

export type Paint =
  | Rgba
  | { kind: 'linear'; x0: number; y0: number; x1: number; y1: number; stops: GradientStop[] }
  | { kind: 'radial'; cx: number; cy: number; r: number; stops: GradientStop[] };

export interface FillOptions {
  /** Edge softness in pixels: 1 is a crisp anti-aliased edge, larger values blur (shadows, glows). */
  soft?: number;
  opacity?: number;
}

export function hex(color: string, alpha = 1): Rgba {
  const v = Number.parseInt(color.replace('#', ''), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255, alpha];
}

export function linear(x0: number, y0: number, x1: number, y1: number, ...colors: Rgba[]): Paint {
  const stops = colors.map((color, i) => ({ at: i / Math.max(1, colors.length - 1), color }));
  return { kind: 'linear', x0, y0, x1, y1, stops };
}

export function radial(cx: number, cy: number, r: number, ...colors: Rgba[]): Paint {
  const stops = colors.map((color, i) => ({ at: i / Math.max(1, colors.length - 1), color }));
  return { kind: 'radial', cx, cy, r, stops };
}

function sampleStops(stops: GradientStop[], t: number, out: Float64Array): void {
  const first = stops[0] as GradientStop;
  const last = stops[stops.length - 1] as GradientStop;
  let a = first;
  let b = last;
  if (t <= first.at) b = first;
  else if (t >= last.at) a = last;
  else {
    for (let i = 1; i < stops.length; i++) {
      const s = stops[i] as GradientStop;
      if (t <= s.at) {
        a = stops[i - 1] as GradientStop;
        b = s;
        break;
      }
    }
  }
  const span = b.at - a.at;
  const k = span > 0 ? (t - a.at) / span : 0;
  for (let c = 0; c < 4; c++) {
    out[c] = (a.color[c] as number) + ((b.color[c] as number) - (a.color[c] as number)) * k;
  }
}

const BLOCK = 8;

export class Canvas {
  readonly width: number;
  readonly height: number;
  /** Pixels per design unit. */
  readonly scale: number;
  /** Premultiplied RGBA. */
  private readonly px: Float32Array;
  private readonly color = new Float64Array(4);

  constructor(width: number, height: number, unitsAcross = 100) {
    this.width = width;
    this.height = height;
    this.scale = width / unitsAcross;
    this.px = new Float32Array(width * height * 4);
  }

  fill(shape: Shape, paint: Paint, options: FillOptions = {}): void {
    const soft = options.soft ?? 1;
    const k = this.scale;
    const pad = soft + 1;
    const [bx0, by0, bx1, by1] = shape.bounds;
    const x0 = Math.max(0, Math.floor(bx0 * k - pad));
    const y0 = Math.max(0, Math.floor(by0 * k - pad));
    const x1 = Math.min(this.width, Math.ceil(bx1 * k + pad));
    const y1 = Math.min(this.height, Math.ceil(by1 * k + pad));
    const solid = Array.isArray(paint) ? (paint as Rgba) : null;
    if (solid) for (let c = 0; c < 4; c++) this.color[c] = solid[c] as number;
    // Distance fields are (close to) 1-Lipschitz, so one sample at a block's centre tells
    // whether the whole block is outside, fully covered, or straddles the edge. Only edge
    // blocks need the field per pixel; this makes complex unions cheap.
    const reach = BLOCK * Math.SQRT1_2 * 1.5 + soft * 0.5;
    for (let by = y0; by < y1; by += BLOCK) {
      for (let bx = x0; bx < x1; bx += BLOCK) {
        const ex = Math.min(bx + BLOCK, x1);
        const ey = Math.min(by + BLOCK, y1);
        const d = shape.sdf((bx + ex) / 2 / k, (by + ey) / 2 / k) * k;
        if (d > reach) continue;
        const full = d < -reach;
        for (let py = by; py < ey; py++) {
          const y = (py + 0.5) / k;
          for (let px = bx; px < ex; px++) {
            const x = (px + 0.5) / k;
            const coverage = full
              ? 1
              : Math.min(1, Math.max(0, 0.5 - (shape.sdf(x, y) * k) / soft));
            if (coverage > 0) this.blendPixel(px, py, x, y, coverage, paint, solid, options);
          }
        }
      }
    }
  }

  private blendPixel(
    px: number,
    py: number,
    x: number,
    y: number,
    coverage: number,
    paint: Paint,
    solid: Rgba | null,
    options: FillOptions,
  ): void {
    const out = this.color;
    if (!solid) this.paintAt(paint as Exclude<Paint, Rgba>, x, y);
    const a = (out[3] as number) * coverage * (options.opacity ?? 1);
    if (a <= 0) return;
    const i = (py * this.width + px) * 4;
    const keep = 1 - a;
    this.px[i] = (out[0] as number) * a + (this.px[i] as number) * keep;
    this.px[i + 1] = (out[1] as number) * a + (this.px[i + 1] as number) * keep;
    this.px[i + 2] = (out[2] as number) * a + (this.px[i + 2] as number) * keep;
    this.px[i + 3] = a + (this.px[i + 3] as number) * keep;
  }

  private paintAt(paint: Exclude<Paint, Rgba>, x: number, y: number): void {
    let t: number;
    if (paint.kind === 'linear') {
      const dx = paint.x1 - paint.x0;
      const dy = paint.y1 - paint.y0;
      t = ((x - paint.x0) * dx + (y - paint.y0) * dy) / (dx * dx + dy * dy || 1e-9);
    } else {
      t = Math.hypot(x - paint.cx, y - paint.cy) / paint.r;
    }
    sampleStops(paint.stops, t, this.color);
  }

  /** Straight-alpha 8-bit pixels; with alphaThreshold, alpha becomes 0 or 255 (for GIF). */
  toImage(alphaThreshold?: number): RgbaImage {
    const data = new Uint8Array(this.width * this.height * 4);
    for (let i = 0; i < data.length; i += 4) {
      const a = this.px[i + 3] as number;
      if (a <= 1 / 512 || (alphaThreshold !== undefined && a < alphaThreshold)) continue;
      for (let c = 0; c < 3; c++) {
        data[i + c] = Math.round(Math.min(1, (this.px[i + c] as number) / a) * 255);
      }
      data[i + 3] = alphaThreshold === undefined ? Math.round(Math.min(1, a) * 255) : 255;
    }
    return { width: this.width, height: this.height, data };
  }
}
