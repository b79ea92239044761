// Generates the demo library's media into a folder, once: a stamp file records the generator
// version and every file's metadata, and a later start that finds the stamp (and files of the
// recorded sizes) reuses them. Files are written under a temporary name and renamed, so a crash
// or a second process generating at the same time never leaves a half-written file in place.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { DemoItemSpec, MediaRecipe } from '../demo-catalogue';
import { renderScene, renderSolid } from './backgrounds';
import { renderMusicCover } from './covers';
import { composeTrack } from './music';
import { encodePng } from './png';
import { renderStickerGif, renderStickerPng } from './stickers';
import { StereoMix, electricPiano, midiHz, seededRng } from './synth';
import { encodeWav } from './wav';

/** Bump when any generator's output changes, so stale folders are regenerated. */
export const DEMO_MEDIA_VERSION = 2;

export const BACKGROUND_SIZE = { width: 1280, height: 720 } as const;
const BACKGROUND_COVER = { width: 400, height: 225 } as const;
const STICKER_COVER = 160;
const MUSIC_COVER = 256;

/** What the catalogue needs to know about one generated file; all values are the file's own. */
export interface MediaFileInfo {
  /** Path below the media folder, '/'-separated. */
  relPath: string;
  fileName: string;
  size: number;
  md5: string;
  contentType: string;
  formatName: string;
  width: number | null;
  height: number | null;
  /** Seconds, for audio and animations. */
  duration: number | null;
  /** Bits per second, for audio and animations. */
  bitrate: number | null;
}

export interface GeneratedMedia {
  file: MediaFileInfo;
  cover: MediaFileInfo;
}

interface Stamp {
  version: number;
  set: string;
  items: Record<string, GeneratedMedia>;
}

type Rendered = Omit<MediaFileInfo, 'relPath' | 'fileName' | 'size' | 'md5'> & { bytes: Buffer };

function pngInfo(bytes: Buffer, width: number, height: number): Rendered {
  return {
    bytes,
    contentType: 'image/png',
    formatName: 'png',
    width,
    height,
    duration: null,
    bitrate: null,
  };
}

async function renderMain(recipe: MediaRecipe): Promise<Rendered> {
  switch (recipe.kind) {
    case 'sticker':
      return pngInfo(await renderStickerPng(recipe.design, recipe.size), recipe.size, recipe.size);
    case 'gif': {
      const gif = renderStickerGif(recipe.design, recipe.size, recipe.frames, recipe.delayMs);
      return {
        bytes: gif.bytes,
        contentType: 'image/gif',
        formatName: 'gif',
        width: recipe.size,
        height: recipe.size,
        duration: gif.duration,
        bitrate: (gif.bytes.length * 8) / gif.duration,
      };
    }
    case 'music': {
      const wav = encodeWav(composeTrack(recipe));
      return {
        bytes: wav.bytes,
        contentType: 'audio/wav',
        formatName: 'wav',
        width: null,
        height: null,
        duration: wav.duration,
        bitrate: wav.bitrate,
      };
    }
    case 'scene': {
      const { width, height } = BACKGROUND_SIZE;
      return pngInfo(
        await encodePng(renderScene(recipe.scene, width, height, recipe.seed)),
        width,
        height,
      );
    }
    case 'solid': {
      const { width, height } = BACKGROUND_SIZE;
      return pngInfo(await encodePng(renderSolid(recipe.color, width, height)), width, height);
    }
  }
}

