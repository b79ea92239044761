// The store against the real bridge and router (payload validation included), with the library
// answered in memory so each test controls timing and failures.

import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import type { BusinessType, LibrarySource, MediaItem, MediaPage } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import type { AppSettings } from '../../shared/account';
import { REQUEST_NAMES, eventChannels } from '../../shared/ipc-contract';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import { createIpcRouter } from '../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import { createAppStore } from '../../renderer/src/store/app-store';
import { PAGE_SIZE, listKey } from '../../renderer/src/store/library-slice';
import { selectCurrentList, selectSelectedMedia } from '../../renderer/src/store/selectors';
import { mediaItem } from './media-item-fixture';

function media(businessType: BusinessType, tag: string, n: number): MediaItem {
  return mediaItem(`${tag}-${n}`, { title: `${tag} #${n}`, businessType, tags: [tag] });
}

const LIBRARY: MediaItem[] = [
  ...Array.from({ length: PAGE_SIZE + 5 }, (_, i) => media('sticker', 'sticker-cute', i)),
  ...Array.from({ length: 3 }, (_, i) => media('sticker', 'sticker-gif', i)),
  ...Array.from({ length: 4 }, (_, i) => media('bgm', 'bgm-upbeat', i)),
];

interface Harness {
  /** Fail the next listMedia calls with this code. */
  failNext(code: ErrorCode, times?: number): void;
  /** Hold listMedia answers for a tag until released. */
  hold(tagId: string | undefined): () => void;
  calls: Array<{ businessType: string; mediaTagId?: string; pageNo: number }>;
  emitSourceChanged(source: LibrarySource): void;
  saveLanguage(language: AppSettings['language']): void;
  languageUpdates: string[];
}

