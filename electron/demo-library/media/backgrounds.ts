// Background images: gradients, solid colors and procedurally drawn scenes. Scenes are written in
// height units (y 0..1 top to bottom, x 0..aspect), so a 1920x1080 image and its 400 px cover are
// the same picture. A 4x4 ordered dither keeps wide gradients free of banding.

import type { RgbaImage } from './png';
import { seededRng } from './synth';
import type { Rng } from './synth';

export type Rgb = readonly [number, number, number];

export function rgb(color: string): Rgb {
  const v = Number.parseInt(color.replace('#', ''), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

function lerp(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Samples evenly spaced colors at t in 0..1 with smooth interpolation. */
export function ramp(colors: readonly Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (colors.length - 1);
  const i = Math.min(colors.length - 2, Math.floor(x));
  const f = x - i;
  return lerp(colors[i] as Rgb, colors[i + 1] as Rgb, f * f * (3 - 2 * f));
}

const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5].map(
  (v) => (v / 16 - 0.5) / 255,
);

export class Raster {
  readonly width: number;
  readonly height: number;
  readonly aspect: number;
  /** One pixel in height units. */
  readonly pixel: number;
  private readonly px: Float32Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.aspect = width / height;
    this.pixel = 1 / height;
    this.px = new Float32Array(width * height * 3);
  }

  /** Sets every pixel from a function of (x, y). */
  shade(fn: (x: number, y: number) => Rgb): void {
    for (let py = 0; py < this.height; py++) {
      const y = (py + 0.5) / this.height;
      for (let px = 0; px < this.width; px++) {
        const c = fn((px + 0.5) / this.height, y);
        const i = (py * this.width + px) * 3;
        this.px[i] = c[0];
        this.px[i + 1] = c[1];
        this.px[i + 2] = c[2];
      }
    }
  }

  private blendAt(i: number, c: Rgb, a: number, additive: boolean): void {
    for (let k = 0; k < 3; k++) {
      const cur = this.px[i + k] as number;
      this.px[i + k] = additive ? cur + c[k]! * a : cur + (c[k]! - cur) * a;
    }
  }

  /** A soft-edged disc; softness is the fraction of the radius that fades out. */
  disc(
    cx: number,
    cy: number,
    r: number,
    c: Rgb,
    alpha: number,
    softness = 0,
    additive = false,
  ): void {
    const h = this.height;
    const x0 = Math.max(0, Math.floor((cx - r) * h) - 1);
    const x1 = Math.min(this.width, Math.ceil((cx + r) * h) + 1);
    const y0 = Math.max(0, Math.floor((cy - r) * h) - 1);
    const y1 = Math.min(this.height, Math.ceil((cy + r) * h) + 1);
    const edge = Math.max(this.pixel, r * softness);
    for (let py = y0; py < y1; py++) {
      for (let px = x0; px < x1; px++) {
        const d = Math.hypot((px + 0.5) / h - cx, (py + 0.5) / h - cy);
        const cover = Math.min(1, Math.max(0, (r - d) / edge));
        if (cover > 0)
          this.blendAt(
            (py * this.width + px) * 3,
            c,
            alpha * cover * cover * (3 - 2 * cover),
            additive,
          );
      }
    }
  }

  /**
   * Fills everything below a skyline y = top(x), anti-aliased along the edge, colored by
   * fill(x, depth) where depth is the distance below the edge.
   */
  below(top: (x: number) => number, fill: (x: number, depth: number) => Rgb, alpha = 1): void {
    for (let px = 0; px < this.width; px++) {
      const x = (px + 0.5) / this.height;
      const edge = top(x);
      const start = Math.max(0, Math.floor(edge * this.height) - 1);
      for (let py = start; py < this.height; py++) {
        const y = (py + 0.5) / this.height;
        const cover = Math.min(1, Math.max(0, (y - edge) / this.pixel + 0.5));
        if (cover > 0)
          this.blendAt((py * this.width + px) * 3, fill(x, y - edge), alpha * cover, false);
      }
    }
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb, alpha = 1): void {
    const h = this.height;
    for (
      let py = Math.max(0, Math.round(y0 * h));
      py < Math.min(this.height, Math.round(y1 * h));
      py++
    ) {
      for (
        let px = Math.max(0, Math.round(x0 * h));
        px < Math.min(this.width, Math.round(x1 * h));
        px++
      ) {
        this.blendAt((py * this.width + px) * 3, c, alpha, false);
      }
    }
  }

  toImage(): RgbaImage {
    const data = new Uint8Array(this.width * this.height * 4);
    for (let py = 0; py < this.height; py++) {
      for (let px = 0; px < this.width; px++) {
        const i = py * this.width + px;
        const d = BAYER[(py & 3) * 4 + (px & 3)] as number;
        for (let k = 0; k < 3; k++) {
          data[i * 4 + k] = Math.round(
            Math.min(1, Math.max(0, (this.px[i * 3 + k] as number) + d)) * 255,
          );
        }
        data[i * 4 + 3] = 255;
      }
    }
    return { width: this.width, height: this.height, data };
  }
}

/** Smooth 1-D value noise from a few sines; deterministic ridge lines for hills and waves. */
function ridge(x: number, seed: number, detail = 1): number {
  return (
    Math.sin(x * 2.1 + seed) * 0.5 +
    Math.sin(x * 4.7 + seed * 1.7) * 0.25 * detail +
    Math.sin(x * 11.3 + seed * 2.3) * 0.1 * detail +
    Math.sin(x * 23.9 + seed * 3.1) * 0.04 * detail
  );
}

export type SceneId =
  | 'dawn'
  | 'ocean'
  | 'aurora'
  | 'peach'
  | 'sunsetHills'
  | 'starryNight'
  | 'seaside'
  | 'bokeh'
  | 'cityNight';

type Scene = (r: Raster, rng: Rng) => void;

const SCENES: Record<SceneId, Scene> = {
  dawn(r) {
    const sky = ['#ffd6a5', '#ffadad', '#cdb4db', '#a2b5e8'].map(rgb);
    r.shade((x, y) => {
      const glow = Math.exp(-((x - r.aspect * 0.7) ** 2 + (y - 0.2) ** 2) * 3) * 0.18;
      const c = ramp(sky, y * 0.9 + x * 0.05);
      return [c[0] + glow, c[1] + glow * 0.8, c[2] + glow * 0.6];
    });
  },
  ocean(r) {
    const colors = ['#48cae4', '#0096c7', '#023e8a', '#03045e'].map(rgb);
    r.shade((x, y) => ramp(colors, (x / r.aspect) * 0.45 + y * 0.55));
  },
  aurora(r) {
    const corners = ['#a8ffce', '#5ee7df', '#b490ca', '#f6a6c1'].map(rgb) as Rgb[];
    r.shade((x, y) => {
      const u = x / r.aspect;
      const wave = Math.sin(u * 5 + y * 3) * 0.08;
      const top = lerp(corners[0] as Rgb, corners[1] as Rgb, u);
      const bottom = lerp(corners[2] as Rgb, corners[3] as Rgb, u);
      return lerp(top, bottom, Math.min(1, Math.max(0, y + wave)));
    });
  },
  peach(r) {
    const colors = ['#fff1e6', '#fde2e4', '#fad2e1', '#e2b4bd'].map(rgb);
    r.shade((x, y) => ramp(colors, Math.hypot(x - r.aspect / 2, (y - 0.45) * 1.4) / 0.95));
  },
  sunsetHills(r) {
    const sky = ['#2d1b69', '#7b2d8e', '#e4577a', '#ff9e5e', '#ffd88a'].map(rgb);
    r.shade((_x, y) => ramp(sky, y / 0.72));
    const sunX = r.aspect * 0.62;
    r.disc(sunX, 0.56, 0.34, rgb('#ffb36b'), 0.35, 1, true);
    r.disc(sunX, 0.56, 0.11, rgb('#fff1c1'), 1, 0.06);
    const layers = ['#c2577a', '#8e3b74', '#5a2a65', '#2f1b4a'].map(rgb);
    layers.forEach((c, i) => {
      const base = 0.6 + i * 0.1;
      const amp = 0.07 - i * 0.01;
      const haze = rgb('#ff9e7a');
      r.below(
        (x) => base + ridge(x * (1.2 + i * 0.35), i * 5.1, 1) * amp,
        (_x, depth) => lerp(lerp(c, haze, 0.25 - i * 0.06), c, Math.min(1, depth * 8)),
      );
    });
  },
  starryNight(r, rng) {
    const sky = ['#050a24', '#0d1b4c', '#27306b', '#4b3f8f'].map(rgb);
    r.shade((x, y) => {
      const band = Math.exp(-(((y - 0.75 + x * 0.35) * 3.2) ** 2)) * 0.12;
      const c = ramp(sky, y * 0.95);
      return [c[0] + band * 0.8, c[1] + band * 0.7, c[2] + band];
    });
    for (let i = 0; i < 700; i++) {
      const x = rng() * r.aspect;
      const y = rng() ** 1.4 * 0.8;
      const size = (0.4 + rng() ** 6 * 2.2) * 0.0012;
      const warm = rng();
      const c: Rgb = warm > 0.8 ? [1, 0.85, 0.7] : warm < 0.2 ? [0.75, 0.85, 1] : [1, 1, 1];
      r.disc(x, y, Math.max(size, r.pixel * 0.9), c, 0.55 + rng() * 0.45, 0.8, true);
      if (size > 0.0024) r.disc(x, y, size * 5, c, 0.12, 1, true);
    }
    r.disc(r.aspect * 0.22, 0.2, 0.06, rgb('#fff8e1'), 1, 0.04);
    r.disc(r.aspect * 0.22 + 0.025, 0.185, 0.055, rgb('#0d1b4c'), 1, 0.04);
    r.disc(r.aspect * 0.22, 0.2, 0.2, rgb('#fff8e1'), 0.08, 1, true);
    r.below(
      (x) => 0.8 + ridge(x * 1.6, 2.2) * 0.08,
      () => rgb('#141433'),
    );
    r.below(
      (x) => 0.88 + ridge(x * 2.4, 7.7) * 0.05,
      () => rgb('#0a0a1f'),
    );
  },
  seaside(r) {
    const sky = ['#8ecae6', '#bde0fe', '#ffe5d9'].map(rgb);
    r.shade((_x, y) => ramp(sky, y / 0.55));
    r.disc(r.aspect * 0.3, 0.42, 0.3, rgb('#ffd8a8'), 0.22, 1, true);
    r.disc(r.aspect * 0.3, 0.42, 0.06, rgb('#fff4d6'), 1, 0.08);
    const sea = ['#48b5d9', '#1d7fb3', '#0b4f7c'].map(rgb);
    r.below(
      () => 0.55,
      (_x, depth) => ramp(sea, depth / 0.45),
    );
    for (let i = 0; i < 6; i++) {
      const base = 0.6 + i * 0.075;
      const amp = 0.008 + i * 0.004;
      const freq = 14 - i * 1.6;
      r.below(
        (x) => base + Math.sin(x * freq + i * 1.3) * amp + Math.sin(x * freq * 2.3 + i) * amp * 0.3,
        (_x, depth) =>
          lerp(
            rgb('#cdeef5'),
            ramp(sea, (base - 0.55 + depth) / 0.45),
            Math.min(1, depth / (0.006 + i * 0.002)),
          ),
        0.75,
      );
    }
  },
  bokeh(r, rng) {
    const bg = ['#1a1033', '#3a1c5c', '#6a2c70'].map(rgb);
    r.shade((x, y) => ramp(bg, (x / r.aspect) * 0.6 + y * 0.4));
    const palette = ['#ff9a8b', '#ffd56b', '#a0e7e5', '#b4a7ff', '#ff6f91'].map(rgb);
    for (let i = 0; i < 90; i++) {
      const c = palette[Math.floor(rng() * palette.length)] as Rgb;
      const big = rng() < 0.3;
      const rad = big ? 0.06 + rng() * 0.08 : 0.015 + rng() * 0.035;
      r.disc(
        rng() * r.aspect,
        rng(),
        rad,
        c,
        big ? 0.14 : 0.3 + rng() * 0.3,
        big ? 0.5 : 0.18,
        true,
      );
    }
  },
  cityNight(r, rng) {
    const sky = ['#0b1026', '#2b1d4f', '#7a3b69', '#f08a5d'].map(rgb);
    r.shade((_x, y) => ramp(sky, y / 0.85));
    r.disc(r.aspect * 0.8, 0.18, 0.045, rgb('#fdf0d5'), 1, 0.05);
    r.disc(r.aspect * 0.8, 0.18, 0.16, rgb('#fdf0d5'), 0.08, 1, true);
    for (const layer of [0, 1]) {
      let x = -0.02;
      while (x < r.aspect) {
        const w = 0.05 + rng() * 0.09;
        const top = (layer === 0 ? 0.42 : 0.55) + rng() * 0.22;
        const body = layer === 0 ? rgb('#2a2346') : rgb('#141127');
        r.rect(x, top, x + w - 0.004, 1, body);
        if (layer === 1) {
          for (let wy = top + 0.02; wy < 0.97; wy += 0.028) {
            for (let wx = x + 0.01; wx < x + w - 0.015; wx += 0.018) {
              if (rng() < 0.42)
                r.rect(
                  wx,
                  wy,
                  wx + 0.008,
                  wy + 0.012,
                  rgb(rng() < 0.7 ? '#ffd27d' : '#9ad1ff'),
                  0.9,
                );
            }
          }
        }
        x += w;
      }
    }
  },
};

export function renderScene(id: SceneId, width: number, height: number, seed: number): RgbaImage {
  const r = new Raster(width, height);
  SCENES[id](r, seededRng(seed));
  return r.toImage();
}

export function renderSolid(color: string, width: number, height: number): RgbaImage {
  const [cr, cg, cb] = rgb(color).map((v) => Math.round(v * 255)) as [number, number, number];
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = cr;
    data[i + 1] = cg;
    data[i + 2] = cb;
    data[i + 3] = 255;
  }
  return { width, height, data };
}
