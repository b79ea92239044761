// The eight moods of the background-music tags, each an arrangement in three variants (key,
// tempo, progression). composeTrack renders one to PCM; the same recipe always gives the same
// samples.

import { Arrangement, MAJOR, MINOR, PENTATONIC, Q, chord } from './composer';
import type { Chord, SongPlan } from './composer';
import { bass, bell, electricPiano, lead, marimba, pad, pluck } from './synth';
import type { PcmAudio } from './wav';

export const MOODS = [
  'romantic',
  'cuisine',
  'chinese-style',
  'upbeat',
  'dynamic',
  'relaxing',
  'quirky',
  'beauty',
] as const;
export type Mood = (typeof MOODS)[number];

export interface TrackRecipe {
  mood: Mood;
  variant: number;
  sampleRate: 22050 | 44100;
}

interface MoodDefinition {
  tempos: [number, number, number];
  keys: [number, number, number];
  progressions: [Chord[], Chord[], Chord[]];
  scale: number[];
  swing?: number;
  arrange(a: Arrangement, variant: number): void;
}

/** Four bars plus the closing chord: about 9.5 s at 138 BPM, 18.6 s at 60 BPM. */
const BARS = 4;

const every =
  (n: number, from = 0) =>
  (bar: number) =>
    bar >= from && bar % n === 0;

function closing(
  a: Arrangement,
  inst: Parameters<Arrangement['strum']>[0],
  center: number,
  gain: number,
): void {
  const tonic = chord(0, a.plan.scale === MINOR ? Q.min : Q.maj);
  a.strum(inst, a.voicing(tonic, center), a.endBeat, 6, gain, 0.012);
  a.play(bass('round'), a.rootNote(tonic, 36), a.endBeat, 4, 0.3);
}

const romantic: MoodDefinition = {
  tempos: [70, 66, 76],
  keys: [60, 65, 62],
  progressions: [
    [chord(0, Q.maj7), chord(9, Q.m7), chord(5, Q.maj7), chord(7, Q.sus4)],
    [chord(0, Q.maj7), chord(4, Q.m7), chord(9, Q.m7), chord(5, Q.maj7)],
    [chord(5, Q.maj7), chord(4, Q.m7), chord(2, Q.m7), chord(7, Q.sus4)],
  ],
  scale: MAJOR,
  arrange(a) {
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const notes = a.voicing(a.chordAt(bar), 62);
      const order = [0, 1, 2, 3, 2, 1, 2, 3].map(
        (i) => notes[Math.min(i, notes.length - 1)] as number,
      );
      order.forEach((n, i) => a.play(electricPiano, n, bar * 4 + i * 0.5, 0.9, 0.2, -0.35, 0.35));
      a.strum(electricPiano, a.voicing(a.chordAt(bar), 55), bar * 4, 3.8, 0.22, 0.02, 0.2, 0.3);
      const root = a.rootNote(a.chordAt(bar), 36);
      a.play(bass('round'), root, bar * 4, 2.4, 0.32);
      a.play(bass('round'), root + 7, bar * 4 + 2.5, 1.4, 0.26);
    }
    a.melody({
      instrument: lead('sine', 0.22, 0.05),
      low: 67,
      high: 81,
      gain: 0.3,
      reverb: 0.45,
      rhythms: [
        [1.5, 0.5, 2],
        [2, 1, 1],
        [1, 1, 2],
        [3, 1],
      ],
    });
    a.drums(
      { kick: 'x.........x.....', rim: '....x.......x...', shaker: '..o...o...o...o.' },
      { kick: 0.4, rim: 0.12, shaker: 0.08 },
      every(1, 1),
    );
    closing(a, electricPiano, 62, 0.3);
  },
};

const cuisine: MoodDefinition = {
  tempos: [108, 114, 104],
  keys: [62, 65, 60],
  progressions: [
    [chord(2, Q.m7), chord(7, Q.dom7), chord(0, Q.maj7), chord(9, Q.dom7)],
    [chord(0, Q.maj7), chord(9, Q.m7), chord(2, Q.m7), chord(7, Q.dom7)],
    [chord(0, Q.maj7), chord(5, Q.maj7), chord(4, Q.m7), chord(9, Q.dom7)],
  ],
  scale: MAJOR,
  swing: 0.12,
  arrange(a) {
    const guitar = pluck(0.994, 0.45);
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      const hits = bar % 2 === 0 ? [0, 1.5, 3] : [0.5, 2, 3.5];
      for (const h of hits)
        a.strum(guitar, a.voicing(c, 58), bar * 4 + h, 0.9, 0.42, 0.011, -0.25, 0.2);
      const root = a.rootNote(c, 38);
      a.play(bass('round'), root, bar * 4, 1.4, 0.3);
      a.play(bass('round'), root + 7, bar * 4 + 1.5, 0.45, 0.24);
      a.play(bass('round'), root + 7, bar * 4 + 2, 1.4, 0.26);
      a.play(bass('round'), root, bar * 4 + 3.5, 0.45, 0.22);
    }
    a.melody({
      instrument: marimba,
      low: 72,
      high: 86,
      gain: 0.34,
      pan: 0.25,
      rhythms: [
        [0.5, 0.5, 1, 0.5, 0.5, 1],
        [0.5, 1, 0.5, 1, 1],
        [1, 0.5, 0.5, 2],
      ],
      restChance: 0.1,
    });
    a.drums(
      { shaker: 'xoxoxoxoxoxoxoxo', rim: 'x..x..x...x..x..', kick: 'x.....x.x.....x.' },
      { shaker: 0.1, rim: 0.13, kick: 0.38 },
    );
    closing(a, guitar, 60, 0.5);
  },
};

