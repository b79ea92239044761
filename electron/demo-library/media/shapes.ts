// Signed distance fields for 2-D shapes, in "design units" (the artwork's own coordinate system,
// y pointing down). Negative inside, positive outside. Distances give the canvas exact
// anti-aliasing, outlines (grow) and soft shadows for free.

export type Bounds = readonly [x0: number, y0: number, x1: number, y1: number];

export interface Shape {
  sdf(x: number, y: number): number;
  bounds: Bounds;
}

type Point = readonly [number, number];

export function circle(cx: number, cy: number, r: number): Shape {
  return {
    sdf: (x, y) => Math.hypot(x - cx, y - cy) - r,
    bounds: [cx - r, cy - r, cx + r, cy + r],
  };
}

/** Ellipse, using the gradient-normalized approximation (good near the edge, where it matters). */
export function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return {
    sdf: (x, y) => {
      const px = (x - cx) / rx;
      const py = (y - cy) / ry;
      const k0 = Math.hypot(px, py);
      const k1 = Math.hypot(px / rx, py / ry);
      return k1 === 0 ? -Math.min(rx, ry) : (k0 * (k0 - 1)) / k1;
    },
    bounds: [cx - rx, cy - ry, cx + rx, cy + ry],
  };
}

export function roundRect(cx: number, cy: number, hw: number, hh: number, r: number): Shape {
  return {
    sdf: (x, y) => {
      const qx = Math.abs(x - cx) - hw + r;
      const qy = Math.abs(y - cy) - hh + r;
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    },
    bounds: [cx - hw, cy - hh, cx + hw, cy + hh],
  };
}

/** A line segment with round caps of radius r. */
export function capsule(ax: number, ay: number, bx: number, by: number, r: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy || 1e-9;
  return {
    sdf: (x, y) => {
      const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
      return Math.hypot(x - ax - dx * t, y - ay - dy * t) - r;
    },
    bounds: [
      Math.min(ax, bx) - r,
      Math.min(ay, by) - r,
      Math.max(ax, bx) + r,
      Math.max(ay, by) + r,
    ],
  };
}

/** Any simple polygon (exact distance, winding-number sign). */
export function polygon(points: readonly Point[]): Shape {
  const n = points.length;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    sdf: (x, y) => {
      let d = Infinity;
      let inside = false;
      for (let i = 0, j = n - 1; i < n; j = i, i++) {
        const xi = xs[i] as number;
        const yi = ys[i] as number;
        const xj = xs[j] as number;
        const yj = ys[j] as number;
        const ex = xj - xi;
        const ey = yj - yi;
        const wx = x - xi;
        const wy = y - yi;
        const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey || 1e-9)));
        const bx = wx - ex * t;
        const by = wy - ey * t;
        d = Math.min(d, bx * bx + by * by);
        if (yi > y !== yj > y && x < (ex * (y - yi)) / (ey || 1e-9) + xi) inside = !inside;
      }
      return inside ? -Math.sqrt(d) : Math.sqrt(d);
    },
    bounds: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
}

export function star(
  cx: number,
  cy: number,
  outer: number,
  inner: number,
  spikes = 5,
  rotation = 0,
): Shape {
  const pts: Point[] = [];
  for (let i = 0; i < spikes * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = rotation - Math.PI / 2 + (i * Math.PI) / spikes;
    pts.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
  }
  return polygon(pts);
}

/** A heart centred on (cx, cy), about 2*size wide. Exact SDF after Inigo Quilez. */
export function heart(cx: number, cy: number, size: number): Shape {
  const s = size * 1.6;
  return {
    sdf: (x, y) => {
      const px = Math.abs(x - cx) / s;
      const py = (cy - y) / s + 0.52;
      let d: number;
      if (py + px > 1) {
        d = Math.hypot(px - 0.25, py - 0.75) - Math.SQRT2 / 4;
      } else {
        const m = 0.5 * Math.max(px + py, 0);
        const d1 = px * px + (py - 1) * (py - 1);
        const d2 = (px - m) * (px - m) + (py - m) * (py - m);
        d = Math.sqrt(Math.min(d1, d2)) * Math.sign(px - py);
      }
      return d * s;
    },
    bounds: [cx - 0.65 * s, cy - 0.62 * s, cx + 0.65 * s, cy + 0.55 * s],
  };
}

