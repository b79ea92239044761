// Waveform peaks of audio items, computed once in the main process from the file and cached
// on disk (one small JSON per media id and file name), so each track is decoded at most once.
// The file comes through MediaFileReader: for now it downloads the file's URL; the media cache
// (issue 8) plugs in its ensure(mediaId, fileName) here to read the cached file instead.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { MediaItem } from '../../../shared/domain';
import type { WaveformPeaks } from '../../../shared/catalogue';
import { decodeAudio } from './decode-audio';
import { PEAK_COUNT, peaksOf } from './waveform-peaks';

export type { WaveformPeaks };

/** Where the bytes of a media file come from. */
export interface MediaFileReader {
  read(mediaId: string, fileName: string, url: string, signal?: AbortSignal): Promise<Uint8Array>;
}

/** Longest audio file the app decodes for a waveform (a few minutes of WAV fits). */
export const MAX_AUDIO_BYTES = 64 * 1024 * 1024;

/** Reads a file by fetching its http(s) URL, bounded in size and time. */
export const fetchMediaFile: MediaFileReader = {
  async read(_mediaId, _fileName, url, signal) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new AppError('UNSAFE_URL', 'Only http(s) media files can be read.');
    }
    let response: Response;
    try {
      response = await fetch(parsed, {
        signal: signal ?? AbortSignal.timeout(60_000),
        redirect: 'error',
      });
    } catch {
      throw new AppError('NETWORK', 'The audio file could not be downloaded.');
    }
    if (response.status === 403) throw new AppError('URL_EXPIRED', 'The audio link has expired.');
    if (!response.ok) {
      throw new AppError(
        'SERVER_ERROR',
        `The audio file could not be downloaded (HTTP ${response.status}).`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_AUDIO_BYTES) {
      throw new AppError('BAD_RESPONSE', 'The audio file is too large for a waveform.');
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_AUDIO_BYTES) {
      throw new AppError('BAD_RESPONSE', 'The audio file is too large for a waveform.');
    }
    return bytes;
  },
};

export class WaveformService {
  private readonly inFlight = new Map<string, Promise<WaveformPeaks>>();

  constructor(private readonly options: { dir: string; reader?: MediaFileReader }) {}

  /** Peaks of the item's first audio file: from the cache, else decoded once. */
  peaks(item: MediaItem): Promise<WaveformPeaks> {
    const file = item.files.find((f) => f.url !== '') ?? null;
    if (!file) return Promise.reject(new AppError('NOT_FOUND', 'This item has no audio file.'));
    // Hashed: neither the media id nor the file name ever becomes a path.
    const key = createHash('sha256').update(`${item.mediaId}\u0000${file.fileName}`).digest('hex');
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const path = join(this.options.dir, `${key.slice(0, 32)}.json`);
    const work = this.load(
      path,
      item.mediaId,
      file.fileName,
      file.url,
      file.formatName ?? '',
    ).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async load(
    path: string,
    mediaId: string,
    fileName: string,
    url: string,
    format: string,
  ): Promise<WaveformPeaks> {
    const cached = await readFile(path, 'utf8').then(parseCached, () => null);
    if (cached) return cached;
    const reader = this.options.reader ?? fetchMediaFile;
    const bytes = await reader.read(mediaId, fileName, url);
    const audio = await decodeAudio(bytes, format.toLowerCase());
    const frames = audio.channels[0]?.length ?? 0;
    const result: WaveformPeaks = {
      peaks: peaksOf(audio, PEAK_COUNT),
      duration: frames / audio.sampleRate,
    };
    await mkdir(this.options.dir, { recursive: true });
    // Written aside and renamed: a crash never leaves half a cache file.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(result));
    await rename(temporary, path);
    return result;
  }
}

function parseCached(text: string): WaveformPeaks | null {
  try {
    const value = JSON.parse(text) as Partial<WaveformPeaks>;
    if (
      Array.isArray(value.peaks) &&
      value.peaks.every((p) => typeof p === 'number' && p >= 0 && p <= 1) &&
      typeof value.duration === 'number'
    ) {
      return { peaks: value.peaks, duration: value.duration };
    }
  } catch {
    // A damaged cache file is computed again.
  }
  return null;
}
