// A demo server with a synthetic catalogue in its own media folder (tests replace files in it),
// an ICE client on it, and a media cache in a fresh folder whose look-ups are counted.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { copyDemoMedia } from '../../../support/demo-media';
import { startDemoServer } from '../../../../electron/demo-library/index';
import type { DemoServer, DemoServerOptions } from '../../../../electron/demo-library/index';
import { createIceClient } from '../../../../electron/services/ice/ice-client';
import type { IceClient } from '../../../../electron/services/ice/ice-client';
import { parseEndpointUrl } from '../../../../electron/services/ice/endpoint';
import { MediaCache } from '../../../../electron/services/media-cache/media-cache';
import type { MediaCacheOptions } from '../../../../electron/services/media-cache/media-cache';
import type { BusinessType, MediaItem } from '../../../../shared/domain';

export interface CacheWorld {
  server: DemoServer;
  mediaDir: string;
  client: IceClient;
  lookUps: string[];
  locator: MediaCacheOptions['locator'];
  /** A fresh cache folder each call (open caches are closed by close()). */
  openCache(options?: Partial<MediaCacheOptions>): Promise<MediaCache>;
  cacheDirs: string[];
  items(businessType: BusinessType, count?: number): Promise<MediaItem[]>;
  /** Requests for media files that reached the server, newest last. */
  mediaRequests(): Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

export async function startCacheWorld(
  options: Partial<DemoServerOptions> = {},
): Promise<CacheWorld> {
  // A private copy of the run's generated media: tests replace files in it.
  const mediaDir = await mkdtemp(join(tmpdir(), 'ice-cache-media-'));
  await copyDemoMedia(inject('demoMediaDir'), mediaDir);
  const server = await startDemoServer({ mediaDir, catalogue: { generated: 48 }, ...options });
  const client = createIceClient({ endpoint: parseEndpointUrl(server.url) });
  const lookUps: string[] = [];
  const caches: MediaCache[] = [];
  const cacheDirs: string[] = [];
  const locator: MediaCacheOptions['locator'] = {
    lookUp: (mediaId, signal) => {
      lookUps.push(mediaId);
      return client.getPublicMediaInfo(mediaId, signal ? { signal } : {});
    },
    allowInternalHosts: async () => true,
  };
  return {
    server,
    mediaDir,
    client,
    lookUps,
    locator,
    cacheDirs,
    async openCache(extra = {}) {
      const dir = extra.dir ?? (await mkdtemp(join(tmpdir(), 'ice-cache-')));
      if (!cacheDirs.includes(dir)) cacheDirs.push(dir);
      const cache = await MediaCache.open({
        dir,
        locator,
        retryBaseDelayMs: 10,
        saveDelayMs: 20,
        ...extra,
      });
      caches.push(cache);
      return cache;
    },
    async items(businessType, count = 12) {
      const page = await client.listPublicMediaBasicInfos({
        businessType,
        pageNo: 1,
        pageSize: count,
        includeFileBasicInfo: true,
      });
      return page.items;
    },
    mediaRequests: () =>
      server
        .requestLog()
        .filter((e) => e.path.startsWith('/media/'))
        .map((e) => ({ path: e.path, status: e.status })),
    async close() {
      for (const cache of caches) await cache.close();
      client.close();
      await server.close();
      for (const dir of [...cacheDirs, mediaDir]) await rm(dir, { recursive: true, force: true });
    },
  };
}
