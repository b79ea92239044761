// Small deterministic synthesizer: instruments render one note into a mono buffer, drums render
// one hit, and a stereo mix places them with gain and pan and feeds a reverb send. Everything is
// seeded, so a track is bit-identical on every machine.

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for noise and musical choices. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function midiHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

const TAU = Math.PI * 2;

const SINE_SIZE = 4096;
const SINE = Float32Array.from({ length: SINE_SIZE + 1 }, (_, i) =>
  Math.sin((TAU * i) / SINE_SIZE),
);

/** sin(2*pi*cycles) from a table with linear interpolation: the oscillators' hot path. */
function sine(cycles: number): number {
  const x = (cycles - Math.floor(cycles)) * SINE_SIZE;
  const i = x | 0;
  const a = SINE[i] as number;
  return a + ((SINE[i + 1] as number) - a) * (x - i);
}

/** Per-sample multiplier of an exponential decay with time constant tau seconds. */
function decayFactor(tau: number, rate: number): number {
  return Math.exp(-1 / (tau * rate));
}

function polyBlep(t: number, dt: number): number {
  if (t < dt) {
    const x = t / dt;
    return x + x - x * x - 1;
  }
  if (t > 1 - dt) {
    const x = (t - 1) / dt;
    return x * x + x + x + 1;
  }
  return 0;
}

/** Linear attack, exponential-ish release after the held duration. */
function envelope(t: number, held: number, attack: number, release: number): number {
  const a = attack > 0 ? Math.min(1, t / attack) : 1;
  if (t <= held) return a;
  return a * Math.max(0, 1 - (t - held) / release) ** 2;
}

export interface NoteRequest {
  freq: number;
  /** Held length in seconds (the release tail is added). */
  duration: number;
  velocity: number;
  rate: number;
  rng: Rng;
}

export type Instrument = (note: NoteRequest) => Float32Array;

/** FM electric piano: bell-like attack that mellows as the modulation index decays. */
export const electricPiano: Instrument = ({ freq, duration, velocity, rate }) => {
  const release = 0.35;
  const n = Math.ceil((duration + release) * rate);
  const out = new Float32Array(n);
  const dt = freq / rate;
  const kIndex = decayFactor(0.35, rate);
  const kTine = decayFactor(0.08, rate);
  const kAmp = decayFactor(1.6, rate);
  let index = 1.6;
  let tine = 0.12;
  let amp = 1;
  for (let i = 0; i < n; i++) {
    const p = i * dt;
    const y = sine(p + ((index + 0.25) * sine(p)) / TAU) + tine * sine(p * 4.02);
    out[i] = y * amp * velocity * envelope(i / rate, duration, 0.004, release);
    index *= kIndex;
    tine *= kTine;
    amp *= kAmp;
  }
  return out;
};

function karplusStrong(note: NoteRequest, decay: number, brightness: number): Float32Array {
  const { freq, duration, velocity, rate, rng } = note;
  const release = 0.25;
  const n = Math.ceil((duration + release) * rate);
  const period = Math.max(2, Math.round(rate / freq));
  const buf = new Float32Array(period);
  let lp = 0;
  for (let i = 0; i < period; i++) {
    lp += brightness * (rng() * 2 - 1 - lp);
    buf[i] = lp;
  }
  let mean = 0;
  for (const v of buf) mean += v / period;
  for (let i = 0; i < period; i++) buf[i] = (buf[i] as number) - mean;
  const out = new Float32Array(n);
  let idx = 0;
  for (let i = 0; i < n; i++) {
    const next = (idx + 1) % period;
    const y = buf[idx] as number;
    buf[idx] = decay * 0.5 * (y + (buf[next] as number));
    idx = next;
    out[i] = y * 1.6 * velocity * envelope(i / rate, duration, 0, release);
  }
  return out;
}

/** Plucked string: nylon guitar or, brighter and longer, a guzheng. */
export function pluck(decay = 0.996, brightness = 0.6): Instrument {
  return (note) => karplusStrong(note, decay, brightness);
}

