// The sticker artwork: each design draws itself on a 100 x 100 board at any pixel size. Animated
// designs read the loop phase t (0..1); still designs ignore it.

import { hex, linear, radial } from './canvas';
import type { Canvas } from './canvas';
import {
  arc,
  blend,
  capsule,
  circle,
  ellipse,
  grow,
  polygon,
  ring,
  rotate,
  roundRect,
  scale,
  star,
  subtract,
  translate,
  union,
} from './shapes';
import type { Shape } from './shapes';
import {
  INK,
  WHITE,
  blush,
  catMouth,
  dieCut,
  eye,
  gloss,
  happyEye,
  heartShape,
  inked,
  laughMouth,
  polyline,
  smile,
  sparkle,
  teardrop,
  vertical,
} from './sticker-kit';
import type { StickerStyle } from './sticker-kit';

export type StickerDraw = (c: Canvas, style: StickerStyle, t: number) => void;

const TAU = Math.PI * 2;

function emojiFace(c: Canvas, style: StickerStyle, cx = 50, cy = 52, r = 36): Shape {
  const face = circle(cx, cy, r);
  dieCut(c, style, [face]);
  inked(
    c,
    face,
    radial(cx - r * 0.3, cy - r * 0.4, r * 1.5, hex('#fff3a3'), hex('#ffd43b'), hex('#fcac24')),
  );
  gloss(c, cx - r * 0.35, cy - r * 0.55, r * 0.32, r * 0.16);
  return face;
}

function bubbleWithTail(
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  tail: [number, number][],
): Shape {
  return blend(5, roundRect(cx, cy, hw, hh, Math.min(hw, hh) * 0.6), polygon(tail));
}

const twinklingStars: StickerDraw = (c, style) => {
  const big = grow(star(44, 56, 30, 15, 5, -0.12), 2.5);
  const small = grow(star(78, 26, 11, 5.5, 5, 0.2), 1.2);
  const sparkles = [sparkle(20, 22, 9), sparkle(84, 62, 7), sparkle(64, 86, 5)];
  dieCut(c, style, [big, small, ...sparkles]);
  inked(c, big, radial(38, 44, 38, hex('#fff6b0'), hex('#ffd43b'), hex('#f59f00')));
  inked(c, small, vertical(small, '#ffe8f0', '#ff8fb4'));
  for (const s of sparkles) inked(c, s, vertical(s, '#e7f5ff', '#74c0fc'), 0.9);
  eye(c, 37, 54, 0.85);
  eye(c, 52, 54, 0.85);
  smile(c, 44.5, 64, 5, 1.3);
  blush(c, 31, 62, 0.7);
  blush(c, 58, 62, 0.7);
  gloss(c, 36, 40, 4, 2);
};

const partyConfetti: StickerDraw = (c, style) => {
  const burst = grow(star(57, 44, 34, 26, 14, 0.1), 3);
  const cone = grow(
    polygon([
      [14, 88],
      [32, 48],
      [54, 70],
    ]),
    1.5,
  );
  dieCut(c, style, [burst, cone]);
  c.fill(burst, radial(58, 42, 40, hex('#fff9db'), hex('#ffec99')));
  const colors = ['#ff6b6b', '#4dabf7', '#51cf66', '#cc5de8', '#fcc419', '#ff922b'];
  for (let i = 0; i < 16; i++) {
    const a = -1.9 + (i / 15) * 2.2;
    const r = 16 + ((i * 7) % 5) * 5;
    const x = 40 + Math.cos(a) * r * 1.25 + 6;
    const y = 56 + Math.sin(a) * r * 1.1 - 4;
    const color = hex(colors[i % colors.length] as string);
    const piece =
      i % 3 === 0
        ? circle(x, y, 2.6)
        : i % 3 === 1
          ? rotate(roundRect(x, y, 4.2, 1.7, 1), a * 2, x, y)
          : grow(star(x, y, 3.6, 1.6, 5, a), 0.4);
    inked(c, piece, color, 0.6);
  }
  c.fill(arc(74, 22, 5, 0.2, 4.2, 1.2), hex('#cc5de8'));
  inked(c, cone, linear(14, 88, 44, 58, hex('#845ef7'), hex('#b197fc')));
  for (const k of [0.35, 0.62]) {
    const ax = 14 + (32 - 14) * k;
    const ay = 88 + (48 - 88) * k;
    const bx = 14 + (54 - 14) * k;
    const by = 88 + (70 - 88) * k;
    c.fill(capsule(ax + 1.5, ay + 1, bx - 1, by - 1.5, 1.6), hex('#ffd43b'));
  }
  c.fill(ring(cone, 1.15), INK);
};

