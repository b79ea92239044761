// The account, source and preference parts of the store against the real bridge and router
// (payload validation included), with the main process answered in memory.

import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import type {
  AccountFormInput,
  AccountStatus,
  AppSettings,
  ConnectionTestResult,
} from '../../shared/account';
import type { LibrarySource, LibrarySourceKind } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { REQUEST_NAMES, eventChannels } from '../../shared/ipc-contract';
import type { EventName } from '../../shared/ipc-contract';
import { DOCUMENTED_TAGS } from '../../shared/tags';
import { createIpcRouter } from '../../electron/services/ipc/ipc-router';
import type { Handlers } from '../../electron/services/ipc/ipc-router';
import { createAppStore } from '../../renderer/src/store/app-store';

const SECRET = 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0';
const FORM: AccountFormInput = {
  accessKeyId: 'LTAI5tAbCdEfGh1234abcd',
  accessKeySecret: SECRET,
  securityToken: null,
  region: 'cn-shanghai',
  endpoint: null,
  signatureMethod: 'v3',
};

const NONE: AccountStatus = {
  configured: false,
  maskedAccessKeyId: null,
  hasStsToken: false,
  region: 'cn-shanghai',
  endpoint: null,
  signatureMethod: 'v3',
  storage: 'none',
  keychainAvailable: true,
  keychainProblem: null,
};
const SAVED: AccountStatus = {
  ...NONE,
  configured: true,
  maskedAccessKeyId: 'LTAI****abcd',
  storage: 'keychain',
};