/** Warm pad: three detuned band-limited saws through a two-pole low-pass, slow attack. */
export function pad(cutoff = 1100, attack = 0.6): Instrument {
  return ({ freq, duration, velocity, rate }) => {
    const release = 1.2;
    const n = Math.ceil((duration + release) * rate);
    const out = new Float32Array(n);
    const d0 = (freq * 0.9965) / rate;
    const d1 = freq / rate;
    const d2 = (freq * 1.0035) / rate;
    let p0 = 0.1;
    let p1 = 0.5;
    let p2 = 0.8;
    const a = 1 - Math.exp((-TAU * cutoff) / rate);
    let l1 = 0;
    let l2 = 0;
    for (let i = 0; i < n; i++) {
      p0 += d0;
      if (p0 >= 1) p0 -= 1;
      p1 += d1;
      if (p1 >= 1) p1 -= 1;
      p2 += d2;
      if (p2 >= 1) p2 -= 1;
      const s = 2 * (p0 + p1 + p2) - 3 - polyBlep(p0, d0) - polyBlep(p1, d1) - polyBlep(p2, d2);
      l1 += a * (s / 3 - l1);
      l2 += a * (l1 - l2);
      out[i] = l2 * velocity * envelope(i / rate, duration, attack, release);
    }
    return out;
  };
}

export type LeadWave = 'square' | 'triangle' | 'sine' | 'flute';

/** Monophonic lead with delayed vibrato; 'flute' adds breath noise (a dizi-like voice). */
export function lead(wave: LeadWave, vibrato = 0.25, attack = 0.02): Instrument {
  return ({ freq, duration, velocity, rate, rng }) => {
    const release = wave === 'square' ? 0.06 : 0.18;
    const n = Math.ceil((duration + release) * rate);
    const out = new Float32Array(n);
    let phase = 0;
    let breath = 0;
    for (let i = 0; i < n; i++) {
      const t = i / rate;
      const vib =
        1 +
        (vibrato / 12) *
          Math.LN2 *
          Math.sin(TAU * 5.3 * t) *
          Math.min(1, Math.max(0, (t - 0.18) / 0.3));
      const dt = (freq * vib) / rate;
      phase = (phase + dt) % 1;
      let s: number;
      if (wave === 'square') {
        s = (phase < 0.5 ? 1 : -1) + polyBlep(phase, dt) - polyBlep((phase + 0.5) % 1, dt);
        s *= 0.55;
      } else if (wave === 'triangle') {
        s = 1 - 4 * Math.abs(phase - 0.5);
      } else {
        s = sine(phase) + 0.18 * sine(2 * phase);
        if (wave === 'flute') {
          breath += 0.3 * (rng() * 2 - 1 - breath);
          s = s * 0.9 + breath * 0.22 * Math.exp(-t / 0.25) + breath * 0.06;
        }
      }
      out[i] = s * velocity * envelope(t, duration, attack, release);
    }
    return out;
  };
}

/** FM bell / glockenspiel: inharmonic partials and a long ring. */
export const bell: Instrument = ({ freq, duration, velocity, rate }) => {
  const ring = Math.max(1.2, duration);
  const n = Math.ceil(ring * rate);
  const out = new Float32Array(n);
  const dt = freq / rate;
  const kIndex = decayFactor(0.25, rate);
  const kAmp = decayFactor(0.55, rate);
  let index = 2.2;
  let amp = 1;
  for (let i = 0; i < n; i++) {
    const p = i * dt;
    const s = sine(p + (index * sine(p * 3.5)) / TAU);
    out[i] = s * amp * Math.min(1, i / (0.002 * rate)) * velocity * (1 - i / n);
    index *= kIndex;
    amp *= kAmp;
  }
  return out;
};

/** Marimba: a sine with a fast-decaying fourth partial. */
export const marimba: Instrument = ({ freq, velocity, rate }) => {
  const n = Math.ceil(0.9 * rate);
  const out = new Float32Array(n);
  const dt = freq / rate;
  const kPartial = decayFactor(0.04, rate);
  const kAmp = decayFactor(0.28, rate);
  let partial = 0.35;
  let amp = 1;
  for (let i = 0; i < n; i++) {
    const p = i * dt;
    const s = sine(p) + partial * sine(p * 3.93);
    out[i] = s * amp * Math.min(1, i / (0.002 * rate)) * velocity;
    partial *= kPartial;
    amp *= kAmp;
  }
  return out;
};

export type BassTone = 'round' | 'saw' | 'reed';