const fireworks: StickerDraw = (c, style) => {
  const colors = ['#ff6b9d', '#ffd43b', '#3bc9db', '#b197fc'];
  const rays: Shape[] = [];
  const tips: Shape[] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * TAU;
    const long = i % 2 === 0;
    const r1 = long ? 38 : 30;
    rays.push(
      capsule(
        50 + Math.cos(a) * 12,
        50 + Math.sin(a) * 12,
        50 + Math.cos(a) * r1,
        50 + Math.sin(a) * r1,
        2.4,
      ),
    );
    tips.push(circle(50 + Math.cos(a) * (r1 + 5), 50 + Math.sin(a) * (r1 + 5), long ? 2.6 : 1.8));
  }
  dieCut(c, style, [circle(50, 50, 30), ...rays, ...tips], 3.2);
  rays.forEach((ray, i) => inked(c, ray, hex(colors[i % 4] as string), 0.8));
  tips.forEach((tip, i) => c.fill(tip, hex(colors[(i + 1) % 4] as string)));
  inked(c, circle(50, 50, 9), radial(48, 48, 10, hex('#ffffff'), hex('#ffe066')));
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * TAU + 0.2;
    c.fill(sparkle(50 + Math.cos(a) * 21, 50 + Math.sin(a) * 21, 3), hex('#fff3bf'));
  }
};

const floatingHearts: StickerDraw = (c, style) => {
  const big = heartShape(40, 58, 20);
  const mid = rotate(heartShape(74, 30, 10), 0.3, 74, 30);
  const small = rotate(heartShape(78, 70, 7), -0.25, 78, 70);
  const spark = [sparkle(22, 24, 7), sparkle(56, 14, 4.5)];
  dieCut(c, style, [big, mid, small, ...spark]);
  inked(c, big, radial(32, 44, 40, hex('#ffc2d4'), hex('#ff6b9d'), hex('#e64980')));
  inked(c, mid, vertical(mid, '#ff8787', '#e03131'));
  inked(c, small, vertical(small, '#fcc2d7', '#f783ac'));
  for (const s of spark) inked(c, s, hex('#ffe066'), 0.8);
  gloss(c, 29, 47, 6, 3.2);
  gloss(c, 70, 25, 2.6, 1.4);
};

const bubbleDots: StickerDraw = (c, style) => {
  const bubble = bubbleWithTail(52, 44, 40, 28, [
    [28, 60],
    [18, 88],
    [48, 66],
  ]);
  dieCut(c, style, [bubble]);
  inked(c, bubble, vertical(bubble, '#e7f5ff', '#91c9f7'));
  gloss(c, 32, 26, 9, 3);
  for (const x of [36, 52, 68]) c.fill(circle(x, 45, 5.2), hex('#1c5fa8'));
};

const bubbleWow: StickerDraw = (c, style) => {
  const burst = grow(star(50, 50, 44, 31, 12, 0.13), 2);
  dieCut(c, style, [burst]);
  inked(c, burst, radial(44, 40, 48, hex('#fff3bf'), hex('#ffd43b'), hex('#ff922b')));
  const mark = union(capsule(50, 28, 51.5, 53, 5.2), circle(51.8, 65, 5.6));
  c.fill(translate(mark, 1.2, 1.2), hex('#c92a2a', 0.35));
  inked(c, mark, vertical(mark, '#ff6b6b', '#c92a2a'), 1);
};

const bubbleLove: StickerDraw = (c, style) => {
  const bubble = blend(
    6,
    circle(50, 46, 36),
    polygon([
      [62, 72],
      [84, 92],
      [76, 64],
    ]),
  );
  dieCut(c, style, [bubble]);
  inked(c, bubble, vertical(bubble, '#ffdeeb', '#f783ac'));
  const h = heartShape(50, 47, 15);
  c.fill(translate(h, 0, 1.5), hex('#c2255c', 0.35), { soft: c.scale * 1.2 });
  inked(c, h, WHITE, 1);
  gloss(c, 34, 26, 8, 3.5);
};