const chineseStyle: MoodDefinition = {
  tempos: [84, 76, 92],
  keys: [62, 64, 60],
  progressions: [
    [chord(0, Q.maj), chord(9, Q.min), chord(2, Q.fifth), chord(7, Q.sus2)],
    [chord(9, Q.min), chord(7, Q.sus2), chord(0, Q.maj), chord(0, Q.maj)],
    [chord(0, Q.maj), chord(7, Q.sus2), chord(9, Q.min), chord(0, Q.maj)],
  ],
  scale: PENTATONIC,
  arrange(a) {
    const zheng = pluck(0.9975, 0.85);
    const key = a.plan.key;
    const penta = (from: number, count: number): number[] => {
      const out: number[] = [];
      for (let m = from; out.length < count; m++)
        if (PENTATONIC.includes((((m - key) % 12) + 12) % 12)) out.push(m);
      return out;
    };
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      if (bar % 4 === 0) {
        penta(a.rootNote(c, 55), 9).forEach((m, i) =>
          a.play(zheng, m, bar * 4 + i * 0.07, 1.5, 0.16, -0.3, 0.35),
        );
      }
      const tones = a.voicing(c, 60);
      const low = a.rootNote(c, 43);
      const pattern = [
        low,
        tones[0],
        tones[1],
        low + 12,
        tones[2] ?? tones[0],
        tones[1],
        low + 7,
        tones[0],
      ];
      pattern.forEach((m, i) => {
        if (bar % 4 === 0 && i < 2) return;
        a.play(zheng, m as number, bar * 4 + i * 0.5, 1.2, 0.26, -0.2 + (i % 2) * 0.3, 0.3);
      });
      a.play(bass('round'), a.rootNote(c, 38), bar * 4, 3.5, 0.22);
    }
    a.melody({
      instrument: lead('flute', 0.35, 0.06),
      low: 74,
      high: 90,
      gain: 0.26,
      pan: 0.2,
      reverb: 0.5,
      rhythms: [
        [1.5, 0.5, 1, 1],
        [2, 1, 1],
        [1, 0.5, 0.5, 2],
        [3, 1],
      ],
    });
    a.drums(
      { woodblock: 'x...o...x...o...', tom: 'x.........x.....' },
      { woodblock: 0.16, tom: 0.35 },
      every(1, 1),
    );
    closing(a, zheng, 62, 0.55);
  },
};

const upbeat: MoodDefinition = {
  tempos: [122, 126, 118],
  keys: [67, 60, 65],
  progressions: [
    [chord(0, Q.maj), chord(7, Q.maj), chord(9, Q.min), chord(5, Q.maj)],
    [chord(0, Q.maj), chord(5, Q.maj), chord(9, Q.min), chord(7, Q.maj)],
    [chord(9, Q.min), chord(5, Q.maj), chord(0, Q.maj), chord(7, Q.maj)],
  ],
  scale: MAJOR,
  arrange(a) {
    const keys = pluck(0.993, 0.9);
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      for (const h of [0.5, 1.5, 2.5, 3.5])
        a.strum(keys, a.voicing(c, 64), bar * 4 + h, 0.35, 0.36, 0.006, -0.2, 0.15);
      const root = a.rootNote(c, 36);
      for (let e = 0; e < 8; e++)
        a.play(bass('round'), e % 4 === 3 ? root + 12 : root, bar * 4 + e * 0.5, 0.4, 0.28);
    }
    a.melody({
      instrument: lead('square', 0.08, 0.01),
      low: 67,
      high: 84,
      gain: 0.2,
      pan: 0.15,
      articulation: 0.75,
      rhythms: [
        [0.5, 0.5, 0.5, 0.5, 1, 1],
        [1, 0.5, 0.5, 1, 1],
        [0.5, 0.5, 1, 0.5, 1.5],
        [1.5, 0.5, 1, 1],
      ],
    });
    a.drums(
      {
        kick: 'x...x...x...x...',
        clap: '....x.......x...',
        hat: 'x.o.x.o.x.o.x.o.',
        openHat: '..x...x...x...x.',
      },
      { kick: 0.5, clap: 0.28, hat: 0.12, openHat: 0.07 },
    );
    a.hit('crash', 0, 0.18);
    closing(a, keys, 64, 0.45);
  },
};

