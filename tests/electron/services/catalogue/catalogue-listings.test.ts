// How a sync drives its listings: the three business types are asked for at once (so the
// service is never idle between types) and a failure in one stops the others' requests.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueService } from '../../../../electron/services/catalogue/catalogue-service';
import type { CatalogueLister } from '../../../../electron/services/catalogue/catalogue-lister';
import type { BusinessType, MediaItem } from '../../../../shared/domain';
import { documentedTagsFor } from '../../../../shared/tags';
import { AppError } from '../../../../shared/errors';
import { rejectionOf } from '../../../support/app-error';

let workDir: string;
const services: CatalogueService[] = [];
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ice-listings-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

function mediaItem(businessType: BusinessType, n: number): MediaItem {
  return {
    mediaId: `${businessType}-${n}`,
    title: `${businessType} ${n}`,
    description: null,
    businessType,
    mediaType: businessType === 'bgm' ? 'audio' : 'image',
    tags: [documentedTagsFor(businessType)[0]!.id],
    coverUrl: null,
    category: null,
    source: null,
    status: null,
    createTime: '2025-01-01T00:00:00.000Z',
    modifiedTime: null,
    files: [],
  };
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

/** A lister whose listings record when they start and wait where the test says. */
function fakeLister(behaviour: {
  gate?: Promise<void>;
  failing?: BusinessType;
  onAbort?: (businessType: BusinessType) => void;
}) {
  const started: BusinessType[] = [];
  const lister: CatalogueLister = {
    listTags: (businessType) => Promise.resolve(documentedTagsFor(businessType)),
    async *listType(businessType, options) {
      started.push(businessType);
      options.signal?.addEventListener('abort', () => behaviour.onAbort?.(businessType));
      options.onTotalCount?.(3);
      if (businessType === 'sticker') await behaviour.gate;
      if (businessType === behaviour.failing) {
        throw new AppError('SERVER_ERROR', 'The library service failed.');
      }
      if (businessType !== 'sticker' && behaviour.failing) {
        // Waits until the sync stops it: what a page still on the wire does.
        await new Promise<void>((resolve) =>
          options.signal?.addEventListener('abort', () => resolve()),
        );
        throw new AppError('CANCELLED', 'The request was cancelled.');
      }
      for (let n = 1; n <= 3; n++) yield [mediaItem(businessType, n)];
    },
  };
  return { lister, started };
}

function service(name: string): CatalogueService {
  const s = new CatalogueService({ dir: join(workDir, name), refreshIntervalMs: 3_600_000 });
  services.push(s);
  return s;
}

describe('catalogue sync listings', () => {
  it('starts all three business types before the first one is read to its end', async () => {
    const gate = deferred();
    const { lister, started } = fakeLister({ gate: gate.promise });
    const catalogue = service('at-once');
    catalogue.open('fake', lister, { sync: false });
    const syncing = catalogue.sync();
    await expect.poll(() => [...started].sort()).toEqual(['bgi', 'bgm', 'sticker']);
    gate.release();
    await syncing;
    expect(catalogue.status()).toMatchObject({ itemCount: 9, error: null });
    // Stored type by type, whatever order the listings finished in.
    expect(catalogue.search({ text: '', businessType: 'bgi' }).ids).toHaveLength(3);
  });

  it('stops the other listings when one fails, and reports that failure', async () => {
    const aborted: BusinessType[] = [];
    const { lister } = fakeLister({
      failing: 'sticker',
      onAbort: (businessType) => aborted.push(businessType),
    });
    const catalogue = service('one-fails');
    catalogue.open('fake', lister, { sync: false });
    const error = await rejectionOf(catalogue.sync());
    expect(error.code).toBe('SERVER_ERROR');
    expect([...aborted].sort()).toEqual(['bgi', 'bgm', 'sticker']);
    expect(catalogue.status()).toMatchObject({ state: 'error', error: { code: 'SERVER_ERROR' } });
  });
});
