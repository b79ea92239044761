import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DragOut } from '../../../../electron/services/media-out/drag-out';
import {
  LocalFilesService,
  HOVER_LIMIT_BYTES,
} from '../../../../electron/services/media-out/local-files-service';
import type { LocalFileState } from '../../../../shared/media-out';
import { startMediaFixture } from './media-fixture';
import type { MediaFixture } from './media-fixture';

let fixture: MediaFixture;
let dir: string;
beforeAll(async () => {
  fixture = await startMediaFixture();
});
afterAll(() => fixture.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-drag-'));
  fixture.hits.clear();
});
afterEach(async () => {
  await fixture.closeCaches();
  await rm(dir, { recursive: true, force: true });
});

async function setup() {
  fixture.files.set('a.png', Buffer.from('png bytes of a'));
  fixture.files.set('b.png', Buffer.from('png bytes of b'));
  fixture.files.set('evil\u202Egnp.exe', Buffer.from('exe?'));
  const items = [
    fixture.item('A', 'a.png'),
    // Same real name as A: the drag must not carry two files called a.png.
    fixture.item('A2', 'a.png'),
    fixture.item('B', 'b.png'),
    fixture.item('E', 'evil\u202Egnp.exe', {}),
  ];
  items[3]!.files[0]!.formatName = 'png';
  const directory = fixture.directory(items);
  const files = await fixture.cachedFiles(join(dir, 'cache'), directory);
  const states: LocalFileState[] = [];
  const prepared = new LocalFilesService({ files, directory, emit: (s) => states.push(s) });
  const drag = new DragOut({ files, directory, stagingDir: join(dir, 'staging') });
  return { drag, prepared, states, files };
}

describe('DragOut', () => {
  it('refuses, naming the items, while files are not local; plans real names once they are', async () => {
    const { drag, prepared, states } = await setup();
    expect(drag.plan(['A', 'B'])).toEqual({ ok: false, notReady: ['A', 'B'] });
    const now = await prepared.prepare(['A', 'A2', 'B', 'E'], 'selection');
    expect(now.map((s) => s.state)).toEqual(['fetching', 'fetching', 'fetching', 'fetching']);
    await expect
      .poll(() => new Set(states.filter((s) => s.state === 'ready').map((s) => s.mediaId)).size)
      .toBe(4);

    const plan = drag.plan(['A', 'A2', 'B', 'E']);
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.files.map((f) => basename(f))).toEqual([
      'a.png',
      'a (1).png',
      'b.png',
      'evilgnp_exe.png',
    ]);
    for (const file of plan.files) expect((await stat(file)).size).toBeGreaterThan(0);
    expect(await readFile(plan.files[1]!, 'utf8')).toBe('png bytes of a');
    expect(await readFile(plan.files[2]!, 'utf8')).toBe('png bytes of b');
    // The icon is the first image, from the cache.
    expect(plan.iconPath).not.toBeNull();
    expect(await readFile(plan.iconPath!, 'utf8')).toBe('png bytes of a');
  });

  it('fetches on hover only up to the hover limit; selection fetches any size', async () => {
    fixture.files.set('huge.wav', Buffer.from('tiny stand-in'));
    const item = fixture.item('H', 'huge.wav');
    item.files[0]!.fileSize = HOVER_LIMIT_BYTES + 1;
    const directory = fixture.directory([item]);
    const files = await fixture.cachedFiles(join(dir, 'cache2'), directory);
    const states: LocalFileState[] = [];
    const service = new LocalFilesService({ files, directory, emit: (s) => states.push(s) });
    expect((await service.prepare(['H'], 'hover'))[0]?.state).toBe('deferred');
    expect(fixture.hits.get('huge.wav')).toBeUndefined();
    expect((await service.prepare(['H'], 'selection'))[0]?.state).toBe('fetching');
    await expect.poll(() => (fixture.hits.get('huge.wav') ?? 0) > 0).toBe(true);
  });
});