const bubbleThought: StickerDraw = (c, style) => {
  const cloud = blend(
    7,
    circle(34, 44, 18),
    circle(52, 32, 20),
    circle(70, 44, 18),
    circle(58, 58, 16),
    circle(40, 60, 15),
  );
  const trail = [circle(24, 78, 6), circle(14, 90, 3.6)];
  dieCut(c, style, [cloud, ...trail]);
  inked(c, cloud, vertical(cloud, '#f3f0ff', '#b9a6f7'));
  for (const t of trail) inked(c, t, hex('#d0bfff'), 1);
  const q = union(
    arc(52, 38, 8.5, -Math.PI, Math.PI * 0.45, 3),
    capsule(54.5, 46, 52, 52, 3),
    circle(52, 61, 3.6),
  );
  c.fill(q, hex('#5f3dc4'));
  gloss(c, 44, 20, 7, 3);
};

const bubbleOk: StickerDraw = (c, style) => {
  const bubble = bubbleWithTail(50, 44, 42, 30, [
    [62, 62],
    [80, 90],
    [78, 60],
  ]);
  dieCut(c, style, [bubble]);
  inked(c, bubble, vertical(bubble, '#ebfbee', '#69db7c'));
  const o = ring(ellipse(34, 44, 10.5, 13), 3.4);
  const k = union(
    capsule(56, 31, 56, 57, 3.4),
    capsule(57, 46, 70, 31, 3.4),
    capsule(60, 43, 71, 57, 3.4),
  );
  c.fill(translate(union(o, k), 1, 1.2), hex('#1b5e20', 0.3));
  c.fill(union(o, k), hex('#1f6f33'));
  gloss(c, 28, 22, 9, 3);
};

const kitty: StickerDraw = (c, style) => {
  const head = blend(
    5,
    ellipse(50, 58, 36, 29),
    polygon([
      [18, 50],
      [20, 14],
      [46, 34],
    ]),
    polygon([
      [82, 50],
      [80, 14],
      [54, 34],
    ]),
  );
  dieCut(c, style, [head]);
  inked(c, head, radial(44, 44, 50, hex('#ffe3bf'), hex('#ffb562'), hex('#f08c2e')));
  for (const dir of [-1, 1]) {
    const ear = grow(
      polygon([
        [50 + dir * 27, 40],
        [50 + dir * 28, 22],
        [50 + dir * 14, 34],
      ]),
      1,
    );
    c.fill(ear, hex('#ff9fb8'));
    c.fill(capsule(50 + dir * 5, 30, 50 + dir * 7, 38, 1.8), hex('#e07b1f', 0.7));
  }
  c.fill(ellipse(50, 66, 15, 10), hex('#fff4e6'));
  eye(c, 36, 55, 1.05);
  eye(c, 64, 55, 1.05);
  c.fill(
    grow(
      polygon([
        [47, 62],
        [53, 62],
        [50, 65.5],
      ]),
      0.9,
    ),
    hex('#ff6b8b'),
  );
  catMouth(c, 50, 66.5, 0.95);
  for (const dir of [-1, 1]) {
    c.fill(capsule(50 + dir * 22, 63, 50 + dir * 40, 59, 0.7), INK);
    c.fill(capsule(50 + dir * 22, 67, 50 + dir * 40, 69, 0.7), INK);
  }
  blush(c, 27, 66);
  blush(c, 73, 66);
};

const littleBear: StickerDraw = (c, style) => {
  const ears = [circle(24, 28, 12), circle(76, 28, 12)];
  const head = circle(50, 56, 33);
  dieCut(c, style, [head, ...ears]);
  for (const e of ears) inked(c, e, hex('#b07a4f'));
  for (const [x, y] of [
    [24, 28],
    [76, 28],
  ] as const)
    c.fill(circle(x, y, 6.5), hex('#f1c8a0'));
  inked(c, head, radial(42, 42, 46, hex('#d9a273'), hex('#b07a4f'), hex('#8d5a34')));
  c.fill(ellipse(50, 68, 14, 10.5), hex('#f5d9bd'));
  c.fill(ellipse(50, 62.5, 5.5, 3.8), INK);
  c.fill(circle(48.5, 61.5, 1.2), WHITE);
  c.fill(capsule(50, 65, 50, 69, 0.9), INK);
  catMouth(c, 50, 69, 0.9);
  eye(c, 37, 52, 0.85);
  eye(c, 63, 52, 0.85);
  blush(c, 29, 65);
  blush(c, 71, 65);
};

