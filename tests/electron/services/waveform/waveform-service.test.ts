// Waveform peaks from the demo server's music: decoded once, cached on disk, read back.

import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer } from '../../../../electron/demo-library/index';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import {
  WaveformService,
  fetchMediaFile,
} from '../../../../electron/services/waveform/waveform-service';
import type { MediaFileReader } from '../../../../electron/services/waveform/waveform-service';
import { decodeWav } from '../../../../electron/services/waveform/decode-audio';
import type { MediaItem } from '../../../../shared/domain';
import { rejectionOf } from '../../../support/app-error';

let workDir: string;
let server: DemoServer;
let track: MediaItem;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-waveform-'));
  server = await startDemoServer({
    mediaDir: inject('demoMediaDir'), // the run's shared media
    catalogue: { generated: 17 },
  });
  const client = createIceClient({
    endpoint: { scheme: 'http', host: '127.0.0.1', port: server.port },
  });
  const page = await client.listPublicMediaBasicInfos({
    businessType: 'bgm',
    pageNo: 1,
    pageSize: 10,
    includeFileBasicInfo: true,
  });
  client.close();
  track = page.items[0]!;
});
afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

function countingReader(): MediaFileReader & { reads: number } {
  const reader = {
    reads: 0,
    read(...args: Parameters<MediaFileReader['read']>) {
      reader.reads++;
      return fetchMediaFile.read(...args);
    },
  };
  return reader;
}

describe('waveform peaks', () => {
  it('decodes the track once into 400 peaks and serves them from the cache after', async () => {
    const dir = join(workDir, 'cache-1');
    const reader = countingReader();
    const first = await new WaveformService({ dir, reader }).peaks(track);
    expect(first.peaks).toHaveLength(400);
    expect(first.peaks.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Math.max(...first.peaks)).toBeGreaterThan(0.05); // music, not silence
    expect(first.duration).toBeCloseTo(track.files[0]!.duration ?? 0, 0);

    // Another instance (the next start) reads the cache, not the file.
    const again = await new WaveformService({ dir, reader }).peaks(track);
    expect(again).toEqual(first);
    expect(reader.reads).toBe(1);
  });

  it('asks for the file once when several rows want the same waveform at once', async () => {
    const reader = countingReader();
    const service = new WaveformService({ dir: join(workDir, 'cache-2'), reader });
    const results = await Promise.all([service.peaks(track), service.peaks(track)]);
    expect(results[0]).toEqual(results[1]);
    expect(reader.reads).toBe(1);
  });

  it('recomputes a damaged cache file', async () => {
    const dir = join(workDir, 'cache-3');
    const reader = countingReader();
    const service = new WaveformService({ dir, reader });
    const good = await service.peaks(track);
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), '{"peaks": [7');
    expect(await new WaveformService({ dir, reader }).peaks(track)).toEqual(good);
    expect(reader.reads).toBe(2);
  });

  it('refuses non-http URLs and reports audio it cannot decode', async () => {
    const service = new WaveformService({ dir: join(workDir, 'cache-4') });
    const local = { ...track, files: [{ ...track.files[0]!, url: 'file:///etc/passwd' }] };
    expect((await rejectionOf(service.peaks(local))).code).toBe('UNSAFE_URL');
    const notAudio: MediaFileReader = { read: async () => new TextEncoder().encode('hello') };
    const odd = new WaveformService({ dir: join(workDir, 'cache-5'), reader: notAudio });
    const error = await rejectionOf(
      odd.peaks({ ...track, files: [{ ...track.files[0]!, formatName: 'ogg' }] }),
    );
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('reads 16-bit stereo and 8-bit WAV samples', () => {
    const wav = (bits: number, channels: number, samples: number[]) => {
      const bytesPer = bits / 8;
      const data = samples.length * bytesPer;
      const b = new DataView(new ArrayBuffer(44 + data));
      const text = (at: number, s: string) =>
        [...s].forEach((c, i) => b.setUint8(at + i, c.charCodeAt(0)));
      text(0, 'RIFF');
      b.setUint32(4, 36 + data, true);
      text(8, 'WAVE');
      text(12, 'fmt ');
      b.setUint32(16, 16, true);
      b.setUint16(20, 1, true);
      b.setUint16(22, channels, true);
      b.setUint32(24, 8000, true);
      b.setUint16(34, bits, true);
      text(36, 'data');
      b.setUint32(40, data, true);
      samples.forEach((s, i) =>
        bits === 16 ? b.setInt16(44 + i * 2, s, true) : b.setUint8(44 + i, s),
      );
      return new Uint8Array(b.buffer);
    };
    const stereo = decodeWav(wav(16, 2, [16384, -32768, 0, 32767]));
    expect(stereo.channels.map((c) => [...c])).toEqual([
      [0.5, 0],
      [-1, 32767 / 32768],
    ]);
    expect(stereo.sampleRate).toBe(8000);
    expect([...decodeWav(wav(8, 1, [128, 255, 0])).channels[0]!]).toEqual([0, 127 / 128, -1]);
  });
});
