import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DownloadHistory } from '../../../../electron/services/downloads/download-history';
import { DownloadQueue } from '../../../../electron/services/downloads/download-queue';
import type { MediaItem } from '../../../../shared/domain';
import type { DownloadsSnapshot } from '../../../../shared/media-out';
import { startMediaFixture } from '../media-out/media-fixture';
import type { MediaFixture } from '../media-out/media-fixture';

let fixture: MediaFixture;
let dir: string;
beforeAll(async () => {
  fixture = await startMediaFixture();
});
afterAll(() => fixture.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-queue-'));
  fixture.fault = null;
  fixture.hits.clear();
});
afterEach(async () => {
  await fixture.closeCaches();
  await chmod(join(dir, 'locked'), 0o755).catch(() => undefined);
  // The history's atomic write may still be renaming its temp file.
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

async function queue(items: MediaItem[], concurrency = 3) {
  const directory = fixture.directory(items);
  const files = await fixture.cachedFiles(join(dir, 'cache'), directory);
  const snapshots: DownloadsSnapshot[] = [];
  const folder = join(dir, 'Downloads');
  const q = new DownloadQueue({
    files,
    directory,
    history: new DownloadHistory(join(dir, 'downloads.json')),
    folder: () => ({ path: folder, isDefault: true }),
    emit: (s) => snapshots.push(s),
    concurrency,
  });
  return { q, folder, snapshots };
}

const settled = (q: DownloadQueue) =>
  expect
    .poll(
      () => q.snapshot().entries.every((e) => e.state !== 'queued' && e.state !== 'downloading'),
      {
        timeout: 20_000,
      },
    )
    .toBe(true);

describe('DownloadQueue', () => {
  it('downloads a batch of 50 with bounded concurrency and one overall progress', async () => {
    const items: MediaItem[] = [];
    for (let i = 0; i < 50; i++) {
      fixture.files.set(`s${i}.png`, randomBytes(2000 + i));
      items.push(fixture.item(`m${i}`, `s${i}.png`));
    }
    let open = 0;
    let peak = 0;
    fixture.fault = (name, res) => {
      const body = fixture.files.get(name)!;
      open++;
      peak = Math.max(peak, open);
      res.writeHead(200, { 'content-length': body.length });
      setTimeout(() => {
        res.end(body);
        open--;
      }, 5);
      return true;
    };
    const { q, folder, snapshots } = await queue(items, 4);
    await q.open();
    await q.start(
      items.map((i) => i.mediaId),
      folder,
    );
    await settled(q);
    const last = q.snapshot();
    expect(last.entries.filter((e) => e.state === 'done')).toHaveLength(50);
    expect(peak).toBeLessThanOrEqual(4);
    expect(last.batches).toHaveLength(1);
    const total = items.reduce((sum, i) => sum + i.files[0]!.fileSize!, 0);
    expect(last.batches[0]).toMatchObject({ count: 50, done: 50, bytes: total, total });
    const done = snapshots.map((s) => s.batches[0]?.done ?? 0);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect((await readdir(folder)).sort()).toEqual(items.map((i) => i.files[0]!.fileName).sort());
  });

  it('an identical file already there is not written again; a different one gets "name (1)"', async () => {
    fixture.files.set('song.mp3', randomBytes(5000));
    const { q, folder } = await queue([fixture.item('m1', 'song.mp3')]);
    await q.open();
    await q.start(['m1'], folder);
    await settled(q);
    await q.start(['m1'], folder);
    await settled(q);
    const [second, first] = q.snapshot().entries;
    expect(first).toMatchObject({ state: 'done', alreadyThere: false, fileName: 'song.mp3' });
    expect(second).toMatchObject({
      state: 'done',
      alreadyThere: true,
      path: join(folder, 'song.mp3'),
    });
    await writeFile(join(folder, 'song.mp3'), 'a different file');
    await q.start(['m1'], folder);
    await settled(q);
    expect(q.snapshot().entries[0]).toMatchObject({
      alreadyThere: false,
      fileName: 'song (1).mp3',
    });
    expect(await readFile(join(folder, 'song.mp3'), 'utf8')).toBe('a different file');
    expect((await readdir(folder)).sort()).toEqual(['song (1).mp3', 'song.mp3']);
  });

  it('cancels a running download leaving no file, then retries it to completion', async () => {
    const body = randomBytes(300_000);
    fixture.files.set('long.mp3', body);
    let stall = true;
    fixture.fault = (_name, res) => {
      if (!stall) return false;
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 1000));
      return true;
    };
    const { q, folder } = await queue([fixture.item('m1', 'long.mp3')]);
    await q.open();
    await q.start(['m1'], folder);
    await expect.poll(() => q.snapshot().entries[0]?.bytes).toBe(1000);
    const id = q.snapshot().entries[0]!.id;
    q.cancel(id);
    await settled(q);
    expect(q.snapshot().entries[0]).toMatchObject({ state: 'cancelled' });
    expect(await readdir(folder).catch(() => [])).toEqual([]);
    stall = false;
    q.retry(id);
    await settled(q);
    expect(q.snapshot().entries[0]).toMatchObject({ state: 'done', fileName: 'long.mp3' });
    expect((await readFile(join(folder, 'long.mp3'))).equals(body)).toBe(true);
  });

  it('keeps its history across a restart, resumes what was running, and clears on request', async () => {
    fixture.files.set('a.mp3', randomBytes(1000));
    fixture.files.set('b.mp3', randomBytes(1000));
    let stall = true;
    fixture.fault = (name, res) => {
      if (!stall || name !== 'b.mp3') return false;
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(10));
      return true;
    };
    const items = [fixture.item('a', 'a.mp3'), fixture.item('b', 'b.mp3')];
    const first = await queue(items);
    await first.q.open();
    await first.q.start(['a'], first.folder);
    await settled(first.q);
    await first.q.start(['b'], first.folder);
    await expect.poll(() => first.q.snapshot().entries[0]?.state).toBe('downloading');
    await first.q.close(); // the app quits mid-download
    await fixture.closeCaches();

    stall = false;
    const second = await queue(items);
    await second.q.open();
    expect(second.q.snapshot().entries.map((e) => e.mediaId)).toEqual(['b', 'a']);
    await settled(second.q);
    expect(second.q.snapshot().entries.map((e) => e.state)).toEqual(['done', 'done']);
    expect((await readdir(second.folder)).sort()).toEqual(['a.mp3', 'b.mp3']);
    second.q.clearHistory();
    expect(second.q.snapshot().entries).toEqual([]);
    await second.q.close();
    const third = await queue(items);
    await third.q.open();
    expect(third.q.snapshot().entries).toEqual([]);
  });

  it('says plainly when the folder may not be written', async (context) => {
    if (process.getuid?.() === 0) {
      console.warn('Skipping the permission test: root may write anywhere.');
      context.skip();
      return;
    }
    fixture.files.set('a.mp3', randomBytes(1000));
    const { q } = await queue([fixture.item('a', 'a.mp3')]);
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    await q.open();
    await q.start(['a'], join(locked, 'sub'));
    await settled(q);
    expect(q.snapshot().entries[0]).toMatchObject({
      state: 'failed',
      error: { code: 'PERMISSION_DENIED' },
    });
  });
});