function setup(options: { settings?: Partial<AppSettings>; notice?: string | null } = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let status: AccountStatus = NONE;
  let source: LibrarySource = { kind: 'demo', endpoint: '127.0.0.1:1' };
  const saveCalls: Array<{ form: AccountFormInput; sessionOnly?: boolean }> = [];
  const settingsUpdates: Array<Partial<AppSettings>> = [];
  const listCalls: string[] = [];
  let clearFails = false;

  const emit = <E extends EventName>(name: E, payload: unknown) => {
    for (const listener of listeners.get(eventChannels[name].channel) ?? []) listener(payload);
  };
  const unused = async (): Promise<never> => {
    throw new AppError('INTERNAL', 'not used in these tests');
  };
  const handlers: Handlers = {
    ...(Object.fromEntries(REQUEST_NAMES.map((name) => [name, unused])) as unknown as Handlers),
    getLibrarySource: async () => source,
    listTags: async ({ businessType }) =>
      DOCUMENTED_TAGS.filter((t) => t.businessType === businessType),
    listMedia: async ({ pageNo, pageSize }) => {
      listCalls.push(source.kind);
      return { items: [], totalCount: 0, nextToken: null, pageNo, pageSize, requestId: 'r' };
    },
    setLibrarySource: async ({ kind }: { kind: LibrarySourceKind }) => {
      if (kind === 'account' && !status.configured) {
        throw new AppError('AUTH_REQUIRED', 'Add an AccessKey in Settings.');
      }
      source = { kind, endpoint: kind === 'demo' ? '127.0.0.1:1' : 'ice.cn-shanghai.aliyuncs.com' };
      emit('onLibrarySourceChanged', source); // announced before the reply, as main-services does
      return source;
    },
    getAccountStatus: async () => status,
    validateAccount: async () => ({}),
    testAccount: async (): Promise<ConnectionTestResult> => ({
      ok: true,
      totalCount: 1234,
      requestId: 'REQ-T',
      clockCorrectionSeconds: null,
    }),
    saveAccount: async (request) => {
      saveCalls.push(request);
      status = { ...SAVED, storage: request.sessionOnly ? 'session' : 'keychain' };
      emit('onAccountChanged', status);
      return { status, totalCount: 1234, clockCorrectionSeconds: null };
    },
    clearAccount: async () => {
      status = NONE; // the session copy is gone even when the keychain then fails
      if (clearFails) throw new AppError('KEYCHAIN_LOCKED', 'locked');
      emit('onAccountChanged', status);
      return status;
    },
    getSettings: async () => ({
      settings: {
        region: 'cn-shanghai',
        endpoint: null,
        signatureMethod: 'v3',
        language: 'en',
        theme: 'system',
        downloadFolder: null,
        librarySource: 'demo',
        mediaCacheLimitBytes: 2 * 1024 ** 3,
        ...options.settings,
      },
      notice: options.notice ?? null,
    }),
    updateSettings: async (patch) => {
      settingsUpdates.push(patch);
      return (await handlers.getSettings(undefined)).settings;
    },
  };
  const router = createIpcRouter(handlers);
  const api = createBridgeApi({
    invoke: (channel, payload) => router.dispatch(channel, payload),
    send: () => undefined,
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  const store = createAppStore(api, 'en');
  return {
    store,
    saveCalls,
    settingsUpdates,
    listCalls,
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    setStatus: (next: AccountStatus) => {
      status = next;
      emit('onAccountChanged', next);
    },
    failClear: () => {
      clearFails = true;
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('account store', () => {
  it('loads the status, follows onAccountChanged, and stops listening when asked', async () => {
    const h = setup();
    const stop = h.store.getState().startAccount();
    await settle();
    expect(h.store.getState().account).toEqual(NONE);
    h.setStatus(SAVED);
    expect(h.store.getState().account).toEqual(SAVED);
    stop();
    expect(h.listenerCount()).toBe(0);
    h.setStatus(NONE);
    expect(h.store.getState().account).toEqual(SAVED);
  });

  it('passes the form through without keeping the secret anywhere in the store', async () => {
    const h = setup();
    h.store.getState().startAccount();
    const test = await h.store.getState().testAccount(FORM);
    expect(test).toEqual({
      ok: true,
      value: { ok: true, totalCount: 1234, requestId: 'REQ-T', clockCorrectionSeconds: null },
    });
    const saved = await h.store.getState().saveAccount(FORM, false);
    expect(saved.ok).toBe(true);
    await h.store.getState().saveAccount(FORM, true);
    expect(h.saveCalls).toEqual([{ form: FORM }, { form: FORM, sessionOnly: true }]);
    expect(h.store.getState().account?.storage).toBe('session');
    expect(JSON.stringify(h.store.getState())).not.toContain(SECRET);
  });

  it('shows what is left when removing the key fails halfway, and leaves the account source', async () => {
    const h = setup();
    h.store.getState().startLibrary();
    h.store.getState().startAccount();
    await h.store.getState().saveAccount(FORM, false);
    await h.store.getState().switchSource('account');
    expect(h.store.getState().source?.kind).toBe('account');
    h.failClear();
    const result = await h.store.getState().removeAccount();
    expect(result.ok).toBe(false);
    expect(h.store.getState().account?.configured).toBe(false);
    expect(h.store.getState().source?.kind).toBe('demo');
  });
});

describe('library source switch', () => {
  it('switches in one call and reloads the grid from the new source once', async () => {
    const h = setup();
    h.store.getState().startLibrary();
    await settle();
    expect(h.listCalls).toEqual(['demo']);
    h.setStatus(SAVED);
    await h.store.getState().switchSource('anonymous');
    await settle();
    expect(h.store.getState().source?.kind).toBe('anonymous');
    expect(h.listCalls).toEqual(['demo', 'anonymous']);
    expect(h.store.getState().switchingTo).toBeNull();
    // The current source again: nothing to do.
    await h.store.getState().switchSource('anonymous');
    expect(h.listCalls).toEqual(['demo', 'anonymous']);
  });

  it('keeps a refused switch as data and stays on the current source', async () => {
    const h = setup();
    h.store.getState().startLibrary();
    await settle();
    await h.store.getState().switchSource('account');
    expect(h.store.getState().source?.kind).toBe('demo');
    expect(h.store.getState().switchError).toEqual({
      kind: 'account',
      error: { code: 'AUTH_REQUIRED', message: 'Add an AccessKey in Settings.' },
    });
    h.store.getState().dismissSwitchError();
    expect(h.store.getState().switchError).toBeNull();
  });
});

describe('preferences', () => {
  it('applies the saved theme and shows the settings notice until dismissed', async () => {
    const h = setup({
      settings: { theme: 'light' },
      notice: 'The settings file was not readable.',
    });
    await h.store.getState().loadPreferences(['en']);
    expect(h.store.getState().theme).toBe('light');
    expect(h.store.getState().settingsNotice).toBe('The settings file was not readable.');
    h.store.getState().dismissSettingsNotice();
    expect(h.store.getState().settingsNotice).toBeNull();
  });

  it('saves a theme and a language preference, and "system" follows the browser', async () => {
    const h = setup();
    h.store.getState().setTheme('dark');
    h.store.getState().setLanguagePreference('system', ['zh-TW', 'en']);
    expect(h.store.getState().theme).toBe('dark');
    expect(h.store.getState().language).toBe('zh-CN');
    expect(h.store.getState().languagePreference).toBe('system');
    // A saved setting arriving later does not undo the choices just made.
    await h.store.getState().loadPreferences(['en']);
    expect(h.store.getState().theme).toBe('dark');
    expect(h.store.getState().language).toBe('zh-CN');
    await settle();
    expect(h.settingsUpdates).toEqual([{ theme: 'dark' }, { language: 'system' }]);
  });
});