const dynamic: MoodDefinition = {
  tempos: [132, 138, 128],
  keys: [57, 52, 55],
  progressions: [
    [chord(0, Q.min), chord(8, Q.maj), chord(3, Q.maj), chord(10, Q.maj)],
    [chord(0, Q.min), chord(10, Q.maj), chord(8, Q.maj), chord(10, Q.maj)],
    [chord(0, Q.min), chord(5, Q.min), chord(8, Q.maj), chord(7, Q.maj)],
  ],
  scale: MINOR,
  arrange(a) {
    const arp = pluck(0.99, 1);
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      const tones = a.voicing(c, 69);
      a.strum(pad(1800, 0.03), a.voicing(c, 60), bar * 4, 3.9, 0.3, 0, 0, 0.25);
      const root = a.rootNote(c, 33);
      for (let e = 0; e < 8; e++)
        a.play(bass('saw'), e % 2 ? root + 12 : root, bar * 4 + e * 0.5, 0.42, 0.3);
      const order = [0, 1, 2, 1, 2, 0, 1, 2];
      for (let s = 0; s < 16; s++) {
        const n = (tones[order[s % 8] as number] ?? tones[0]) as number;
        a.play(
          arp,
          n + (s >= 8 && bar % 2 === 1 ? 12 : 0),
          bar * 4 + s * 0.25,
          0.2,
          0.16,
          s % 2 ? 0.4 : -0.4,
          0.2,
        );
      }
    }
    a.mix.pump(a.beat, 0.55);
    a.melody({
      instrument: lead('square', 0.1, 0.005),
      low: a.plan.key + 12,
      high: a.plan.key + 26,
      gain: 0.17,
      articulation: 0.85,
      rhythms: [
        [0.75, 0.75, 0.5, 1, 1],
        [0.5, 0.5, 0.5, 0.5, 2],
        [1, 1, 0.5, 0.5, 1],
      ],
    });
    a.drums(
      {
        kick: 'x...x...x...x...',
        snare: '....x.......x...',
        hat: 'xoxoxoxoxoxoxoxo',
        openHat: '..x...x...x...x.',
      },
      { kick: 0.6, snare: 0.34, hat: 0.11, openHat: 0.08 },
    );
    a.hit('crash', 0, 0.22);
    closing(a, pad(1800, 0.02), 60, 0.3);
    a.hit('kick', a.endBeat, 0.6);
    a.hit('crash', a.endBeat, 0.22);
  },
};

const relaxing: MoodDefinition = {
  tempos: [64, 60, 70],
  keys: [60, 62, 57],
  progressions: [
    [chord(0, Q.add9), chord(5, Q.maj7), chord(9, Q.m7), chord(5, Q.add9)],
    [chord(0, Q.maj7), chord(4, Q.m7), chord(5, Q.maj7), chord(0, Q.add9)],
    [chord(5, Q.maj7), chord(0, Q.add9), chord(5, Q.maj7), chord(7, Q.sus4)],
  ],
  scale: MAJOR,
  arrange(a) {
    const harp = pluck(0.998, 0.35);
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      a.strum(pad(900, 1.2), a.voicing(c, 57), bar * 4, 4.2, 0.55, 0, 0, 0.5);
      a.play(bass('round'), a.rootNote(c, 36), bar * 4, 3.8, 0.2);
      const tones = a.voicing(c, 67);
      tones.forEach((m, i) => a.play(harp, m, bar * 4 + i, 1.5, 0.14, 0.3 - i * 0.2, 0.5));
    }
    a.melody({
      instrument: bell,
      low: 72,
      high: 88,
      gain: 0.2,
      reverb: 0.6,
      restChance: 0.2,
      rhythms: [
        [2, 2],
        [3, 1],
        [1, 3],
        [1.5, 2.5],
      ],
    });
    a.drums({ shaker: '....o.......o...' }, { shaker: 0.08 }, every(1, 1));
    closing(a, pad(900, 0.4), 57, 0.5);
  },
};