const babyPanda: StickerDraw = (c, style) => {
  const ears = [circle(24, 28, 11), circle(76, 28, 11)];
  const head = ellipse(50, 57, 36, 31);
  dieCut(c, style, [head, ...ears]);
  for (const e of ears) inked(c, e, hex('#2b2b33'));
  inked(c, head, radial(44, 44, 46, hex('#ffffff'), hex('#f1f3f5'), hex('#dee2e6')));
  for (const dir of [-1, 1]) {
    const x = 50 + dir * 15;
    c.fill(rotate(ellipse(x, 54, 8.5, 11), dir * 0.55, x, 54), hex('#2b2b33'));
    c.fill(circle(x + dir * 0.5, 53, 3.6), WHITE);
    c.fill(circle(x + dir * 0.8, 53.5, 2), INK);
  }
  c.fill(ellipse(50, 66, 4.8, 3.2), hex('#2b2b33'));
  catMouth(c, 50, 70, 0.85);
  blush(c, 26, 68);
  blush(c, 74, 68);
};

const littleChick: StickerDraw = (c, style) => {
  const body = circle(50, 56, 32);
  const tuft = [ellipse(46, 21, 3.5, 7), ellipse(52, 20, 3.5, 8), ellipse(58, 22, 3, 6)].map(
    (s, i) => rotate(s, (i - 1) * 0.35, 52, 28),
  );
  const wings = [
    rotate(ellipse(19, 62, 7, 11), 0.5, 19, 62),
    rotate(ellipse(81, 62, 7, 11), -0.5, 81, 62),
  ];
  const feet = [capsule(42, 88, 42, 93, 2.2), capsule(58, 88, 58, 93, 2.2)];
  dieCut(c, style, [body, ...tuft, ...wings, ...feet]);
  for (const f of feet) inked(c, f, hex('#ff922b'), 0.9);
  for (const t of tuft) inked(c, t, hex('#ffd43b'), 0.9);
  for (const w of wings) inked(c, w, vertical(w, '#ffe066', '#fab005'));
  inked(c, body, radial(42, 42, 44, hex('#fff9c4'), hex('#ffe066'), hex('#fcc419')));
  eye(c, 39, 52, 0.95);
  eye(c, 61, 52, 0.95);
  inked(
    c,
    grow(
      polygon([
        [44, 60],
        [56, 60],
        [50, 67],
      ]),
      1.2,
    ),
    vertical(roundRect(50, 63, 6, 4, 1), '#ffa94d', '#f76707'),
    0.9,
  );
  blush(c, 31, 63);
  blush(c, 69, 63);
};

const morningCoffee: StickerDraw = (c, style) => {
  const cup = grow(
    polygon([
      [22, 44],
      [70, 44],
      [64, 80],
      [28, 80],
    ]),
    2.5,
  );
  const handle = subtract(ring(ellipse(72, 58, 9, 10), 3), cup);
  const saucer = ellipse(46, 84, 34, 6.5);
  const steam = [0, 1, 2].map((k) => {
    const x0 = 34 + k * 12;
    const pts: [number, number][] = [];
    for (let i = 0; i <= 8; i++) pts.push([x0 + Math.sin(i * 0.9 + k) * 2.6, 36 - i * 3]);
    return polyline(pts, 1.9);
  });
  dieCut(c, style, [cup, handle, saucer, ...steam]);
  for (const s of steam) c.fill(s, hex('#c5c0d8'));
  inked(c, saucer, vertical(saucer, '#d0ebff', '#74c0fc'));
  inked(c, handle, hex('#fff0e0'));
  inked(c, cup, vertical(cup, '#fff8f0', '#ffd8a8'));
  c.fill(ellipse(46, 44.5, 24, 4.2), vertical(ellipse(46, 44.5, 24, 4.2), '#9c6644', '#6f4518'));
  c.fill(heartShape(46, 44.6, 2.4), hex('#f4dcc0'));
  c.fill(ring(ellipse(46, 44.5, 24, 4.2), 0.8), INK);
  happyEye(c, 38, 60, 0.7);
  happyEye(c, 54, 60, 0.7);
  smile(c, 46, 68, 4, 1.2);
  blush(c, 32, 66, 0.7);
  blush(c, 60, 66, 0.7);
};

