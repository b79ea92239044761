// The built main process (out/main/index.js) booted against the fake electron module, with the
// real services behind it (demo server on 127.0.0.1, real files in a temp userData folder).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { copyDemoMedia } from '../../support/demo-media';
import {
  REQUEST_CHANNEL_NAMES,
  SEND_CHANNELS,
  requestChannels,
} from '../../../shared/ipc-contract';
import { primaryFile } from '../../../shared/domain';
import type { MediaItem, MediaPage } from '../../../shared/domain';
import { mediaFileName } from '../../../electron/services/ice/file-names';
import { contentSecurityPolicy } from '../../../electron/services/app/content-security-policy';
import { FakeElectron, FakeEvent, FakeWebContents, FakeWebFrameMain } from './fake-electron';
import type { FakeBrowserWindowBase } from './fake-electron';
import {
  MAIN_BUNDLE,
  PRELOAD_BUNDLE,
  RENDERER_DIR,
  loadMainBundle,
  requireBuilt,
} from './built-shell';

const APP_URL = 'app://renderer/index.html';
/** Images and media from the media: scheme only. */
const APP_CSP = contentSecurityPolicy({ mediaSrc: ['media:'] });

const EXPECTED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  preload: PRELOAD_BUNDLE,
};

function portIsOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the built main process', () => {
  let userData: string;
  let fake: FakeElectron;
  let window: FakeBrowserWindowBase;
  let beforeReady: { schemes: unknown[]; protocols: number; handlers: number };

  const app = (): FakeWebFrameMain => window.webContents.mainFrame;
  const invoke = (channel: string, payload?: unknown) =>
    fake.invokeFrom(window.webContents, app(), channel, payload);

  beforeAll(async () => {
    requireBuilt(MAIN_BUNDLE);
    requireBuilt(join(RENDERER_DIR, 'index.html'));
    userData = await mkdtemp(join(tmpdir(), 'ice-shell-'));
    // The run's demo media, where the app keeps them: the app does not generate them again.
    await copyDemoMedia(inject('demoMediaDir'), join(userData, 'demo-library'));
    fake = new FakeElectron({ userDataDir: userData });
    await loadMainBundle(fake);
    beforeReady = {
      schemes: [...fake.privilegedSchemes],
      protocols: fake.protocolHandlers.size,
      handlers: fake.ipcHandlers.size,
    };
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 60_000 });
    window = fake.windows[0]!;
  }, 120_000);

  afterAll(async () => {
    // Quit like Electron would, so the demo server is closed even when a test failed early.
    fake?.app.emit('will-quit', new FakeEvent());
    await vi
      .waitFor(() => expect(fake.quitCalls.length).toBeGreaterThan(0), { timeout: 10_000 })
      .catch(() => undefined);
    if (userData) await rm(userData, { recursive: true, force: true, maxRetries: 5 });
  });

  it('bundles its JS dependencies: only electron, Node built-ins and keytar stay external', async () => {
    const code = await readFile(MAIN_BUNDLE, 'utf8');
    const specifiers = [
      ...code.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1]!);
    // Relative imports are the bundle's own chunks (shared with the demo media worker).
    const external = specifiers.filter(
      // ./chunks/… are the bundle's own split chunks (the lazily loaded MP3 decoder).
      (name) =>
        name !== 'electron' && name !== 'keytar' && !isBuiltin(name) && !name.startsWith('./'),
    );
    expect(specifiers).toContain('electron');
    expect(external).toEqual([]);
  });

  it('registers app:// and media:// as privileged schemes before ready and serves them only after', () => {
    expect(beforeReady.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
      },
      {
        // stream: without it <audio> cannot seek (it needs 206 answers to Range requests).
        scheme: 'media',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
      },
    ]);
    expect(beforeReady.protocols).toBe(0);
    expect(beforeReady.handlers).toBe(0);
    expect([...fake.protocolHandlers.keys()].sort()).toEqual(['app', 'media']);
  });

  it('serves media:// from the cache: covers, files, Range with 206, traversal refused', async () => {
    const listed = (await invoke(requestChannels.listMedia.channel, {
      businessType: 'bgm',
      pageNo: 1,
      pageSize: 4,
    })) as { ok: true; value: MediaPage };
    const item = listed.value.items[0]!;
    const file = item.files[0]!;
    const serve = fake.protocolHandlers.get('media')!;
    const cover = await serve(new Request(`media://cover/${item.mediaId}`));
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toMatch(/^image\//);
    const upstream = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    const fileUrl = `media://file/${item.mediaId}/${encodeURIComponent(file.fileName)}`;
    const whole = await serve(new Request(fileUrl));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(upstream)).toBe(true);
    const part = await serve(new Request(fileUrl, { headers: { range: 'bytes=10-19' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${upstream.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(upstream.subarray(10, 20))).toBe(true);

    expect(await invoke(requestChannels.openMediaCacheFolder.channel)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(fake.openedPaths).toEqual([join(userData, 'media-cache')]);

    const settings = await readFile(join(userData, 'settings.json'), 'utf8').catch(() => '');
    for (const url of [
      `media://file/${item.mediaId}/..%2F..%2Fsettings.json`,
      `media://file/${item.mediaId}/..%5C..%5Csettings.json`,
      'media://file/..%2F..%2F/settings.json',
      `media://cover/${item.mediaId}/../../settings.json`,
      'media://file/../../../settings.json',
      `media://other/${item.mediaId}`,
    ]) {
      const refused = await serve(new Request(url));
      expect([400, 404], url).toContain(refused.status);
      const body = await refused.text();
      if (settings !== '') expect(body).not.toContain(settings.slice(0, 20));
    }
    // The first listing waits for the demo library's first-run generation: allow for a slow machine.
  }, 120_000);

  it('creates one window with exactly the secure webPreferences, shown when ready', () => {
    expect(window.options.webPreferences).toEqual(EXPECTED_WEB_PREFERENCES);
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true);
    expect(window.options.show).toBe(false);
    expect(window.options.backgroundColor).toBe('#111318');
    expect(window.options.minWidth).toBeGreaterThan(0);
    expect(window.loadedUrls).toEqual([APP_URL]);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('handles every request channel of the contract, and nothing else', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...REQUEST_CHANNEL_NAMES].sort());
  });

  it("answers the app's own top frame through the real services", async () => {
    expect(await invoke(requestChannels.getAppInfo.channel)).toEqual({
      ok: true,
      value: { version: '0.1.0-test', platform: process.platform, browserPreview: false },
    });
    const source = (await invoke(requestChannels.getLibrarySource.channel)) as {
      ok: boolean;
      value: { kind: string; endpoint: string };
    };
    expect(source.ok).toBe(true);
    expect(source.value.kind).toBe('demo');
    expect(source.value.endpoint).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('syncs the demo catalogue through its listing worker, bundled beside it', async () => {
    // The shell lists in out/main/catalogue-listing-worker.js: a worker that failed to load
    // would leave the catalogue in an error state with nothing stored.
    const status = async () =>
      (await invoke(requestChannels.getCatalogueStatus.channel)) as {
        ok: boolean;
        value: { state: string; itemCount: number; error: unknown };
      };
    await vi.waitFor(
      async () => {
        const { value } = await status();
        expect(value.error).toBeNull();
        expect(value).toMatchObject({ state: 'idle' });
        expect(value.itemCount).toBeGreaterThan(0);
      },
      { timeout: 60_000, interval: 100 },
    );
  });

  it('refuses senders it did not create, subframes, foreign origins and gone frames', async () => {
    const channel = requestChannels.getAppInfo.channel;
    const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER' } };

    const stranger = new FakeWebContents();
    stranger.mainFrame.url = APP_URL;
    expect(await fake.invokeFrom(stranger, stranger.mainFrame, channel)).toMatchObject(forbidden);

    const iframe = window.webContents.subframe(APP_URL);
    expect(await fake.invokeFrom(window.webContents, iframe, channel)).toMatchObject(forbidden);

    const foreignTop = new FakeWebFrameMain('https://evil.example/page', null);
    expect(await fake.invokeFrom(window.webContents, foreignTop, channel)).toMatchObject(forbidden);

    expect(await fake.invokeFrom(window.webContents, null, channel)).toMatchObject(forbidden);

    // The window's own top frame, once it shows another origin, loses access too.
    const previous = app().url;
    app().url = 'https://evil.example/';
    try {
      expect(await invoke(channel)).toMatchObject(forbidden);
    } finally {
      app().url = previous;
    }
  });

  it('turns malformed payloads into INVALID_PAYLOAD data errors', async () => {
    const invalid = { ok: false, error: { code: 'INVALID_PAYLOAD' } };
    const listTags = requestChannels.listTags.channel;
    expect(await invoke(listTags, { businessType: 'videos' })).toMatchObject(invalid);
    expect(await invoke(listTags, { businessType: 'bgm', extra: 1 })).toMatchObject(invalid);
    expect(await invoke(listTags, 'bgm')).toMatchObject(invalid);
    expect(await invoke(requestChannels.getMedia.channel, { mediaId: '' })).toMatchObject(invalid);
    expect(await invoke(requestChannels.getAppInfo.channel, { sneaky: true })).toMatchObject(
      invalid,
    );
  });

  it('opens only https links to the hosts the app links to, through IPC and window.open', async () => {
    const openExternal = requestChannels.openExternal.channel;
    const unsafe = { ok: false, error: { code: 'UNSAFE_URL' } };
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://example.com/docs',
    ]) {
      expect(await invoke(openExternal, { url })).toMatchObject(unsafe);
    }
    expect(fake.openedExternally).toEqual([]);
    expect(await invoke(openExternal, { url: 'https://help.aliyun.com/docs' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(fake.openedExternally).toEqual(['https://help.aliyun.com/docs']);

    const handler = window.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler!({ url: 'https://ram.console.aliyun.com/manage/ak' })).toEqual({
      action: 'deny',
    });
    expect(handler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(handler!({ url: APP_URL })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(fake.openedExternally).toEqual([
        'https://help.aliyun.com/docs',
        'https://ram.console.aliyun.com/manage/ak',
      ]),
    );
  });

  it('keeps the window on the app origin and refuses webviews', () => {
    const contents = window.webContents;
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      expect(contents.attempt(event, 'https://evil.example/')).toBe(true);
      expect(contents.attempt(event, 'file:///etc/passwd')).toBe(true);
      expect(contents.attempt(event, 'app://evil/index.html')).toBe(true);
      expect(contents.attempt(event, 'http://127.0.0.1:5173/')).toBe(true);
      expect(contents.attempt(event, 'app://renderer/other.html')).toBe(false);
    }
    expect(contents.attempt('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(contents.attachWebviewAttempt()).toBe(true);
  });

  it('guards any other webContents the app might get as well', () => {
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', new FakeEvent(), other);
    expect(other.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies permission requests and checks', () => {
    const request = fake.permissionRequestHandler;
    const check = fake.permissionCheckHandler;
    expect(request).not.toBeNull();
    expect(check).not.toBeNull();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid']) {
      const answers: boolean[] = [];
      request!(window.webContents, permission, (granted) => answers.push(granted), {
        requestingUrl: APP_URL,
      });
      expect(answers).toEqual([false]);
      expect(check!(window.webContents, permission, 'app://renderer', {})).toBe(false);
    }
    // The exceptions, for the app's own page only: the demo server on 127.0.0.1 and "Copy".
    for (const permission of ['loopback-network', 'clipboard-sanitized-write']) {
      expect(check!(window.webContents, permission, 'app://renderer', {})).toBe(true);
      expect(check!(window.webContents, permission, 'https://evil.example', {})).toBe(false);
      const answers: boolean[] = [];
      request!(window.webContents, permission, (granted) => answers.push(granted), {
        requestingUrl: 'https://evil.example/page',
      });
      expect(answers).toEqual([false]);
    }
  });

  it('serves index.html from the renderer folder with the strict CSP header', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const expected = await readFile(join(RENDERER_DIR, 'index.html'), 'utf8');
    for (const url of [APP_URL, 'app://renderer/']) {
      const response = await serve(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(await response.text()).toBe(expected);
    }
    // Images and media only from the cache's scheme: no https:, no loopback servers.
    expect(APP_CSP).toContain("img-src 'self' media:;");
    expect(APP_CSP).toContain('media-src media:;');
    expect(APP_CSP).not.toMatch(/https:|http:/);
    const missing = await serve(new Request('app://renderer/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(APP_CSP);
    expect((await serve(new Request('app://other-host/index.html'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const outside = await readFile(MAIN_BUNDLE, 'utf8');
    const attempts = [
      'app://renderer/../main/index.js',
      'app://renderer/%2e%2e/main/index.js',
      'app://renderer/..%2fmain%2findex.js',
      'app://renderer/%2e%2e%2fmain%2findex.js',
      'app://renderer/..%5cmain%5cindex.js',
      'app://renderer/..\\main\\index.js',
      `app://renderer/${encodeURIComponent(MAIN_BUNDLE)}`,
      `app://renderer/${MAIN_BUNDLE}`,
      'app://renderer/C:%5CWindows%5Cwin.ini',
      'app://renderer/index.html%00.js',
    ];
    for (const url of attempts) {
      const response = await serve(new Request(url));
      expect([400, 403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toBe(outside);
    }
  });

  it('focuses the existing window when a second instance starts', () => {
    window.minimized = true;
    fake.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  /** Lists stickers and waits until the primary files of the first `count` are local. */
  async function readyStickers(count: number): Promise<MediaItem[]> {
    const page = (await invoke(requestChannels.listMedia.channel, {
      businessType: 'sticker',
      pageNo: 1,
      pageSize: count,
    })) as { ok: true; value: { items: MediaItem[] } };
    const items = page.value.items.slice(0, count);
    const mediaIds = items.map((i) => i.mediaId);
    await vi.waitFor(
      async () => {
        const states = (await invoke(requestChannels.prepareLocalFiles.channel, {
          mediaIds,
          reason: 'selection',
        })) as { value: Array<{ state: string }> };
        expect(states.value.map((s) => s.state)).toEqual(mediaIds.map(() => 'ready'));
      },
      { timeout: 30_000, interval: 100 },
    );
    return items;
  }

  it('drags existing files from the one-way channel, synchronously, under real names with an icon', async () => {
    const items = await readyStickers(3);
    const contents = window.webContents;
    const before = contents.drags.length;
    fake.sendFrom(contents, app(), SEND_CHANNELS.startDrag, {
      mediaIds: items.map((i) => i.mediaId),
    });
    // Nothing is awaited between the message and startDrag: it has run when sendFrom returns.
    expect(contents.drags).toHaveLength(before + 1);
    const drag = contents.drags.at(-1)!;
    const files = drag.files ?? [drag.file];
    expect(drag.file).toBe(files[0]);
    const expected = items.map((i) => {
      const file = primaryFile(i)!;
      return mediaFileName(file.fileName, file.formatName);
    });
    expect(files.map((f) => basename(f))).toEqual(expected);
    expect(new Set(files.map((f) => basename(f).toLowerCase())).size).toBe(files.length);
    for (const file of files) expect(statSync(file).size).toBeGreaterThan(0);
    expect(drag.icon.isEmpty()).toBe(false);
    expect(Math.max(drag.icon.getSize().width, drag.icon.getSize().height)).toBeLessThanOrEqual(64);
  });

  it('starts no drag for strangers, bad payloads or files that are not local yet', async () => {
    const [item] = await readyStickers(1);
    const contents = window.webContents;
    const before = contents.drags.length;
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = APP_URL;
    fake.sendFrom(stranger, stranger.mainFrame, SEND_CHANNELS.startDrag, {
      mediaIds: [item!.mediaId],
    });
    fake.sendFrom(contents, contents.subframe(APP_URL), SEND_CHANNELS.startDrag, {
      mediaIds: [item!.mediaId],
    });
    fake.sendFrom(contents, app(), SEND_CHANNELS.startDrag, { mediaIds: 'x' });
    fake.sendFrom(contents, app(), SEND_CHANNELS.startDrag, { mediaIds: ['never-listed'] });
    expect(stranger.drags).toHaveLength(0);
    expect(contents.drags).toHaveLength(before);
  });

  it('downloads into the folder, shows it in the file manager and opens it; Save to asks once', async () => {
    const [item] = await readyStickers(1);
    const started = (await invoke(requestChannels.startDownloads.channel, {
      mediaIds: [item!.mediaId],
    })) as { ok: true; value: { batchId: string } };
    expect(started.ok).toBe(true);
    const finished = async () => {
      const snapshot = (await invoke(requestChannels.getDownloads.channel)) as {
        value: {
          entries: Array<{ id: string; state: string; path: string | null }>;
          folder: string;
        };
      };
      return snapshot.value;
    };
    await vi.waitFor(async () => expect((await finished()).entries[0]?.state).toBe('done'), {
      timeout: 20_000,
    });
    const done = await finished();
    expect(done.folder).toBe(join(userData, 'Downloads', 'ICE Media Library'));
    const entry = done.entries[0]!;
    expect(entry.path!.startsWith(done.folder)).toBe(true);
    await invoke(requestChannels.showDownloadInFolder.channel, { id: entry.id });
    await invoke(requestChannels.openDownload.channel, { id: entry.id });
    expect(fake.shownInFolder.at(-1)).toBe(entry.path);
    expect(fake.openedPaths.at(-1)).toBe(entry.path);

    const elsewhere = join(userData, 'elsewhere');
    fake.folderChoice = elsewhere;
    await invoke(requestChannels.startDownloads.channel, {
      mediaIds: [item!.mediaId],
      saveTo: true,
    });
    await vi.waitFor(async () => expect((await finished()).entries[0]?.state).toBe('done'), {
      timeout: 20_000,
    });
    expect((await finished()).entries[0]!.path!.startsWith(elsewhere)).toBe(true);
    // "Save to…" was once: the download folder setting is unchanged.
    expect((await finished()).folder).toBe(done.folder);
    fake.folderChoice = null;
    const cancelled = (await invoke(requestChannels.startDownloads.channel, {
      mediaIds: [item!.mediaId],
      saveTo: true,
    })) as { value: { batchId: string | null } };
    expect(cancelled.value.batchId).toBeNull();
  });

  it('shows the native context menu and answers the chosen entry; copies a file to the clipboard', async () => {
    fake.menuChoice = 'Copy MediaId';
    const answer = (await invoke(requestChannels.showContextMenu.channel, {
      entries: [
        { id: 'download', label: 'Download', enabled: true },
        { id: 'copy-id', label: 'Copy MediaId', enabled: true, separatorBefore: true },
      ],
    })) as { value: { native: boolean; chosen: string | null } };
    expect(answer.value).toEqual({ native: true, chosen: 'copy-id' });
    expect(fake.menus.at(-1)?.labels).toEqual(['Download', 'Copy MediaId']);

    const [item] = await readyStickers(1);
    const copied = (await invoke(requestChannels.copyFile.channel, { mediaId: item!.mediaId })) as {
      value: { copied: string; path: string };
    };
    expect(statSync(copied.value.path).size).toBeGreaterThan(0);
    if (process.platform === 'linux' || process.platform === 'darwin') {
      expect(copied.value.copied).toBe('file');
      expect(JSON.stringify(fake.clipboardWrites.at(-1))).toContain('file://');
    }
  });

  it('quits when the last window closes and closes the services before quitting', async () => {
    const source = (await invoke(requestChannels.getLibrarySource.channel)) as {
      value: { endpoint: string };
    };
    const port = Number(source.value.endpoint.split(':')[1]);
    expect(await portIsOpen('127.0.0.1', port)).toBe(true);

    fake.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(fake.quitCalls).toEqual(['quit']);
    const quitsBefore = fake.quitCalls.length;

    const willQuit = new FakeEvent();
    fake.app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true);
    // A second will-quit while closing is held back too.
    const again = new FakeEvent();
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(true);

    await vi.waitFor(() => expect(fake.quitCalls.length).toBe(quitsBefore + 1));
    expect(await portIsOpen('127.0.0.1', port)).toBe(false);
    const final = new FakeEvent();
    fake.app.emit('will-quit', final);
    expect(final.defaultPrevented).toBe(false);
  });
});