/**
 * A stroked circular arc from angle a0 to a1 (radians, clockwise on screen since y points down),
 * with round caps and half-thickness w.
 */
export function arc(cx: number, cy: number, r: number, a0: number, a1: number, w: number): Shape {
  const mid = (a0 + a1) / 2;
  const half = Math.abs(a1 - a0) / 2;
  const ends: Point[] = [
    [cx + Math.cos(a0) * r, cy + Math.sin(a0) * r],
    [cx + Math.cos(a1) * r, cy + Math.sin(a1) * r],
  ];
  return {
    sdf: (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      let delta = Math.atan2(dy, dx) - mid;
      delta = Math.atan2(Math.sin(delta), Math.cos(delta));
      if (Math.abs(delta) <= half) return Math.abs(Math.hypot(dx, dy) - r) - w;
      const [e0, e1] = ends as [Point, Point];
      return Math.min(Math.hypot(x - e0[0], y - e0[1]), Math.hypot(x - e1[0], y - e1[1])) - w;
    },
    bounds: [cx - r - w, cy - r - w, cx + r + w, cy + r + w],
  };
}

export function union(...shapes: Shape[]): Shape {
  return {
    sdf: (x, y) => {
      let d = Infinity;
      for (const s of shapes) d = Math.min(d, s.sdf(x, y));
      return d;
    },
    bounds: [
      Math.min(...shapes.map((s) => s.bounds[0])),
      Math.min(...shapes.map((s) => s.bounds[1])),
      Math.max(...shapes.map((s) => s.bounds[2])),
      Math.max(...shapes.map((s) => s.bounds[3])),
    ],
  };
}

/** Smooth union (blobby joins), k = blend radius. */
export function blend(k: number, ...shapes: Shape[]): Shape {
  const u = union(...shapes);
  return {
    sdf: (x, y) => {
      let d = Infinity;
      for (const s of shapes) {
        const e = s.sdf(x, y);
        if (d === Infinity) {
          d = e;
          continue;
        }
        const h = Math.max(k - Math.abs(d - e), 0) / k;
        d = Math.min(d, e) - h * h * k * 0.25;
      }
      return d;
    },
    bounds: u.bounds,
  };
}

export function subtract(base: Shape, cut: Shape): Shape {
  return { sdf: (x, y) => Math.max(base.sdf(x, y), -cut.sdf(x, y)), bounds: base.bounds };
}

/** Grows (r > 0) or shrinks the shape; growing also rounds its corners. */
export function grow(shape: Shape, r: number): Shape {
  const [x0, y0, x1, y1] = shape.bounds;
  return { sdf: (x, y) => shape.sdf(x, y) - r, bounds: [x0 - r, y0 - r, x1 + r, y1 + r] };
}

/** The outline band of a shape, half-thickness w. */
export function ring(shape: Shape, w: number): Shape {
  const [x0, y0, x1, y1] = shape.bounds;
  return { sdf: (x, y) => Math.abs(shape.sdf(x, y)) - w, bounds: [x0 - w, y0 - w, x1 + w, y1 + w] };
}

export function translate(shape: Shape, dx: number, dy: number): Shape {
  const [x0, y0, x1, y1] = shape.bounds;
  return { sdf: (x, y) => shape.sdf(x - dx, y - dy), bounds: [x0 + dx, y0 + dy, x1 + dx, y1 + dy] };
}

/** Rotates around (px, py); bounds grow to the rotated box's circumscribed square. */
export function rotate(shape: Shape, angle: number, px: number, py: number): Shape {
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  const [x0, y0, x1, y1] = shape.bounds;
  const reach = Math.max(
    ...[
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ].map(([x, y]) => Math.hypot((x as number) - px, (y as number) - py)),
  );
  return {
    sdf: (x, y) => {
      const dx = x - px;
      const dy = y - py;
      return shape.sdf(px + dx * c - dy * s, py + dx * s + dy * c);
    },
    bounds: [px - reach, py - reach, px + reach, py + reach],
  };
}

/** Uniform scale around (px, py). */
export function scale(shape: Shape, k: number, px: number, py: number): Shape {
  const [x0, y0, x1, y1] = shape.bounds;
  return {
    sdf: (x, y) => shape.sdf(px + (x - px) / k, py + (y - py) / k) * k,
    bounds: [px + (x0 - px) * k, py + (y0 - py) * k, px + (x1 - px) * k, py + (y1 - py) * k],
  };
}