const quirky: MoodDefinition = {
  tempos: [104, 112, 98],
  keys: [65, 60, 62],
  progressions: [
    [chord(0, Q.maj), chord(8, Q.maj), chord(0, Q.maj), chord(7, Q.dom7)],
    [chord(0, Q.maj), chord(1, Q.dim), chord(2, Q.m7), chord(7, Q.dom7)],
    [chord(0, Q.maj), chord(5, Q.maj), chord(10, Q.maj), chord(7, Q.dom7)],
  ],
  scale: MAJOR,
  swing: 0.2,
  arrange(a) {
    const pizz = pluck(0.982, 0.7);
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      const next = a.chordAt(bar + 1);
      const root = a.rootNote(c, 36);
      const approach = a.rootNote(next, 36) - 1;
      [root, root + 7, root + 12, approach].forEach((m, i) =>
        a.play(bass('reed'), m, bar * 4 + i, 0.3, 0.34),
      );
      for (const h of [1, 3]) a.strum(pizz, a.voicing(c, 62), bar * 4 + h, 0.2, 0.34, 0, 0.2, 0.1);
    }
    a.melody({
      instrument: lead('square', 0, 0.004),
      low: 67,
      high: 86,
      gain: 0.17,
      articulation: 0.4,
      leap: 4,
      chromatic: true,
      rhythms: [
        [0.5, 0.5, 1, 0.5, 0.5, 1],
        [1, 0.5, 0.5, 0.5, 0.5, 1],
        [0.5, 1, 0.5, 2],
      ],
    });
    a.drums(
      { kick: 'x.......x.......', clap: '....x.......x...', woodblock: '......x.......ox' },
      { kick: 0.45, clap: 0.22, woodblock: 0.2 },
    );
    for (let bar = 1; bar < a.plan.bars; bar += 2) a.hit('boing', bar * 4 + 3, 0.22, 0.3);
    closing(a, pizz, 62, 0.4);
    a.hit('boing', a.endBeat + 1, 0.25);
  },
};

const beauty: MoodDefinition = {
  tempos: [118, 122, 116],
  keys: [57, 53, 59],
  progressions: [
    [chord(0, Q.m9), chord(8, Q.maj7), chord(5, Q.m9), chord(7, Q.m7)],
    [chord(0, Q.m9), chord(5, Q.m9), chord(10, Q.dom7), chord(3, Q.maj7)],
    [chord(8, Q.maj7), chord(10, Q.add9), chord(0, Q.m9), chord(0, Q.m9)],
  ],
  scale: MINOR,
  arrange(a) {
    for (let bar = 0; bar < a.plan.bars; bar++) {
      const c = a.chordAt(bar);
      for (const [h, len] of [
        [0, 1.2],
        [1.5, 0.6],
        [3, 0.8],
      ] as const)
        a.strum(electricPiano, a.voicing(c, 62), bar * 4 + h, len, 0.36, 0.004, -0.15, 0.25);
      a.strum(pad(1300, 0.3), a.voicing(c, 57), bar * 4, 3.9, 0.18, 0, 0.2, 0.3);
      const root = a.rootNote(c, 33);
      for (const [h, len, up] of [
        [0, 0.7, 0],
        [0.75, 0.4, 12],
        [1.5, 0.45, 0],
        [2.5, 0.7, 0],
        [3.5, 0.4, 12],
      ] as const)
        a.play(bass('round'), root + up, bar * 4 + h, len, 0.32);
    }
    a.mix.pump(a.beat, 0.45);
    a.melody({
      instrument: bell,
      low: a.plan.key + 12,
      high: a.plan.key + 26,
      gain: 0.2,
      reverb: 0.4,
      restChance: 0.15,
      rhythms: [
        [1, 0.5, 1, 1.5],
        [0.5, 0.5, 1, 2],
        [1.5, 1.5, 1],
      ],
    });
    a.drums(
      {
        kick: 'x...x...x...x...',
        clap: '....x.......x...',
        openHat: '..x...x...x...x.',
        shaker: 'oooooooooooooooo',
      },
      { kick: 0.55, clap: 0.24, openHat: 0.1, shaker: 0.06 },
    );
    closing(a, electricPiano, 62, 0.4);
  },
};

const DEFINITIONS: Record<Mood, MoodDefinition> = {
  romantic,
  cuisine,
  'chinese-style': chineseStyle,
  upbeat,
  dynamic,
  relaxing,
  quirky,
  beauty,
};

export function composeTrack(recipe: TrackRecipe): PcmAudio {
  const def = DEFINITIONS[recipe.mood];
  const v = recipe.variant % 3;
  const tempo = def.tempos[v] as number;
  const plan: SongPlan = {
    tempo,
    key: def.keys[v] as number,
    bars: BARS,
    progression: def.progressions[v] as Chord[],
    scale: def.scale,
    swing: def.swing ?? 0,
  };
  const seed = 0x5eed + MOODS.indexOf(recipe.mood) * 97 + v * 13;
  const a = new Arrangement(plan, recipe.sampleRate, seed);
  def.arrange(a, v);
  return { sampleRate: recipe.sampleRate, channels: a.mix.master(0.8) };
}