async function renderCover(recipe: MediaRecipe): Promise<Rendered> {
  const { width, height } = BACKGROUND_COVER;
  switch (recipe.kind) {
    case 'sticker':
    case 'gif':
      return pngInfo(
        await renderStickerPng(recipe.design, STICKER_COVER),
        STICKER_COVER,
        STICKER_COVER,
      );
    case 'music':
      return pngInfo(
        await renderMusicCover(recipe.mood, recipe.variant, MUSIC_COVER),
        MUSIC_COVER,
        MUSIC_COVER,
      );
    case 'scene':
      return pngInfo(
        await encodePng(renderScene(recipe.scene, width, height, recipe.seed)),
        width,
        height,
      );
    case 'solid':
      return pngInfo(await encodePng(renderSolid(recipe.color, width, height)), width, height);
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/gif': 'gif',
  'audio/wav': 'wav',
};

async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

async function store(
  mediaDir: string,
  folder: string,
  name: string,
  r: Rendered,
): Promise<MediaFileInfo> {
  const fileName = `${name}.${EXTENSIONS[r.contentType] ?? 'bin'}`;
  const relPath = `${folder}/${fileName}`;
  await writeAtomically(join(mediaDir, ...relPath.split('/')), r.bytes);
  const { bytes, ...meta } = r;
  return {
    ...meta,
    relPath,
    fileName,
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex').toUpperCase(),
  };
}

const FOLDERS: Record<MediaRecipe['kind'], string> = {
  sticker: 'sticker',
  gif: 'sticker',
  music: 'bgm',
  scene: 'bgi',
  solid: 'bgi',
};

async function readStamp(
  mediaDir: string,
  file: string,
  set: string,
  slugs: string[],
): Promise<Stamp | null> {
  try {
    const stamp = JSON.parse(await readFile(join(mediaDir, file), 'utf8')) as Stamp;
    if (stamp.version !== DEMO_MEDIA_VERSION || stamp.set !== set) return null;
    for (const slug of slugs) {
      const entry = stamp.items[slug];
      if (!entry) return null;
      for (const f of [entry.file, entry.cover]) {
        const s = await stat(join(mediaDir, ...f.relPath.split('/')));
        if (s.size !== f.size) return null;
      }
    }
    return stamp;
  } catch {
    return null;
  }
}

const inFlight = new Map<string, Promise<Record<string, GeneratedMedia>>>();

/** Runs `generate` once per folder and stamp at a time within this process. */
function once(
  key: string,
  generate: () => Promise<Record<string, GeneratedMedia>>,
): Promise<Record<string, GeneratedMedia>> {
  const running = inFlight.get(key);
  if (running) return running;
  const p = generate().finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

const DEMO_STAMP = 'demo-media.json';

/** Ensures every demo item's file and cover exist in mediaDir; returns their metadata by slug. */
export function ensureDemoMedia(
  mediaDir: string,
  items: readonly DemoItemSpec[],
  signal?: AbortSignal,
): Promise<Record<string, GeneratedMedia>> {
  signal?.throwIfAborted();
  return once(`${mediaDir}\0demo`, async () => {
    const slugs = items.map((i) => i.slug);
    const existing = await readStamp(mediaDir, DEMO_STAMP, 'demo', slugs);
    if (existing) return existing.items;
    const result: Record<string, GeneratedMedia> = {};
    // Two items in flight: while one waits for zlib (thread pool), the next one renders.
    const limit = pLimit(2);
    await Promise.all(
      items.map((item) =>
        limit(async () => {
          await new Promise((resolve) => setImmediate(resolve));
          // Quitting during a first start stops here, between items, instead of finishing.
          signal?.throwIfAborted();
          const folder = FOLDERS[item.recipe.kind];
          const file = await store(mediaDir, folder, item.slug, await renderMain(item.recipe));
          const cover = await store(mediaDir, 'covers', item.slug, await renderCover(item.recipe));
          result[item.slug] = { file, cover };
        }),
      ),
    );
    const stamp: Stamp = { version: DEMO_MEDIA_VERSION, set: 'demo', items: result };
    await writeAtomically(join(mediaDir, DEMO_STAMP), Buffer.from(JSON.stringify(stamp, null, 1)));
    return result;
  });
}

export type SharedKind = 'sticker' | 'gif' | 'music' | 'background';
export const SHARED_KINDS: readonly SharedKind[] = ['sticker', 'gif', 'music', 'background'];
const SHARED_STAMP = 'shared-media.json';

/** A two-second electric-piano arpeggio: the one audio file every synthetic bgm item shares. */
function shortJingle(): Buffer {
  const rate = 22050;
  const mix = new StereoMix(rate, 2);
  const rng = seededRng(7);
  [60, 64, 67, 72].forEach((m, i) => {
    const note = electricPiano({
      freq: midiHz(m),
      duration: 1.2 - i * 0.25,
      velocity: 0.9,
      rate,
      rng,
    });
    mix.place(note, i * 0.25, 0.4, -0.3 + i * 0.2, 0.3);
  });
  return encodeWav({ sampleRate: rate, channels: mix.master(0.5) }).bytes;
}

/** The few small files that the synthetic {generated: N} catalogue points every item at. */
export function ensureSharedMedia(mediaDir: string): Promise<Record<SharedKind, GeneratedMedia>> {
  return once(`${mediaDir}\0shared`, async () => {
    const existing = await readStamp(mediaDir, SHARED_STAMP, 'shared', [...SHARED_KINDS]);
    if (existing) return existing.items;
    const jingle = shortJingle();
    const frames = (jingle.length - 44) / 4;
    const gifRender = renderStickerGif('heartbeat', 96, 12, 80);
    const sticker = await store(
      mediaDir,
      'shared',
      'sticker',
      pngInfo(await renderStickerPng('kitty', 128), 128, 128),
    );
    const stickerCover = await store(
      mediaDir,
      'shared',
      'sticker-cover',
      pngInfo(await renderStickerPng('kitty', 64), 64, 64),
    );
    const items: Record<SharedKind, GeneratedMedia> = {
      sticker: { file: sticker, cover: stickerCover },
      gif: {
        file: await store(mediaDir, 'shared', 'animated', {
          bytes: gifRender.bytes,
          contentType: 'image/gif',
          formatName: 'gif',
          width: 96,
          height: 96,
          duration: gifRender.duration,
          bitrate: (gifRender.bytes.length * 8) / gifRender.duration,
        }),
        cover: await store(
          mediaDir,
          'shared',
          'animated-cover',
          pngInfo(await renderStickerPng('heartbeat', 64), 64, 64),
        ),
      },
      music: {
        file: await store(mediaDir, 'shared', 'jingle', {
          bytes: jingle,
          contentType: 'audio/wav',
          formatName: 'wav',
          width: null,
          height: null,
          duration: frames / 22050,
          bitrate: 22050 * 2 * 16,
        }),
        cover: await store(
          mediaDir,
          'shared',
          'jingle-cover',
          pngInfo(await renderMusicCover('upbeat', 1, 96), 96, 96),
        ),
      },
      background: {
        file: await store(
          mediaDir,
          'shared',
          'background',
          pngInfo(await encodePng(renderScene('aurora', 320, 180, 1)), 320, 180),
        ),
        cover: await store(
          mediaDir,
          'shared',
          'background-cover',
          pngInfo(await encodePng(renderScene('aurora', 160, 90, 1)), 160, 90),
        ),
      },
    };
    const stamp: Stamp = { version: DEMO_MEDIA_VERSION, set: 'shared', items };
    await writeAtomically(
      join(mediaDir, SHARED_STAMP),
      Buffer.from(JSON.stringify(stamp, null, 1)),
    );
    return items;
  });
}
