// The arrangement toolkit behind the background-music tracks: chords voiced around a register,
// a motif-based melody generator that lands on chord tones on strong beats, drum patterns
// written as 16-step strings, and scheduling in beats (with swing) onto a stereo mix.

import { StereoMix, drum, midiHz, seededRng } from './synth';
import type { DrumKind, Instrument, Rng } from './synth';

export interface Chord {
  /** Semitones above the key's tonic. */
  root: number;
  /** Intervals above the root. */
  tones: readonly number[];
}

export const Q = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  maj7: [0, 4, 7, 11],
  m7: [0, 3, 7, 10],
  dom7: [0, 4, 7, 10],
  sus2: [0, 2, 7],
  sus4: [0, 5, 7, 10],
  add9: [0, 4, 7, 14],
  m9: [0, 3, 7, 10, 14],
  dim: [0, 3, 6],
  fifth: [0, 7, 12],
} as const;

export function chord(root: number, tones: readonly number[]): Chord {
  return { root, tones };
}

export const MAJOR = [0, 2, 4, 5, 7, 9, 11];
export const MINOR = [0, 2, 3, 5, 7, 8, 10];
export const PENTATONIC = [0, 2, 4, 7, 9];

export interface SongPlan {
  tempo: number;
  /** MIDI note of the tonic (around middle C). */
  key: number;
  bars: number;
  progression: Chord[];
  /** Pitch classes (relative to key) the melody uses. */
  scale: number[];
  /** Fraction of a beat by which off-beat eighths are delayed (0 = straight). */
  swing?: number;
}

export interface MelodyPlan {
  instrument: Instrument;
  low: number;
  high: number;
  /** Bar-long rhythms in beats, each summing to 4. */
  rhythms: number[][];
  gain: number;
  pan?: number;
  reverb?: number;
  /** Fraction of each note's slot that sounds (1 = legato). */
  articulation?: number;
  restChance?: number;
  /** Largest melodic step in scale degrees (2 = stepwise, 5 = leaps). */
  leap?: number;
  /** Odd chromatic passing notes, for quirky tunes. */
  chromatic?: boolean;
}

export class Arrangement {
  readonly plan: SongPlan;
  readonly mix: StereoMix;
  readonly rng: Rng;
  readonly beat: number;
  /** Length of the arranged bars plus the closing chord and its ring-out, in seconds. */
  readonly seconds: number;

  /** A few pre-rendered takes per drum and velocity: drums repeat, so render each once. */
  private readonly drumTakes = new Map<string, Float32Array[]>();
  private drumTurn = 0;

  constructor(plan: SongPlan, rate: number, seed: number) {
    this.plan = plan;
    this.rng = seededRng(seed);
    this.beat = 60 / plan.tempo;
    this.seconds = plan.bars * 4 * this.beat + 2.6;
    this.mix = new StereoMix(rate, this.seconds);
  }

  /** Seconds at a beat position, with swing on off-beat eighths. */
  at(beat: number): number {
    const swing = this.plan.swing ?? 0;
    const frac = beat - Math.floor(beat);
    const swung = Math.abs(frac - 0.5) < 1e-6 ? beat + swing * 0.5 : beat;
    return swung * this.beat;
  }

  chordAt(bar: number): Chord {
    const p = this.plan.progression;
    return p[bar % p.length] as Chord;
  }

  /** Chord tones as MIDI notes, each folded into the octave around `center`. */
  voicing(c: Chord, center: number): number[] {
    const notes = c.tones.map((t) => {
      let m = this.plan.key + c.root + t;
      while (m < center - 6) m += 12;
      while (m >= center + 6) m -= 12;
      return m;
    });
    return [...new Set(notes)].sort((a, b) => a - b);
  }

  /** The chord's root folded into [low, low + 12). */
  rootNote(c: Chord, low: number, offset = 0): number {
    let m = this.plan.key + c.root + offset;
    while (m < low) m += 12;
    while (m >= low + 12) m -= 12;
    return m;
  }

  play(
    instrument: Instrument,
    midi: number,
    beat: number,
    beats: number,
    gain: number,
    pan = 0,
    reverb = 0.2,
  ): void {
    const start = this.at(beat);
    const duration = Math.max(0.03, this.at(beat + beats) - start);
    const velocity = 0.85 + this.rng() * 0.15;
    const sound = instrument({
      freq: midiHz(midi),
      duration,
      velocity,
      rate: this.mix.rate,
      rng: this.rng,
    });
    this.mix.place(sound, start, gain, pan, reverb);
  }

  /** A chord, optionally strummed (notes staggered by `strum` seconds). */
  strum(
    instrument: Instrument,
    notes: number[],
    beat: number,
    beats: number,
    gain: number,
    strum = 0,
    pan = 0,
    reverb = 0.25,
  ): void {
    notes.forEach((m, i) => {
      const start = this.at(beat) + i * strum;
      const duration = Math.max(0.03, this.at(beat + beats) - this.at(beat));
      const sound = instrument({
        freq: midiHz(m),
        duration,
        velocity: 0.8 + this.rng() * 0.2,
        rate: this.mix.rate,
        rng: this.rng,
      });
      this.mix.place(
        sound,
        start,
        gain / Math.sqrt(notes.length),
        pan + (i - notes.length / 2) * 0.08,
        reverb,
      );
    });
  }

