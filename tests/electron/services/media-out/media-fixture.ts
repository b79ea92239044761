// A small file server and item directory for the media-out and downloads tests: serves files by
// name, lets a test stall, fail or expire a link, and counts the requests per file. The local
// files come from a real media cache over that server, as in the app.

import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MediaFile, MediaItem } from '../../../../shared/domain';
import { MediaDirectory } from '../../../../electron/services/media-out/media-directory';
import { MediaCache } from '../../../../electron/services/media-cache/media-cache';
import { cachedMediaFiles } from '../../../../electron/services/media-out/local-media-files';
import type { LocalMediaFiles } from '../../../../electron/services/media-out/local-media-files';

export interface MediaFixture {
  base: string;
  files: Map<string, Buffer>;
  hits: Map<string, number>;
  /** Return true to have answered the request yourself. */
  fault: ((name: string, res: ServerResponse, url: URL) => boolean) | null;
  item(mediaId: string, name: string, extra?: Partial<MediaItem>): MediaItem;
  directory(
    items: MediaItem[],
    fetchItem?: (mediaId: string) => Promise<MediaItem>,
  ): MediaDirectory;
  /** The app's local files: a media cache in dir whose look-ups ask the directory. */
  cachedFiles(dir: string, directory: MediaDirectory): Promise<LocalMediaFiles>;
  /** Closes every cache cachedFiles opened (each test's afterEach). */
  closeCaches(): Promise<void>;
  close(): Promise<void>;
}

export async function startMediaFixture(): Promise<MediaFixture> {
  const fixture = {
    files: new Map<string, Buffer>(),
    hits: new Map<string, number>(),
    fault: null,
  } as unknown as MediaFixture;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const name = decodeURIComponent(url.pathname.slice(1));
    fixture.hits.set(name, (fixture.hits.get(name) ?? 0) + 1);
    if (fixture.fault?.(name, res, url)) return;
    const body = fixture.files.get(name);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fixture.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fixture.item = (mediaId, name, extra = {}) => {
    const body = fixture.files.get(name);
    const file: MediaFile = {
      fileName: name,
      fileSize: body?.length ?? null,
      url: `${fixture.base}/${encodeURIComponent(name)}?Expires=9999999999`,
      formatName: name.split('.').pop() ?? null,
      duration: null,
      width: null,
      height: null,
      bitrate: null,
      fileType: null,
      fileStatus: null,
      region: null,
    };
    return {
      mediaId,
      title: `Title of ${mediaId}`,
      description: null,
      businessType: 'sticker',
      mediaType: 'image',
      tags: [],
      coverUrl: null,
      category: null,
      source: null,
      status: null,
      createTime: null,
      modifiedTime: null,
      files: [file],
      ...extra,
    };
  };
  fixture.directory = (items, fetchItem) => {
    const directory = new MediaDirectory({
      fetchItem:
        fetchItem ??
        (async (mediaId) => {
          const found = items.find((i) => i.mediaId === mediaId);
          if (!found) throw new Error(`unknown ${mediaId}`);
          return found;
        }),
    });
    directory.remember(items);
    return directory;
  };
  const caches: MediaCache[] = [];
  fixture.cachedFiles = async (dir, directory) => {
    const cache = await MediaCache.open({
      dir,
      locator: {
        lookUp: (mediaId) => directory.item(mediaId, true),
        allowInternalHosts: async () => true,
      },
      retryBaseDelayMs: 10,
      saveDelayMs: 20,
    });
    caches.push(cache);
    return cachedMediaFiles(cache);
  };
  fixture.closeCaches = async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
  };
  fixture.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fixture;
}
