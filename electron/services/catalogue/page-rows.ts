// A listing page as it crosses from the listing worker: each item a row of values, not an object.
//
// Why: a message between threads is copied by V8's serializer, which writes every property name
// of every object and, on the other side, builds each object a property at a time. A page of 100
// items with their files is about 2,700 such properties; as rows it is values only. Measured on
// the demo's pages: 0.11 against 0.28-0.48 ms a page to send (encode + serialize) and 0.14 against
// 0.21-0.27 ms to receive, and the listing worker's time per page is what a sync waits for.
//
// Both sides name every field, so a field added to MediaItem or MediaFile fails to compile here
// (fromRows builds the types) until it travels too; page-rows.test.ts checks the round trip.

import type { MediaFile, MediaItem } from '../../../shared/domain';

export type FileRow = [
  fileName: string,
  fileSize: number | null,
  url: string,
  formatName: string | null,
  duration: number | null,
  width: number | null,
  height: number | null,
  bitrate: number | null,
  fileType: string | null,
  fileStatus: string | null,
  region: string | null,
];

export type ItemRow = [
  mediaId: string,
  title: string,
  description: string | null,
  businessType: string,
  mediaType: string | null,
  tags: string[],
  coverUrl: string | null,
  category: string | null,
  source: string | null,
  status: string | null,
  createTime: string | null,
  modifiedTime: string | null,
  files: FileRow[],
];

export function toRows(items: readonly MediaItem[]): ItemRow[] {
  const rows: ItemRow[] = new Array<ItemRow>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    rows[i] = [
      item.mediaId,
      item.title,
      item.description,
      item.businessType,
      item.mediaType,
      item.tags,
      item.coverUrl,
      item.category,
      item.source,
      item.status,
      item.createTime,
      item.modifiedTime,
      item.files.map(fileRow),
    ];
  }
  return rows;
}

export function fromRows(rows: readonly ItemRow[]): MediaItem[] {
  const items: MediaItem[] = new Array<MediaItem>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    items[i] = {
      mediaId: row[0],
      title: row[1],
      description: row[2],
      businessType: row[3],
      mediaType: row[4],
      tags: row[5],
      coverUrl: row[6],
      category: row[7],
      source: row[8],
      status: row[9],
      createTime: row[10],
      modifiedTime: row[11],
      files: row[12].map(fileOf),
    };
  }
  return items;
}

function fileRow(file: MediaFile): FileRow {
  return [
    file.fileName,
    file.fileSize,
    file.url,
    file.formatName,
    file.duration,
    file.width,
    file.height,
    file.bitrate,
    file.fileType,
    file.fileStatus,
    file.region,
  ];
}

function fileOf(row: FileRow): MediaFile {
  return {
    fileName: row[0],
    fileSize: row[1],
    url: row[2],
    formatName: row[3],
    duration: row[4],
    width: row[5],
    height: row[6],
    bitrate: row[7],
    fileType: row[8],
    fileStatus: row[9],
    region: row[10],
  };
}
