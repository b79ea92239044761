// Square cover artwork for the music tracks: a gradient card, a vinyl record peeking out, a pair
// of notes and a motif for the mood (hearts for romantic, a bowl for cuisine, moon and
// mountains for Chinese style, and so on). Three palettes per mood tell the variants apart.

import { Canvas, hex, linear, radial } from './canvas';
import type { Rgba } from './canvas';
import type { Mood } from './music';
import { encodePng } from './png';
import {
  arc,
  capsule,
  circle,
  ellipse,
  grow,
  polygon,
  ring,
  rotate,
  roundRect,
  star,
  union,
} from './shapes';
import { heartShape, polyline, sparkle } from './sticker-kit';

type Palette = [string, string, string];

const PALETTES: Record<Mood, [Palette, Palette, Palette]> = {
  romantic: [
    ['#ff9a9e', '#fad0c4', '#d6336c'],
    ['#a18cd1', '#fbc2eb', '#862e9c'],
    ['#f6d365', '#fda085', '#e8590c'],
  ],
  cuisine: [
    ['#f9d423', '#ff4e50', '#c92a2a'],
    ['#fddb92', '#d1fdff', '#e67700'],
    ['#96e6a1', '#d4fc79', '#2b8a3e'],
  ],
  'chinese-style': [
    ['#2b5876', '#4e4376', '#c92a2a'],
    ['#e6dada', '#274046', '#a61e4d'],
    ['#eacda3', '#d6ae7b', '#9c1f1f'],
  ],
  upbeat: [
    ['#fddb92', '#ff9a44', '#f76707'],
    ['#84fab0', '#8fd3f4', '#1971c2'],
    ['#ffecd2', '#fcb69f', '#e8590c'],
  ],
  dynamic: [
    ['#0f0c29', '#302b63', '#fcc419'],
    ['#ff416c', '#ff4b2b', '#fff3bf'],
    ['#1e3c72', '#2a5298', '#66d9e8'],
  ],
  relaxing: [
    ['#a8edea', '#fed6e3', '#2f9e44'],
    ['#d4fc79', '#96e6a1', '#087f5b'],
    ['#c2e9fb', '#a1c4fd', '#1864ab'],
  ],
  quirky: [
    ['#f093fb', '#f5576c', '#5f3dc4'],
    ['#43e97b', '#38f9d7', '#e64980'],
    ['#fa709a', '#fee140', '#364fc7'],
  ],
  beauty: [
    ['#ee9ca7', '#ffdde1', '#c2255c'],
    ['#e0c3fc', '#8ec5fc', '#7048e8'],
    ['#f5efef', '#feada6', '#a61e4d'],
  ],
};

const INK: Rgba = hex('#2b2233');