  /**
   * 16-step drum patterns per bar: 'x' full hit, 'o' soft hit, '.' rest. `bars` limits which
   * bars play (default all).
   */
  drums(
    patterns: Partial<Record<DrumKind, string>>,
    gains: Partial<Record<DrumKind, number>>,
    bars?: (bar: number) => boolean,
  ): void {
    for (let bar = 0; bar < this.plan.bars; bar++) {
      if (bars && !bars(bar)) continue;
      for (const [kind, pattern] of Object.entries(patterns) as [DrumKind, string][]) {
        for (let step = 0; step < pattern.length; step++) {
          const ch = pattern[step];
          if (ch !== 'x' && ch !== 'o') continue;
          const hit = this.drumTake(kind, ch === 'x' ? 1 : 0.5);
          const pan = kind === 'hat' || kind === 'shaker' ? 0.3 : kind === 'woodblock' ? -0.3 : 0;
          this.mix.place(
            hit,
            this.at(bar * 4 + step / 4),
            gains[kind] ?? 0.3,
            pan,
            kind === 'kick' ? 0.05 : 0.15,
          );
        }
      }
    }
  }

  hit(kind: DrumKind, beat: number, gain: number, pan = 0): void {
    this.mix.place(this.drumTake(kind, 1), this.at(beat), gain, pan, 0.2);
  }

  private drumTake(kind: DrumKind, velocity: number): Float32Array {
    const key = `${kind}:${velocity}`;
    let takes = this.drumTakes.get(key);
    if (!takes) {
      takes = [0, 1, 2].map(() => drum(kind, this.mix.rate, this.rng, velocity));
      this.drumTakes.set(key, takes);
    }
    this.drumTurn = (this.drumTurn + 1) % takes.length;
    return takes[this.drumTurn] as Float32Array;
  }

  /**
   * A melody built from a one-bar motif: later bars repeat its rhythm and contour from a chord
   * tone of their own chord, with small variations; every fourth bar cadences, and the tune
   * ends on the tonic.
   */
  melody(m: MelodyPlan): void {
    const { key, scale, bars } = this.plan;
    const pool: number[] = [];
    for (let n = m.low; n <= m.high; n++) {
      const pc = (((n - key) % 12) + 12) % 12;
      if (scale.includes(pc)) pool.push(n);
    }
    const leap = m.leap ?? 2;
    const motifRhythm = m.rhythms[Math.floor(this.rng() * m.rhythms.length)] as number[];
    const answerRhythm = m.rhythms[Math.floor(this.rng() * m.rhythms.length)] as number[];
    const contour = motifRhythm.map(() => Math.round((this.rng() * 2 - 1) * leap));
    let idx = Math.floor(pool.length / 2);
    for (let bar = 0; bar < bars; bar++) {
      const c = this.chordAt(bar);
      const chordPcs = c.tones.map((t) => (c.root + t) % 12);
      const isChordTone = (n: number): boolean => chordPcs.includes((((n - key) % 12) + 12) % 12);
      const snap = (i: number): number => {
        for (let d = 0; d < 4; d++) {
          for (const j of [i - d, i + d]) {
            const note = pool[j];
            if (note !== undefined && isChordTone(note)) return j;
          }
        }
        return Math.min(pool.length - 1, Math.max(0, i));
      };
      const last = bar === bars - 1;
      const cadence = bar % 4 === 3;
      const rhythm = last ? [2, 2] : cadence ? answerRhythm : motifRhythm;
      idx = snap(idx);
      let beat = bar * 4;
      rhythm.forEach((len, i) => {
        if (i > 0) {
          const step =
            (contour[i % contour.length] as number) +
            (this.rng() < 0.25 ? Math.round(this.rng() * 2 - 1) : 0);
          idx += step;
          if (idx < 0 || idx >= pool.length) idx -= 2 * step;
          idx = Math.min(pool.length - 1, Math.max(0, idx));
        }
        const strong = Math.abs(beat - Math.round(beat)) < 1e-6 && Math.round(beat) % 2 === 0;
        if (strong) idx = snap(idx);
        let note = pool[idx] as number;
        if (last && i === rhythm.length - 1) {
          const tonics = pool.filter((n) => (n - key) % 12 === 0);
          note = tonics.reduce(
            (a, b) => (Math.abs(b - note) < Math.abs(a - note) ? b : a),
            tonics[0] ?? note,
          );
        } else if (m.chromatic && !strong && this.rng() < 0.3) {
          note += this.rng() < 0.5 ? 1 : -1;
        }
        const rest = !strong && !last && this.rng() < (m.restChance ?? 0);
        if (!rest) {
          this.play(
            m.instrument,
            note,
            beat,
            len * (m.articulation ?? 0.95),
            m.gain,
            m.pan ?? 0,
            m.reverb ?? 0.3,
          );
        }
        beat += len;
      });
    }
  }

  /** The closing tonic chord after the last bar. */
  get endBeat(): number {
    return this.plan.bars * 4;
  }
}