/** Bass: 'round' sine with some grit, 'saw' filter-swept, 'reed' a bassoon-like square. */
export function bass(tone: BassTone): Instrument {
  return ({ freq, duration, velocity, rate }) => {
    const release = 0.06;
    const n = Math.ceil((duration + release) * rate);
    const out = new Float32Array(n);
    let phase = 0;
    let l1 = 0;
    let l2 = 0;
    for (let i = 0; i < n; i++) {
      const t = i / rate;
      const dt = freq / rate;
      phase = (phase + dt) % 1;
      let s: number;
      if (tone === 'round') {
        s = Math.tanh(1.8 * sine(phase)) * 0.8;
      } else {
        const raw =
          tone === 'saw'
            ? 2 * phase - 1 - polyBlep(phase, dt)
            : (phase < 0.5 ? 1 : -1) + polyBlep(phase, dt) - polyBlep((phase + 0.5) % 1, dt);
        const cutoff = tone === 'saw' ? 250 + 1400 * Math.exp(-t / 0.09) : 700;
        const a = 1 - Math.exp((-TAU * cutoff) / rate);
        l1 += a * (raw - l1);
        l2 += a * (l1 - l2);
        s = l2;
      }
      out[i] = s * velocity * envelope(t, duration, 0.005, release);
    }
    return out;
  };
}

export type DrumKind =
  | 'kick'
  | 'snare'
  | 'clap'
  | 'hat'
  | 'openHat'
  | 'shaker'
  | 'rim'
  | 'woodblock'
  | 'tom'
  | 'boing'
  | 'crash';

/** One drum hit, mono. */
export function drum(kind: DrumKind, rate: number, rng: Rng, velocity = 1): Float32Array {
  const lengths: Record<DrumKind, number> = {
    kick: 0.45,
    snare: 0.3,
    clap: 0.35,
    hat: 0.08,
    openHat: 0.4,
    shaker: 0.12,
    rim: 0.08,
    woodblock: 0.15,
    tom: 0.5,
    boing: 0.6,
    crash: 1.8,
  };
  const n = Math.ceil(lengths[kind] * rate);
  const out = new Float32Array(n);
  let phase = 0;
  let lp = 0;
  let bp = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const noise = rng() * 2 - 1;
    lp += 0.35 * (noise - lp);
    const high = noise - lp; // crude high-pass: noise minus its low-passed self
    let s = 0;
    switch (kind) {
      case 'kick': {
        phase += (45 + 120 * Math.exp(-t / 0.035)) / rate;
        s = Math.sin(TAU * phase) * Math.exp(-t / 0.3) + noise * 0.15 * Math.exp(-t / 0.003);
        break;
      }
      case 'snare':
        phase += 185 / rate;
        s = high * 0.7 * Math.exp(-t / 0.11) + Math.sin(TAU * phase) * 0.5 * Math.exp(-t / 0.06);
        break;
      case 'clap': {
        const burst = t < 0.03 ? Math.exp(-((t % 0.01) / 0.003)) : Math.exp(-(t - 0.03) / 0.12);
        bp += 0.5 * (high - bp);
        s = bp * burst * 1.2;
        break;
      }
      case 'hat':
        s = high * 0.55 * Math.exp(-t / 0.022);
        break;
      case 'openHat':
        s = high * 0.45 * Math.exp(-t / 0.16);
        break;
      case 'shaker':
        s = high * 0.4 * Math.min(1, t / 0.015) * Math.exp(-t / 0.045);
        break;
      case 'rim':
        phase += 1750 / rate;
        s = Math.sin(TAU * phase) * Math.exp(-t / 0.012) + high * 0.3 * Math.exp(-t / 0.005);
        break;
      case 'woodblock':
        phase += 980 / rate;
        s = Math.sin(TAU * phase) * Math.exp(-t / 0.03) + noise * 0.1 * Math.exp(-t / 0.003);
        break;
      case 'tom':
        phase += (95 + 70 * Math.exp(-t / 0.08)) / rate;
        s = Math.sin(TAU * phase) * Math.exp(-t / 0.22);
        break;
      case 'boing':
        phase += (220 * (1 + 0.35 * Math.sin(TAU * 14 * t) * Math.exp(-t / 0.25))) / rate;
        s = Math.sin(TAU * phase) * Math.exp(-t / 0.22) * 0.8;
        break;
      case 'crash':
        s = high * 0.35 * Math.exp(-t / 0.6);
        break;
    }
    out[i] = s * velocity;
  }
  return out;
}

