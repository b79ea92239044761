// Drawing vocabulary shared by the sticker designs: the die-cut white border with a soft drop
// shadow that makes a drawing read as a sticker, dark ink outlines, glossy highlights and the
// parts of cartoon faces. Coordinates are design units on a 100 x 100 board.

import { hex, linear } from './canvas';
import type { Canvas, Paint, Rgba } from './canvas';
import {
  arc,
  blend,
  capsule,
  circle,
  ellipse,
  grow,
  heart,
  polygon,
  ring,
  star,
  translate,
} from './shapes';
import type { Shape } from './shapes';

export const INK = hex('#3b2a3f');
export const WHITE = hex('#ffffff');

export interface StickerStyle {
  /** Soft drop shadow; off for GIF frames, whose 1-bit transparency cannot hold it. */
  shadow: boolean;
}

/** White die-cut border (with a blurred shadow) around the union of the artwork's parts. */
export function dieCut(c: Canvas, style: StickerStyle, parts: Shape[], border = 3.6): void {
  const outline = grow(parts.length === 1 ? (parts[0] as Shape) : blend(8, ...parts), border);
  if (style.shadow) {
    c.fill(translate(outline, 0.6, 1.8), hex('#2a1f3d', 0.32), { soft: c.scale * 3.2 });
  }
  c.fill(outline, WHITE);
}

/** A filled shape with a dark ink outline. */
export function inked(c: Canvas, shape: Shape, paint: Paint, weight = 1.15): void {
  c.fill(shape, paint);
  c.fill(ring(shape, weight), INK);
}

/** Top-to-bottom two-tone fill over a shape's bounds. */
export function vertical(shape: Shape, top: string, bottom: string): Paint {
  const [, y0, , y1] = shape.bounds;
  return linear(0, y0, 0, y1, hex(top), hex(bottom));
}

export function gloss(c: Canvas, cx: number, cy: number, rx: number, ry: number): void {
  c.fill(ellipse(cx, cy, rx, ry), hex('#ffffff', 0.55), { soft: c.scale * 1.2 });
}

export function blush(c: Canvas, cx: number, cy: number, size = 1): void {
  const color: Rgba = hex('#ff6f91', 0.45);
  c.fill(ellipse(cx, cy, 5.5 * size, 3.2 * size), color, { soft: c.scale * 1.6 });
}

/** An open cartoon eye with a catch-light; openness 0..1 squashes it for blinks. */
export function eye(c: Canvas, cx: number, cy: number, size = 1, openness = 1): void {
  if (openness < 0.2) {
    c.fill(capsule(cx - 3.6 * size, cy, cx + 3.6 * size, cy, 1.2 * size), INK);
    return;
  }
  c.fill(ellipse(cx, cy, 3.6 * size, 5.2 * size * openness), INK);
  c.fill(circle(cx + 1.1 * size, cy - 1.8 * size * openness, 1.4 * size), WHITE);
}

/** A happy closed eye (an upturned arc). */
export function happyEye(c: Canvas, cx: number, cy: number, size = 1): void {
  c.fill(arc(cx, cy + 2 * size, 4.4 * size, Math.PI * 1.12, Math.PI * 1.88, 1.3 * size), INK);
}

export function smile(c: Canvas, cx: number, cy: number, r: number, weight = 1.5): void {
  c.fill(arc(cx, cy - r * 0.6, r, Math.PI * 0.22, Math.PI * 0.78, weight), INK);
}

/** The cat-like "ω" mouth. */
export function catMouth(c: Canvas, cx: number, cy: number, size = 1): void {
  c.fill(arc(cx - 3 * size, cy, 3 * size, Math.PI * 0.05, Math.PI * 0.95, 1 * size), INK);
  c.fill(arc(cx + 3 * size, cy, 3 * size, Math.PI * 0.05, Math.PI * 0.95, 1 * size), INK);
}

/** An open laughing mouth: a half disc with a tongue. */
export function laughMouth(c: Canvas, cx: number, cy: number, r: number): void {
  const mouth = polygonHalfDisc(cx, cy, r);
  c.fill(mouth, hex('#8c1d40'));
  c.fill(intersectShapes(circle(cx, cy + r * 0.95, r * 0.55), mouth), hex('#ff8fab'));
  c.fill(ring(mouth, 1.1), INK);
}

function polygonHalfDisc(cx: number, cy: number, r: number): Shape {
  const pts: [number, number][] = [];
  for (let i = 0; i <= 24; i++) {
    const a = (Math.PI * i) / 24;
    pts.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
  }
  return polygon(pts);
}

function intersectShapes(a: Shape, b: Shape): Shape {
  return { sdf: (x, y) => Math.max(a.sdf(x, y), b.sdf(x, y)), bounds: b.bounds };
}

export function teardrop(cx: number, cy: number, r: number): Shape {
  return blend(
    r * 0.6,
    circle(cx, cy, r),
    polygon([
      [cx - r * 0.92, cy - r * 0.3],
      [cx, cy - r * 2.6],
      [cx + r * 0.92, cy - r * 0.3],
    ]),
  );
}

/** A four-pointed sparkle. */
export function sparkle(cx: number, cy: number, r: number, rotation = 0): Shape {
  return grow(star(cx, cy, r, r * 0.22, 4, rotation), r * 0.06);
}

export function heartShape(cx: number, cy: number, size: number): Shape {
  return heart(cx, cy, size);
}

/** Round-joined polyline, for steam, whiskers and letters. */
export function polyline(points: readonly (readonly [number, number])[], r: number): Shape {
  const segments: Shape[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as readonly [number, number];
    const b = points[i] as readonly [number, number];
    segments.push(capsule(a[0], a[1], b[0], b[1], r));
  }
  return segments.length === 1
    ? (segments[0] as Shape)
    : {
        sdf: (x, y) => Math.min(...segments.map((s) => s.sdf(x, y))),
        bounds: [
          Math.min(...segments.map((s) => s.bounds[0])),
          Math.min(...segments.map((s) => s.bounds[1])),
          Math.max(...segments.map((s) => s.bounds[2])),
          Math.max(...segments.map((s) => s.bounds[3])),
        ],
      };
}