function motif(c: Canvas, mood: Mood, accent: Rgba): void {
  const white = hex('#ffffff');
  switch (mood) {
    case 'romantic':
      c.fill(rotate(heartShape(40, 46, 17), -0.2, 40, 46), white, { opacity: 0.9 });
      c.fill(rotate(heartShape(60, 56, 14), 0.25, 60, 56), accent);
      break;
    case 'cuisine': {
      const bowl = polygon(
        Array.from(
          { length: 25 },
          (_, i) =>
            [50 + Math.cos((Math.PI * i) / 24) * 26, 50 + Math.sin((Math.PI * i) / 24) * 22] as [
              number,
              number,
            ],
        ),
      );
      c.fill(capsule(56, 18, 80, 46, 1.8), INK);
      c.fill(capsule(62, 16, 84, 44, 1.8), INK);
      c.fill(grow(bowl, 1.5), white);
      c.fill(roundRect(50, 50, 28, 2.5, 2.5), accent);
      for (const x of [40, 50, 60])
        c.fill(
          polyline(
            Array.from(
              { length: 6 },
              (_, i) => [x + Math.sin(i * 1.2 + x) * 2, 42 - i * 4] as [number, number],
            ),
            1.6,
          ),
          white,
          { opacity: 0.8 },
        );
      break;
    }
    case 'chinese-style':
      c.fill(circle(60, 36, 18), hex('#fff4d6'), { opacity: 0.95 });
      c.fill(
        polygon([
          [6, 82],
          [30, 48],
          [52, 82],
        ]),
        hex('#1b1b2f', 0.75),
      );
      c.fill(
        polygon([
          [34, 82],
          [62, 40],
          [94, 82],
        ]),
        hex('#1b1b2f', 0.9),
      );
      c.fill(roundRect(22, 24, 7, 7, 1.2), accent);
      c.fill(ring(roundRect(22, 24, 4, 4, 0.6), 0.8), hex('#ffffff', 0.85));
      break;
    case 'upbeat':
      c.fill(grow(star(50, 46, 30, 21, 14, 0.1), 1.5), white, { opacity: 0.85 });
      c.fill(circle(50, 46, 17), accent);
      break;
    case 'dynamic':
      for (const y of [30, 46, 62]) c.fill(capsule(10, y, 30, y, 1.6), hex('#ffffff', 0.55));
      c.fill(
        grow(
          polygon([
            [56, 12],
            [30, 52],
            [48, 52],
            [40, 84],
            [72, 40],
            [54, 40],
            [64, 12],
          ]),
          1.2,
        ),
        accent,
      );
      break;
    case 'relaxing': {
      const a = circle(30, 40, 26);
      const b = circle(66, 40, 26);
      const leaf = rotate(
        { sdf: (x, y) => Math.max(a.sdf(x, y), b.sdf(x, y)), bounds: [26, 14, 70, 66] },
        -0.6,
        48,
        40,
      );
      c.fill(leaf, accent);
      c.fill(rotate(capsule(48, 22, 48, 58, 0.9), -0.6, 48, 40), hex('#ffffff', 0.8));
      for (const y of [60, 67])
        c.fill(
          polyline(
            Array.from(
              { length: 9 },
              (_, i) => [10 + i * 6.5, y + Math.sin(i * 1.1) * 2] as [number, number],
            ),
            1.2,
          ),
          hex('#ffffff', 0.8),
        );
      break;
    }
    case 'quirky':
      for (const [x, r] of [
        [36, 13],
        [62, 10],
      ] as const) {
        c.fill(circle(x, 44, r), white);
        c.fill(ring(circle(x, 44, r), 1), INK);
        c.fill(circle(x + r * 0.35, 44 + r * 0.3, r * 0.45), INK);
      }
      c.fill(arc(48, 54, 12, Math.PI * 0.25, Math.PI * 0.72, 2), accent);
      break;
    case 'beauty': {
      const gem = polygon([
        [34, 36],
        [66, 36],
        [76, 48],
        [50, 80],
        [24, 48],
      ]);
      c.fill(gem, linear(24, 36, 76, 80, hex('#ffffff', 0.95), accent));
      c.fill(ring(gem, 0.9), hex('#ffffff'));
      c.fill(
        union(
          capsule(24, 48, 76, 48, 0.6),
          capsule(40, 36, 50, 80, 0.5),
          capsule(60, 36, 50, 80, 0.5),
        ),
        hex('#ffffff', 0.7),
      );
      c.fill(sparkle(76, 26, 7), hex('#ffffff'));
      c.fill(sparkle(20, 28, 5), hex('#ffffff'));
      break;
    }
  }
}

/** A beamed pair of eighth notes. */
function notes(c: Canvas, x: number, y: number, color: Rgba): void {
  c.fill(rotate(ellipse(x, y + 12, 4, 3), -0.4, x, y + 12), color);
  c.fill(rotate(ellipse(x + 13, y + 9, 4, 3), -0.4, x + 13, y + 9), color);
  c.fill(capsule(x + 3.3, y + 11, x + 3.3, y - 4, 0.9), color);
  c.fill(capsule(x + 16.3, y + 8, x + 16.3, y - 7, 0.9), color);
  c.fill(
    polygon([
      [x + 2.4, y - 4],
      [x + 17.2, y - 7],
      [x + 17.2, y - 3],
      [x + 2.4, y],
    ]),
    color,
  );
}

export async function renderMusicCover(mood: Mood, variant: number, size: number): Promise<Buffer> {
  const [from, to, accent] = PALETTES[mood][variant % 3] as Palette;
  const c = new Canvas(size, size);
  c.fill(roundRect(50, 50, 50, 50, 0), linear(0, 0, 100, 100, hex(from), hex(to)));
  c.fill(circle(22, 18, 40), radial(22, 18, 40, hex('#ffffff', 0.25), hex('#ffffff', 0)));
  const record = circle(84, 86, 30);
  c.fill(record, hex('#1d1d24'));
  for (const r of [12, 17, 22, 27]) c.fill(ring(circle(84, 86, r), 0.35), hex('#ffffff', 0.12));
  c.fill(circle(84, 86, 9), hex(accent));
  c.fill(circle(84, 86, 1.6), hex('#1d1d24'));
  motif(c, mood, hex(accent));
  notes(c, 10, 76, hex('#ffffff', 0.9));
  return encodePng(c.toImage());
}