/** A stereo mix with a reverb send and a final master stage. */
export class StereoMix {
  readonly rate: number;
  readonly left: Float32Array;
  readonly right: Float32Array;
  private readonly send: Float32Array;

  constructor(rate: number, seconds: number) {
    this.rate = rate;
    const n = Math.ceil(seconds * rate);
    this.left = new Float32Array(n);
    this.right = new Float32Array(n);
    this.send = new Float32Array(n);
  }

  /** Adds a mono sound at `at` seconds; pan -1 (left) .. 1 (right), equal-power. */
  place(sound: Float32Array, at: number, gain: number, pan = 0, reverb = 0.2): void {
    const start = Math.round(at * this.rate);
    const angle = ((pan + 1) * Math.PI) / 4;
    const gl = Math.cos(angle) * gain;
    const gr = Math.sin(angle) * gain;
    const end = Math.min(this.left.length, start + sound.length);
    for (let i = Math.max(0, start); i < end; i++) {
      const v = sound[i - start] as number;
      this.left[i] = (this.left[i] as number) + v * gl;
      this.right[i] = (this.right[i] as number) + v * gr;
      this.send[i] = (this.send[i] as number) + v * gain * reverb;
    }
  }

  /** Ducks everything mixed so far on each beat (the "pumping" of dance music). */
  pump(beatSeconds: number, depth: number, from = 0): void {
    for (let i = Math.round(from * this.rate); i < this.left.length; i++) {
      const t = (i / this.rate) % beatSeconds;
      const g = 1 - depth * Math.exp(-t / 0.11);
      this.left[i] = (this.left[i] as number) * g;
      this.right[i] = (this.right[i] as number) * g;
    }
  }

  /** Reverb, fades and normalization to -1 dBFS; returns the two channels. */
  master(roomSize = 0.8): Float32Array[] {
    const wetL = schroeder(this.send, this.rate, 0, roomSize);
    const wetR = schroeder(this.send, this.rate, 23, roomSize);
    const n = this.left.length;
    let peak = 1e-9;
    for (let i = 0; i < n; i++) {
      this.left[i] = (this.left[i] as number) + (wetL[i] as number);
      this.right[i] = (this.right[i] as number) + (wetR[i] as number);
      peak = Math.max(peak, Math.abs(this.left[i] as number), Math.abs(this.right[i] as number));
    }
    const gain = 0.89 / peak;
    const fadeIn = Math.round(0.005 * this.rate);
    const fadeOut = Math.round(1.2 * this.rate);
    for (let i = 0; i < n; i++) {
      let g = gain;
      if (i < fadeIn) g *= i / fadeIn;
      if (i > n - fadeOut) g *= ((n - i) / fadeOut) ** 2;
      this.left[i] = (this.left[i] as number) * g;
      this.right[i] = (this.right[i] as number) * g;
    }
    return [this.left, this.right];
  }
}

/** Four damped combs and two all-passes (Freeverb's structure, one channel). */
function schroeder(input: Float32Array, rate: number, spread: number, room: number): Float32Array {
  const k = rate / 44100;
  const combs = [1116, 1188, 1277, 1356].map(
    (len) => new Float32Array(Math.round((len + spread) * k)),
  );
  const allpasses = [556, 441].map((len) => new Float32Array(Math.round((len + spread) * k)));
  const combIdx = new Int32Array(4);
  const store = new Float64Array(4);
  const apIdx = new Int32Array(2);
  const feedback = 0.7 + 0.28 * room;
  const damp = 0.3;
  const out = new Float32Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const x = (input[i] as number) * 0.25;
    let sum = 0;
    for (let c = 0; c < 4; c++) {
      const buf = combs[c] as Float32Array;
      const j = combIdx[c] as number;
      const y = buf[j] as number;
      const st = y * (1 - damp) + (store[c] as number) * damp;
      store[c] = st;
      buf[j] = x + st * feedback;
      combIdx[c] = j + 1 === buf.length ? 0 : j + 1;
      sum += y;
    }
    for (let c = 0; c < 2; c++) {
      const buf = allpasses[c] as Float32Array;
      const j = apIdx[c] as number;
      const b = buf[j] as number;
      buf[j] = sum + b * 0.5;
      apIdx[c] = j + 1 === buf.length ? 0 : j + 1;
      sum = b - sum;
    }
    out[i] = sum;
  }
  return out;
}