const sunnyDay: StickerDraw = (c, style) => {
  const rays = grow(star(50, 50, 44, 31, 12, 0.13), 2.5);
  const sun = circle(50, 50, 25);
  dieCut(c, style, [rays]);
  inked(c, rays, radial(50, 50, 46, hex('#ffe066'), hex('#ff922b')));
  inked(c, sun, radial(44, 42, 30, hex('#fff9db'), hex('#ffd43b'), hex('#fab005')));
  happyEye(c, 41, 47, 0.9);
  happyEye(c, 59, 47, 0.9);
  smile(c, 50, 58, 6, 1.5);
  blush(c, 35, 56, 0.8);
  blush(c, 65, 56, 0.8);
  gloss(c, 41, 34, 6, 2.5);
};

function cloudShape(dx = 0, dy = 0): Shape {
  return translate(
    blend(
      7,
      circle(32, 50, 15),
      circle(50, 38, 19),
      circle(69, 50, 14),
      roundRect(50, 56, 30, 10, 10),
    ),
    dx,
    dy,
  );
}

const rainyDay: StickerDraw = (c, style) => {
  const cloud = cloudShape();
  const drops = [teardrop(32, 82, 4.2), teardrop(50, 90, 4.2), teardrop(68, 82, 4.2)];
  dieCut(c, style, [cloud, ...drops]);
  for (const d of drops) inked(c, d, vertical(d, '#a5d8ff', '#339af0'), 1);
  inked(c, cloud, vertical(cloud, '#f8f9ff', '#bac8ff'));
  eye(c, 42, 50, 0.75, 0.15);
  eye(c, 58, 50, 0.75, 0.15);
  c.fill(arc(50, 60, 4, Math.PI * 1.15, Math.PI * 1.85, 1.1), INK);
  blush(c, 35, 56, 0.7);
  blush(c, 65, 56, 0.7);
  gloss(c, 42, 28, 7, 2.5);
};

const pottedPlant: StickerDraw = (c, style) => {
  const pot = grow(
    polygon([
      [30, 64],
      [70, 64],
      [64, 92],
      [36, 92],
    ]),
    1.5,
  );
  const rim = roundRect(50, 64, 24, 5, 2.5);
  const leaves = [-1.05, -0.4, 0.25, 0.9].map((a, i) =>
    rotate(ellipse(50, 60 - (i % 2 === 0 ? 20 : 24), 7.5, i % 2 === 0 ? 17 : 20), a, 50, 62),
  );
  dieCut(c, style, [pot, rim, ...leaves]);
  for (const [i, leaf] of leaves.entries()) {
    inked(c, leaf, vertical(leaf, i % 2 ? '#8ce99a' : '#b2f2bb', '#2f9e44'));
  }
  for (const a of [-1.05, -0.4, 0.25, 0.9]) {
    const len = 22;
    c.fill(
      capsule(50, 60, 50 + Math.sin(a) * len, 60 - Math.cos(a) * len, 0.7),
      hex('#2b8a3e', 0.8),
    );
  }
  inked(c, pot, vertical(pot, '#f08c6a', '#c4553a'));
  inked(c, rim, hex('#e8795a'));
  eye(c, 43, 76, 0.7);
  eye(c, 57, 76, 0.7);
  smile(c, 50, 84, 3.5, 1.1);
  blush(c, 38, 82, 0.6);
  blush(c, 62, 82, 0.6);
};

const laughing: StickerDraw = (c, style) => {
  emojiFace(c, style);
  happyEye(c, 37, 44);
  happyEye(c, 63, 44);
  laughMouth(c, 50, 58, 17);
  blush(c, 27, 58);
  blush(c, 73, 58);
};

