// What the CLI prints: JSON lines for machines, aligned tables for people.

import type { MediaFile, MediaItem, MediaTag } from '../../shared/domain';

/** The fields `list --json` promises for each file. */
export type ListedFileJson = Pick<
  MediaFile,
  'fileName' | 'fileSize' | 'url' | 'formatName' | 'duration' | 'width' | 'height' | 'bitrate'
>;

export function mediaJson(item: MediaItem): Record<string, unknown> {
  return {
    mediaId: item.mediaId,
    title: item.title,
    businessType: item.businessType,
    mediaType: item.mediaType,
    tags: item.tags,
    coverUrl: item.coverUrl,
    description: item.description,
    createTime: item.createTime,
    files: item.files.map((f): ListedFileJson => ({
      fileName: f.fileName,
      fileSize: f.fileSize,
      url: f.url,
      formatName: f.formatName,
      duration: f.duration,
      width: f.width,
      height: f.height,
      bitrate: f.bitrate,
    })),
  };
}

export function mediaTableRow(item: MediaItem): string[] {
  const file = item.files[0];
  return [
    item.mediaId,
    item.businessType || '-',
    truncate(item.title, 40),
    truncate(item.tags.join(','), 36) || '-',
    String(item.files.length),
    file ? describeFile(file) : '-',
  ];
}
export const MEDIA_TABLE_HEADER = ['MEDIA ID', 'TYPE', 'TITLE', 'TAGS', 'FILES', 'FIRST FILE'];

export function tagTable(tags: MediaTag[]): string {
  return table(
    ['TAG ID', 'TYPE', '中文', 'ENGLISH'],
    tags.map((t) => [t.id, t.businessType, t.nameZh, t.nameEn]),
  );
}

export function infoText(item: MediaItem): string {
  const lines = [
    `Media ID:   ${plain(item.mediaId)}`,
    `Title:      ${plain(item.title)}`,
    `Type:       ${plain(item.businessType || '-')} / ${plain(item.mediaType ?? '-')}`,
    `Tags:       ${plain(item.tags.join(', ')) || '-'}`,
    `Created:    ${item.createTime ?? '-'}`,
  ];
  if (item.description) lines.push(`About:      ${plain(item.description)}`);
  lines.push('');
  lines.push(
    item.files.length === 0
      ? 'No files.'
      : table(
          ['FILE', 'SIZE', 'FORMAT', 'DURATION', 'DIMENSIONS'],
          item.files.map((f) => [
            f.fileName,
            formatBytes(f.fileSize),
            f.formatName ?? '-',
            f.duration === null ? '-' : `${f.duration.toFixed(1)} s`,
            f.width !== null && f.height !== null ? `${f.width}×${f.height}` : '-',
          ]),
        ),
  );
  return lines.join('\n');
}

function describeFile(file: MediaFile): string {
  const size = formatBytes(file.fileSize);
  const extra =
    file.duration !== null
      ? `${file.duration.toFixed(1)} s`
      : file.width !== null && file.height !== null
        ? `${file.width}×${file.height}`
        : '';
  return [truncate(file.fileName, 30), size, extra].filter((s) => s && s !== '-').join(' ');
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Columns aligned by display width (CJK characters take two cells in a terminal). */
export function table(header: string[], dirtyRows: string[][]): string {
  const rows = dirtyRows.map((r) => r.map(plain));
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c)),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Text from the API without control characters, which could move the terminal cursor. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function truncate(text: string, max: number): string {
  const clean = plain(text);
  if (displayWidth(clean) <= max) return clean;
  let out = '';
  for (const char of clean) {
    if (displayWidth(out + char) > max - 1) break;
    out += char;
  }
  return `${out}…`;
}
