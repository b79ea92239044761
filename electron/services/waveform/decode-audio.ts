// Decodes an audio file's bytes to PCM for waveform peaks, without native binaries: WAV (PCM
// 8/16/24/32-bit and 32-bit float) by hand, MP3 through mpg123 compiled to WebAssembly. Other
// formats are reported as unsupported (the row then shows a plain seek bar).

import { MPEGDecoder } from 'mpg123-decoder';
import { AppError } from '../../../shared/errors';

export interface DecodedAudio {
  /** One array per channel, samples in [-1, 1]. */
  channels: Float32Array[];
  sampleRate: number;
}

export async function decodeAudio(bytes: Uint8Array, formatHint: string): Promise<DecodedAudio> {
  if (isWav(bytes)) return decodeWav(bytes);
  if (formatHint === 'mp3' || isMp3(bytes)) return decodeMp3(bytes);
  throw new AppError(
    'BAD_RESPONSE',
    `Waveforms of ${formatHint || 'this'} audio are not supported.`,
  );
}

function isWav(b: Uint8Array): boolean {
  return b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE';
}

function isMp3(b: Uint8Array): boolean {
  if (b.length >= 3 && ascii(b, 0, 3) === 'ID3') return true;
  return b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}

export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format = 0;
  let channelCount = 0;
  let sampleRate = 0;
  let bits = 0;
  let data: { offset: number; length: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16) {
      format = view.getUint16(body, true);
      channelCount = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true);
    } else if (id === 'data') {
      data = { offset: body, length: Math.min(size, bytes.length - body) };
      break;
    }
    at = body + size + (size % 2);
  }
  const supported =
    (format === 1 && [8, 16, 24, 32].includes(bits)) || (format === 3 && bits === 32);
  if (!data || channelCount < 1 || sampleRate < 1 || !supported) {
    throw new AppError('BAD_RESPONSE', 'The WAV file is not PCM audio the app can read.');
  }
  const bytesPerSample = bits / 8;
  const frames = Math.floor(data.length / (bytesPerSample * channelCount));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < channelCount; c++) {
      const at = data.offset + (frame * channelCount + c) * bytesPerSample;
      let value: number;
      if (format === 3) value = view.getFloat32(at, true);
      else if (bits === 8) value = (view.getUint8(at) - 128) / 128;
      else if (bits === 16) value = view.getInt16(at, true) / 32768;
      else if (bits === 24) {
        const raw = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        value = raw / 8388608;
      } else value = view.getInt32(at, true) / 2147483648;
      channels[c]![frame] = value;
    }
  }
  return { channels, sampleRate };
}

async function decodeMp3(bytes: Uint8Array): Promise<DecodedAudio> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const decoded = decoder.decode(bytes);
    if (decoded.samplesDecoded === 0) {
      throw new AppError('BAD_RESPONSE', 'The MP3 file has no audio the app can read.');
    }
    return { channels: decoded.channelData, sampleRate: decoded.sampleRate };
  } finally {
    decoder.free();
  }
}