const heartEyes: StickerDraw = (c, style) => {
  emojiFace(c, style);
  for (const x of [36, 64])
    inked(c, heartShape(x, 46, 8.5), vertical(heartShape(x, 46, 8.5), '#ff6b6b', '#e03131'), 0.9);
  gloss(c, 32.5, 42, 2, 1.2);
  gloss(c, 60.5, 42, 2, 1.2);
  smile(c, 50, 68, 10, 1.8);
  blush(c, 25, 60);
  blush(c, 75, 60);
};

const crying: StickerDraw = (c, style) => {
  emojiFace(c, style);
  c.fill(arc(37, 50, 5, Math.PI * 1.15, Math.PI * 1.85, 1.4), INK);
  c.fill(arc(63, 50, 5, Math.PI * 1.15, Math.PI * 1.85, 1.4), INK);
  for (const x of [37, 63]) {
    const stream = roundRect(x, 66, 4, 17, 4);
    c.fill(stream, vertical(stream, '#a5d8ff', '#4dabf7'), { opacity: 0.9 });
  }
  const mouth = ellipse(50, 70, 9, 6);
  c.fill(mouth, hex('#8c1d40'));
  c.fill(ring(mouth, 1.1), INK);
  inked(c, teardrop(22, 58, 3.8), hex('#74c0fc'), 0.8);
  inked(c, teardrop(80, 56, 3.2), hex('#74c0fc'), 0.8);
};

const wink: StickerDraw = (c, style) => {
  emojiFace(c, style);
  eye(c, 37, 46, 1.05);
  c.fill(
    polyline(
      [
        [58, 42],
        [67, 46],
        [58, 50],
      ],
      1.4,
    ),
    INK,
  );
  const tongue = blend(2, roundRect(56, 70, 6, 5, 2), circle(56, 75, 6));
  inked(c, tongue, vertical(tongue, '#ffa8c0', '#f06595'), 1);
  c.fill(capsule(56, 70, 56, 76, 0.6), hex('#c2255c', 0.6));
  c.fill(arc(50, 56, 14, Math.PI * 0.18, Math.PI * 0.82, 1.7), INK);
  blush(c, 26, 60);
  blush(c, 74, 60);
};

const surprised: StickerDraw = (c, style) => {
  emojiFace(c, style);
  for (const x of [37, 63]) {
    c.fill(ellipse(x, 46, 7.5, 9), WHITE);
    c.fill(ring(ellipse(x, 46, 7.5, 9), 1), INK);
    c.fill(circle(x, 47, 3.8), INK);
    c.fill(circle(x + 1.2, 45.3, 1.3), WHITE);
    c.fill(arc(x, 38, 8, Math.PI * 1.25, Math.PI * 1.75, 1.3), INK);
  }
  const mouth = ellipse(50, 70, 6.5, 8);
  c.fill(mouth, hex('#8c1d40'));
  c.fill(ring(mouth, 1.1), INK);
};

// Animated designs (t = loop phase 0..1)

const heartbeat: StickerDraw = (c, style, t) => {
  const beat = Math.exp(-(((t - 0.1) * 14) ** 2)) + 0.6 * Math.exp(-(((t - 0.32) * 14) ** 2));
  const k = 1 + 0.16 * beat;
  const h = scale(heartShape(50, 52, 26), k, 50, 52);
  const spark = [0, 1, 2].map((i) => {
    const a = i * 2.1 + t * TAU * 0.5;
    const pulse = 0.6 + 0.4 * Math.sin((t + i / 3) * TAU);
    return sparkle(50 + Math.cos(a) * 40, 50 + Math.sin(a) * 38, 6 * pulse, t * TAU * 0.25);
  });
  dieCut(c, style, [h]);
  for (const s of spark) inked(c, s, hex('#ffd43b'), 0.8);
  inked(c, h, radial(40, 38, 46 * k, hex('#ffc9c9'), hex('#ff6b6b'), hex('#c92a2a')));
  gloss(c, 37, 38, 6 * k, 3.2 * k);
};

