import { describe, expect, it } from 'vitest';
import type { MediaFile, MediaItem } from '../../shared/domain';
import { mediaItem } from './media-item-fixture';
import {
  fileFormat,
  formatBitrate,
  formatDimensions,
  formatDuration,
  formatFileSize,
  isAnimated,
  mediaKind,
  primaryFile,
  tileFacts,
} from '../../renderer/src/media/media-facts';

function file(overrides: Partial<MediaFile>): MediaFile {
  return {
    fileName: 'a.png',
    fileSize: null,
    url: 'http://127.0.0.1:1/a.png',
    formatName: null,
    duration: null,
    width: null,
    height: null,
    bitrate: null,
    fileType: null,
    fileStatus: null,
    region: null,
    ...overrides,
  };
}

function item(overrides: Partial<MediaItem>): MediaItem {
  return mediaItem('m1', { title: 'T', ...overrides });
}

describe('formatters', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(9.6)).toBe('0:10');
    expect(formatDuration(125)).toBe('2:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(Number.NaN)).toBeNull();
  });

  it('formats file sizes in binary units', () => {
    expect(formatFileSize(512, 'en')).toBe('512 B');
    expect(formatFileSize(86_016, 'en')).toBe('84 KB');
    expect(formatFileSize(8_808_038, 'en')).toBe('8.4 MB');
    expect(formatFileSize(null, 'en')).toBeNull();
  });

  it('formats dimensions and bitrate, and refuses nonsense', () => {
    expect(formatDimensions(512, 256)).toBe('512 × 256');
    expect(formatDimensions(0, 256)).toBeNull();
    expect(formatBitrate(320_000, 'en')).toBe('320 kbps');
    expect(formatBitrate(null, 'en')).toBeNull();
  });
});

describe('media facts', () => {
  it('reads the format from FormatName, else from the extension', () => {
    expect(fileFormat(file({ formatName: 'mov,mp4,m4a', fileName: 'x.bin' }))).toBe('mov');
    expect(fileFormat(file({ formatName: null, fileName: 'Song.MP3' }))).toBe('mp3');
    expect(fileFormat(file({ formatName: null, fileName: 'noext' }))).toBeNull();
  });

  it('prefers the first file with a URL', () => {
    const a = file({ url: '', fileName: 'a' });
    const b = file({ fileName: 'b' });
    expect(primaryFile(item({ files: [a, b] }))?.fileName).toBe('b');
    expect(primaryFile(item({ files: [] }))).toBeNull();
  });

  it('recognizes music and animated stickers', () => {
    expect(mediaKind(item({ businessType: 'bgm' }))).toBe('audio');
    expect(mediaKind(item({ files: [file({ fileName: 'x.wav' })] }))).toBe('audio');
    expect(mediaKind(item({ files: [file({ fileName: 'x.png' })] }))).toBe('image');
    expect(isAnimated(item({ files: [file({ formatName: 'gif' })] }))).toBe(true);
    expect(isAnimated(item({ tags: ['sticker-gif'] }))).toBe(true);
    expect(isAnimated(item({ files: [file({ formatName: 'png' })] }))).toBe(false);
  });

  it('shows duration for music and size facts for images under a tile', () => {
    const music = item({
      businessType: 'bgm',
      files: [file({ fileName: 'a.wav', formatName: 'wav', duration: 95 })],
    });
    expect(tileFacts(music, 'en')).toEqual(['1:35', 'WAV']);
    const sticker = item({ files: [file({ width: 512, height: 512, fileSize: 2048 })] });
    expect(tileFacts(sticker, 'en')).toEqual(['512 × 512', '2 KB']);
    expect(tileFacts(item({ files: [] }), 'en')).toEqual([]);
  });
});