function setup() {
  const failures: ErrorCode[] = [];
  const holds = new Map<string, Promise<void>>();
  const calls: Harness['calls'] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  let savedLanguage: AppSettings['language'] = 'system';
  const languageUpdates: string[] = [];

  const unused = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'not used in these tests');
  };
  const handlers: Handlers = {
    ...(Object.fromEntries(REQUEST_NAMES.map((name) => [name, unused])) as unknown as Handlers),
    getAppInfo: async () => ({ version: 't', platform: 'test', browserPreview: true }),
    getLibrarySource: async () => ({ kind: 'demo', endpoint: '127.0.0.1:1' }),
    listTags: async ({ businessType }) =>
      DOCUMENTED_TAGS.filter((t) => t.businessType === businessType),
    listMedia: async ({ businessType, mediaTagId, pageNo, pageSize }): Promise<MediaPage> => {
      calls.push({ businessType, ...(mediaTagId ? { mediaTagId } : {}), pageNo });
      await holds.get(mediaTagId ?? '*');
      const code = failures.shift();
      if (code) throw new AppError(code, 'injected', { requestId: 'REQ-1' });
      const all = LIBRARY.filter(
        (m) => m.businessType === businessType && (!mediaTagId || m.tags.includes(mediaTagId)),
      );
      return {
        items: all.slice((pageNo - 1) * pageSize, pageNo * pageSize),
        totalCount: all.length,
        nextToken: null,
        pageNo,
        pageSize,
        requestId: 'r',
      };
    },
    getSettings: async () => ({
      settings: {
        region: 'cn-shanghai',
        endpoint: null,
        signatureMethod: 'v3',
        language: savedLanguage,
        theme: 'system',
        downloadFolder: null,
        librarySource: 'demo',
        mediaCacheLimitBytes: 2 * 1024 ** 3,
      },
      notice: null,
    }),
    updateSettings: async (patch) => {
      if (patch.language) languageUpdates.push(patch.language);
      return (await handlers.getSettings(undefined)).settings;
    },
  };
  const router = createIpcRouter(handlers);
  const api = createBridgeApi({
    invoke: (channel, payload) => router.dispatch(channel, payload),
    send: () => undefined,
    subscribe(channel, listener) {
      const set = eventListeners.get(channel) ?? new Set();
      eventListeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  const store = createAppStore(api, 'en');
  const harness: Harness = {
    failNext(code, times = 1) {
      for (let i = 0; i < times; i++) failures.push(code);
    },
    hold(tagId) {
      let release = () => {};
      holds.set(
        tagId ?? '*',
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        holds.delete(tagId ?? '*');
        release();
      };
    },
    calls,
    saveLanguage(language) {
      savedLanguage = language;
    },
    languageUpdates,
    emitSourceChanged(source) {
      const { channel } = eventChannels.onLibrarySourceChanged;
      for (const listener of eventListeners.get(channel) ?? []) listener(source);
    },
  };
  return { store, harness };
}

/** Lets every pending promise chain (bridge -> router -> handler -> store) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('library store', () => {
  it('starts with the source, the sticker tags and the first page', async () => {
    const { store } = setup();
    store.getState().startLibrary();
    expect(selectCurrentList(store.getState())?.status).toBe('loading');
    await settle();
    const state = store.getState();
    expect(state.source).toEqual({ kind: 'demo', endpoint: '127.0.0.1:1' });
    expect(state.tagsByType.sticker?.tags.map((t) => t.id)).toContain('sticker-cute');
    const list = selectCurrentList(state);
    expect(list?.status).toBe('ready');
    expect(list?.ids).toHaveLength(PAGE_SIZE);
    expect(list?.totalCount).toBe(PAGE_SIZE + 8);
    expect(list?.hasMore).toBe(true);
  });

  it('loads more pages until the total is reached, without duplicates', async () => {
    const { store } = setup();
    store.getState().startLibrary();
    await settle();
    store.getState().loadMore();
    expect(selectCurrentList(store.getState())?.moreStatus).toBe('loading');
    await settle();
    const list = selectCurrentList(store.getState());
    expect(list?.ids).toHaveLength(PAGE_SIZE + 8);
    expect(new Set(list?.ids).size).toBe(PAGE_SIZE + 8);
    expect(list?.hasMore).toBe(false);
    store.getState().loadMore(); // nothing more to load: a no-op
    expect(selectCurrentList(store.getState())?.moreStatus).toBe('idle');
  });

  it('shows a tag’s media and keeps a slow answer for another tag out of view', async () => {
    const { store, harness } = setup();
    store.getState().startLibrary();
    await settle();
    const release = harness.hold('sticker-cute');
    store.getState().selectTag('sticker-cute');
    store.getState().selectTag('sticker-gif');
    await settle();
    expect(selectCurrentList(store.getState())?.ids).toEqual([
      'sticker-gif-0',
      'sticker-gif-1',
      'sticker-gif-2',
    ]);
    release();
    await settle();
    // The late answer fills its own list, never the one on screen.
    expect(selectCurrentList(store.getState())?.ids).toHaveLength(3);
    expect(store.getState().lists[listKey('sticker', 'sticker-cute')]?.ids).toHaveLength(PAGE_SIZE);
  });

  it('keeps a failure as data and recovers on retry', async () => {
    const { store, harness } = setup();
    harness.failNext('SERVER_ERROR');
    store.getState().startLibrary();
    await settle();
    const failed = selectCurrentList(store.getState());
    expect(failed?.status).toBe('error');
    expect(failed?.error).toMatchObject({ code: 'SERVER_ERROR', requestId: 'REQ-1' });
    store.getState().retryList();
    await settle();
    expect(selectCurrentList(store.getState())?.status).toBe('ready');
    expect(selectCurrentList(store.getState())?.ids).toHaveLength(PAGE_SIZE);
  });

  it('keeps loaded media when a later page fails, and retries that page', async () => {
    const { store, harness } = setup();
    store.getState().startLibrary();
    await settle();
    harness.failNext('NETWORK');
    store.getState().loadMore();
    await settle();
    let list = selectCurrentList(store.getState());
    expect(list?.status).toBe('ready');
    expect(list?.ids).toHaveLength(PAGE_SIZE);
    expect(list?.moreStatus).toBe('error');
    expect(list?.moreError?.code).toBe('NETWORK');
    store.getState().retryList();
    await settle();
    list = selectCurrentList(store.getState());
    expect(list?.moreStatus).toBe('idle');
    expect(list?.ids).toHaveLength(PAGE_SIZE + 8);
    expect(harness.calls.filter((c) => c.pageNo === 2)).toHaveLength(2);
  });

  it('reuses a loaded list when coming back to it', async () => {
    const { store, harness } = setup();
    store.getState().startLibrary();
    await settle();
    store.getState().selectTag('sticker-gif');
    await settle();
    store.getState().selectTag(null);
    await settle();
    expect(harness.calls.filter((c) => c.mediaTagId === undefined)).toHaveLength(1);
    expect(selectCurrentList(store.getState())?.ids).toHaveLength(PAGE_SIZE);
  });

  it('opens details for the chosen media and closes them on another business type', async () => {
    const { store } = setup();
    store.getState().startLibrary();
    await settle();
    store.getState().openDetails('sticker-cute-3');
    expect(store.getState().detailsOpen).toBe(true);
    expect(selectSelectedMedia(store.getState())?.title).toBe('sticker-cute #3');
    store.getState().selectTag('sticker-gif');
    expect(store.getState().detailsOpen).toBe(true);
    store.getState().selectBusinessType('bgm');
    expect(store.getState().detailsOpen).toBe(false);
    await settle();
    expect(selectCurrentList(store.getState())?.ids).toHaveLength(4);
    expect(store.getState().tagsByType.bgm?.tags.every((t) => t.businessType === 'bgm')).toBe(true);
  });

  it('reloads everything when the library source changes', async () => {
    const { store, harness } = setup();
    const stop = store.getState().startLibrary();
    await settle();
    harness.emitSourceChanged({ kind: 'account', endpoint: 'ice.cn-shanghai.aliyuncs.com' });
    expect(store.getState().source?.kind).toBe('account');
    await settle();
    expect(harness.calls.filter((c) => c.pageNo === 1 && !c.mediaTagId)).toHaveLength(2);
    expect(selectCurrentList(store.getState())?.status).toBe('ready');
    stop();
  });
});

describe('language preference', () => {
  it('follows the saved setting, or the browser when the setting is "system"', async () => {
    const { store, harness } = setup();
    harness.saveLanguage('zh-CN');
    await store.getState().loadPreferences(['en-US']);
    expect(store.getState().language).toBe('zh-CN');

    const other = setup();
    await other.store.getState().loadPreferences(['zh-TW', 'en']);
    expect(other.store.getState().language).toBe('zh-CN');
  });

  it('saves the switch, and a choice made before the settings arrive wins', async () => {
    const { store, harness } = setup();
    harness.saveLanguage('zh-CN');
    const loading = store.getState().loadPreferences(['zh-CN']);
    store.getState().setLanguage('en');
    await loading;
    await settle();
    expect(store.getState().language).toBe('en');
    expect(harness.languageUpdates).toEqual(['en']);
  });
});