const sparkleTwinkle: StickerDraw = (c, style, t) => {
  const parts = [
    { x: 50, y: 50, r: 30, phase: 0, color: ['#fff9db', '#fcc419'] },
    { x: 22, y: 24, r: 13, phase: 0.33, color: ['#e7f5ff', '#4dabf7'] },
    { x: 80, y: 74, r: 14, phase: 0.66, color: ['#fff0f6', '#f06595'] },
    { x: 80, y: 22, r: 8, phase: 0.5, color: ['#f3f0ff', '#9775fa'] },
  ].map((p) => {
    const s = 0.55 + 0.45 * (0.5 + 0.5 * Math.cos((t - p.phase) * TAU));
    return { shape: sparkle(p.x, p.y, p.r * s, (t - p.phase) * Math.PI * 0.5), color: p.color };
  });
  dieCut(
    c,
    style,
    parts.map((p) => p.shape),
    3,
  );
  for (const p of parts) {
    inked(c, p.shape, vertical(p.shape, p.color[0] as string, p.color[1] as string), 0.9);
  }
};

const blinkingSmiley: StickerDraw = (c, style, t) => {
  const bounce = Math.abs(Math.sin(t * Math.PI * 2)) * -5;
  const squash = 1 - 0.05 * Math.cos(t * TAU * 2);
  const face = scale(circle(50, 56 + bounce, 34), squash, 50, 90);
  dieCut(c, style, [face]);
  const [, y0, , y1] = face.bounds;
  const cy = (y0 + y1) / 2;
  inked(c, face, radial(40, cy - 14, 52, hex('#fff3a3'), hex('#ffd43b'), hex('#fcac24')));
  const blink = t > 0.7 && t < 0.85 ? 0.1 : 1;
  eye(c, 38, cy - 5, 1, blink);
  eye(c, 62, cy - 5, 1, blink);
  smile(c, 50, cy + 12, 10, 1.8);
  blush(c, 28, cy + 6);
  blush(c, 72, cy + 6);
  gloss(c, 38, cy - 22, 9, 3.5);
};

const raining: StickerDraw = (c, style, t) => {
  const cloud = cloudShape(0, -10);
  const drops = [0, 1, 2, 3].map((i) => {
    const phase = (t + i * 0.27) % 1;
    return teardrop(26 + i * 16, 62 + phase * 26, 3.6);
  });
  dieCut(c, style, [cloud, ...drops]);
  for (const d of drops) inked(c, d, vertical(d, '#a5d8ff', '#1c7ed6'), 0.9);
  inked(c, cloud, vertical(cloud, '#f8f9ff', '#91a7ff'));
  eye(c, 42, 40, 0.75, t > 0.45 && t < 0.55 ? 0.1 : 1);
  eye(c, 58, 40, 0.75, t > 0.45 && t < 0.55 ? 0.1 : 1);
  c.fill(arc(50, 50, 4, Math.PI * 1.15, Math.PI * 1.85, 1.1), INK);
};

const typingDots: StickerDraw = (c, style, t) => {
  const bubble = bubbleWithTail(50, 46, 42, 26, [
    [24, 60],
    [14, 86],
    [44, 66],
  ]);
  dieCut(c, style, [bubble]);
  inked(c, bubble, vertical(bubble, '#fff0f6', '#faa2c1'));
  for (let i = 0; i < 3; i++) {
    const lift = Math.max(0, Math.sin((t - i * 0.15) * TAU)) * 6;
    c.fill(circle(34 + i * 16, 47 - lift, 5.2), hex(lift > 2 ? '#c2255c' : '#e64980'));
  }
  gloss(c, 30, 28, 8, 2.6);
};

export const STICKER_DESIGNS = {
  twinklingStars,
  partyConfetti,
  fireworks,
  floatingHearts,
  bubbleDots,
  bubbleWow,
  bubbleLove,
  bubbleThought,
  bubbleOk,
  kitty,
  littleBear,
  babyPanda,
  littleChick,
  morningCoffee,
  sunnyDay,
  rainyDay,
  pottedPlant,
  laughing,
  heartEyes,
  crying,
  wink,
  surprised,
  heartbeat,
  sparkleTwinkle,
  blinkingSmiley,
  raining,
  typingDots,
} satisfies Record<string, StickerDraw>;

export type StickerDesignId = keyof typeof STICKER_DESIGNS;
