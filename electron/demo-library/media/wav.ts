// 16-bit PCM WAV writer. Duration and bitrate reported for a track are computed from the same
// numbers written into its header, so catalogue metadata cannot drift from the file.

export interface PcmAudio {
  sampleRate: number;
  /** One Float32Array per channel, samples in -1..1. */
  channels: Float32Array[];
}

export interface WavInfo {
  bytes: Buffer;
  duration: number;
  /** Bits per second of the PCM stream. */
  bitrate: number;
}

export function encodeWav(audio: PcmAudio): WavInfo {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const blockAlign = channels * 2;
  const byteRate = audio.sampleRate * blockAlign;
  const dataBytes = frames * blockAlign;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'latin1');
  out.write('fmt ', 12, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(byteRate, 28);
  out.writeUInt16LE(blockAlign, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(dataBytes, 40);
  // WAV is little-endian; so is every platform Electron ships on, so an Int16Array view of the
  // data chunk writes the samples directly.
  const pcm = new Int16Array(out.buffer, out.byteOffset + 44, frames * channels);
  for (let c = 0; c < channels; c++) {
    const samples = audio.channels[c] as Float32Array;
    for (let i = 0; i < frames; i++) {
      const v = samples[i] as number;
      pcm[i * channels + c] = Math.round((v > 1 ? 1 : v < -1 ? -1 : v) * 32767);
    }
  }
  return { bytes: out, duration: frames / audio.sampleRate, bitrate: byteRate * 8 };
}
