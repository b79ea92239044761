// A waveform as a few hundred peaks: the loudest sample of each slice of the track, 0..1,
// across channels. Enough to draw at any row width; small enough to cache and send over IPC.

import type { DecodedAudio } from './decode-audio';

export const PEAK_COUNT = 400;

export function peaksOf(audio: DecodedAudio, count = PEAK_COUNT): number[] {
  const frames = audio.channels[0]?.length ?? 0;
  if (frames === 0) return [];
  const buckets = Math.min(count, frames);
  const peaks = new Array<number>(buckets).fill(0);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * frames) / buckets);
    const to = Math.floor(((b + 1) * frames) / buckets);
    let peak = 0;
    for (const channel of audio.channels) {
      for (let i = from; i < to; i++) {
        const v = Math.abs(channel[i]!);
        if (v > peak) peak = v;
      }
    }
    // Three decimals: the cache stays small and drawing needs no more.
    peaks[b] = Math.round(Math.min(1, peak) * 1000) / 1000;
  }
  return peaks;
}
