import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../electron/services/settings/settings';
import { SettingsStore } from '../../../../electron/services/settings/settings-store';
import { rejectionOf as appError } from '../../../support/app-error';

let dataDir: string;
const fixedNow = () => new Date('2025-03-04T05:06:07.089Z');
const ASIDE = 'settings.corrupt-2025-03-04T05-06-07-089Z.json';

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ice-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const settingsFile = () => join(dataDir, 'settings.json');
const readJson = async (name = 'settings.json') =>
  JSON.parse(await readFile(join(dataDir, name), 'utf8')) as Record<string, unknown>;

describe('SettingsStore', () => {
  it('starts with defaults and no notice when there is no file yet', async () => {
    const store = new SettingsStore({ dataDir });
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('saves changes that a new store (a restart) loads back', async () => {
    const store = new SettingsStore({ dataDir });
    await store.load();
    const updated = await store.update({
      region: 'ap-southeast-1',
      endpoint: 'HTTPS://Ice.Example.com:8443/',
      theme: 'dark',
      language: 'zh-CN',
      downloadFolder: '/home/designer/素材',
    });
    expect(updated).toMatchObject({
      region: 'ap-southeast-1',
      endpoint: 'https://ice.example.com:8443',
    });
    const reloaded = await new SettingsStore({ dataDir }).load();
    expect(reloaded).toEqual({ settings: updated, notice: null });
  });

  it('writes atomically: only the settings file remains, with no temp files', async () => {
    const store = new SettingsStore({ dataDir });
    await store.load();
    await Promise.all([
      store.update({ theme: 'dark' }),
      store.update({ language: 'en' }),
      store.update({ signatureMethod: 'v1' }),
    ]);
    expect(await readdir(dataDir)).toEqual(['settings.json']);
    expect(await readJson()).toMatchObject({
      theme: 'dark',
      language: 'en',
      signatureMethod: 'v1',
    });
  });

  it('creates the data folder when it does not exist yet', async () => {
    const nested = join(dataDir, 'not', 'yet');
    const store = new SettingsStore({ dataDir: nested });
    await store.load();
    await store.update({ theme: 'light' });
    expect(JSON.parse(await readFile(join(nested, 'settings.json'), 'utf8'))).toMatchObject({
      theme: 'light',
    });
  });

  it('fills settings missing from an older file with defaults', async () => {
    await writeFile(settingsFile(), JSON.stringify({ region: 'cn-beijing', someFutureKey: 1 }));
    const { settings, notice } = await new SettingsStore({ dataDir }).load();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, region: 'cn-beijing' });
    expect(notice).toBeNull();
  });

  it.each([
    ['truncated JSON', '{"region": "cn-beij'],
    ['not an object', '["cn-beijing"]'],
    ['an unknown region', JSON.stringify({ region: 'mars-1' })],
    ['a non-http endpoint', JSON.stringify({ endpoint: 'ftp://ice.example.com' })],
    ['an empty file', ''],
  ])('moves a file with %s aside, uses defaults and says so', async (_, content) => {
    await writeFile(settingsFile(), content);
    const store = new SettingsStore({ dataDir, now: fixedNow });
    const { settings, notice } = await store.load();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice).toContain(ASIDE);
    expect(await readFile(join(dataDir, ASIDE), 'utf8')).toBe(content);
    // The next change writes a fresh, valid file.
    await store.update({ theme: 'dark' });
    expect(await readJson()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('strips secret-looking entries from the file on load, keeping the valid settings', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({
        region: 'cn-shenzhen',
        accessKeySecret: 'LeakedSecret123',
        securityToken: 'LeakedToken456',
        extra: { nested: { password: 'LeakedPassword789' } },
      }),
    );
    const { settings, notice } = await new SettingsStore({ dataDir }).load();
    expect(settings.region).toBe('cn-shenzhen');
    expect(notice).toMatch(/accessKeySecret, securityToken, extra/);
    expect(notice).not.toMatch(/Leaked/);
    const onDisk = await readFile(settingsFile(), 'utf8');
    expect(onDisk).not.toMatch(/Leaked/);
    expect(await readdir(dataDir)).toEqual(['settings.json']);
  });

  it('keeps no secret even in the moved-aside copy of an invalid file', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({ region: 'mars-1', accessKeySecret: 'LeakedSecret123' }),
    );
    const { settings, notice } = await new SettingsStore({ dataDir, now: fixedNow }).load();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice).toContain(ASIDE);
    for (const name of await readdir(dataDir)) {
      expect(await readFile(join(dataDir, name), 'utf8')).not.toContain('LeakedSecret123');
    }
    expect(await readJson(ASIDE)).toEqual({ region: 'mars-1' });
  });

  it('refuses to store anything that looks like a secret', async () => {
    const store = new SettingsStore({ dataDir });
    await store.load();
    const patch = { accessKeySecret: 'NotHere123' } as unknown as Parameters<
      typeof store.update
    >[0];
    const error = await appError(store.update(patch));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('accessKeySecret');
    expect(error.message).not.toContain('NotHere123');
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    [{ region: 'eu-central-1' }],
    [{ endpoint: 'javascript:alert(1)' }],
    [{ endpoint: 'https://user:pass@ice.example.com' }],
    [{ endpoint: 'https://ice.example.com/some/path' }],
    [{ endpoint: 'https://ice.example.com/?x=1' }],
    [{ signatureMethod: 'v2' }],
    [{ librarySource: 'cloud' }],
    [{ downloadFolder: '' }],
    [{ unknownSetting: true }],
  ])('rejects the invalid change %j and keeps the previous settings', async (patch) => {
    const store = new SettingsStore({ dataDir });
    await store.load();
    await store.update({ theme: 'dark' });
    const error = await appError(store.update(patch as Parameters<typeof store.update>[0]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(store.current()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await readJson()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('clears a custom endpoint with null', async () => {
    const store = new SettingsStore({ dataDir });
    await store.load();
    await store.update({ endpoint: 'http://127.0.0.1:5000' });
    expect((await store.update({ endpoint: null })).endpoint).toBeNull();
  });
});

describe('SettingsStore shared by the app and the CLI (two stores on one file)', () => {
  it("a change by one never undoes the other's: the key stays with its endpoint", async () => {
    const app = new SettingsStore({ dataDir });
    const cli = new SettingsStore({ dataDir });
    await app.load();
    await cli.load();
    await cli.update({ endpoint: 'https://ice.example.com', region: 'cn-beijing' });
    await app.update({ theme: 'light' }); // the app's copy predates the CLI's change
    expect(await readJson()).toMatchObject({
      endpoint: 'https://ice.example.com',
      region: 'cn-beijing',
      theme: 'light',
    });
    expect(app.current()).toMatchObject({ endpoint: 'https://ice.example.com', theme: 'light' });
  });

  it('interleaved updates from both lose nothing', async () => {
    const a = new SettingsStore({ dataDir });
    const b = new SettingsStore({ dataDir });
    await Promise.all([a.load(), b.load()]);
    await Promise.all([
      a.update({ theme: 'light' }),
      b.update({ region: 'cn-hangzhou' }),
      a.update({ language: 'zh-CN' }),
      b.update({ signatureMethod: 'v1' }),
      a.update({ librarySource: 'anonymous' }),
      b.update({ endpoint: 'https://ice.example.com' }),
    ]);
    expect(await readJson()).toMatchObject({
      theme: 'light',
      region: 'cn-hangzhou',
      language: 'zh-CN',
      signatureMethod: 'v1',
      librarySource: 'anonymous',
      endpoint: 'https://ice.example.com',
    });
    expect(await readdir(dataDir)).toEqual(['settings.json']); // the lock is gone too
  });

  it("the app hears of the CLI's change while it runs, without a restart", async () => {
    const app = new SettingsStore({ dataDir });
    await app.load();
    const heard: unknown[] = [];
    const stop = app.watch((settings) => heard.push(settings.endpoint));
    try {
      await new SettingsStore({ dataDir }).update({ endpoint: 'https://ice.example.com' });
      await vi.waitFor(() => expect(heard).toEqual(['https://ice.example.com']), {
        timeout: 10_000,
      });
      expect(app.current().endpoint).toBe('https://ice.example.com');
    } finally {
      stop();
    }
  });

  it('a lock left by a process that died does not block saving for ever', async () => {
    await writeFile(join(dataDir, 'settings.json.lock'), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dataDir, 'settings.json.lock'), old, old);
    const store = new SettingsStore({ dataDir });
    await store.load();
    await store.update({ theme: 'dark' });
    expect(await readJson()).toMatchObject({ theme: 'dark' });
  });
});

describe('SettingsStore with unusual files', () => {
  it('reads a file saved with a UTF-8 byte order mark (Notepad)', async () => {
    await writeFile(settingsFile(), `\uFEFF${JSON.stringify({ theme: 'light' })}`);
    const store = new SettingsStore({ dataDir, now: fixedNow });
    expect(await store.load()).toMatchObject({ settings: { theme: 'light' }, notice: null });
  });

  it('sets aside a deeply nested (valid) file instead of overflowing the stack', async () => {
    const depth = 30_000; // under the size limit, far over any stack
    await writeFile(
      settingsFile(),
      `{"theme":"dark","x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    const store = new SettingsStore({ dataDir, now: fixedNow });
    const loaded = await store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toMatch(/nested too deeply/);
  });

  it('does not read a huge file whole', async () => {
    await writeFile(settingsFile(), `{"theme":"dark","pad":"${'x'.repeat(200 * 1024)}"}`);
    const store = new SettingsStore({ dataDir, now: fixedNow });
    const loaded = await store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toMatch(/too large/);
    expect(await readdir(dataDir)).toEqual([ASIDE]);
  });
});
