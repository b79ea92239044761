// The built sandboxed preload (out/preload/index.cjs) run as Electron runs it, with a `require`
// that knows only 'electron' and the fake's renderer-side APIs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BRIDGE_GLOBAL,
  EVENT_NAMES,
  REQUEST_NAMES,
  SEND_CHANNELS,
  SEND_NAMES,
  eventChannels,
  requestChannels,
} from '../../../shared/ipc-contract';
import type { BridgeApi } from '../../../shared/ipc-contract';
import { FakeElectron } from '../main/fake-electron';
import { PRELOAD_BUNDLE, requireBuilt, runPreloadBundle } from '../main/built-shell';

function loadPreload() {
  const fake = new FakeElectron({ userDataDir: '/nonexistent' });
  const required = runPreloadBundle(fake);
  const api = fake.exposedInMainWorld.get(BRIDGE_GLOBAL) as BridgeApi;
  return { fake, required, api };
}

describe('the built preload', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    requireBuilt(PRELOAD_BUNDLE);
    const code = readFileSync(PRELOAD_BUNDLE, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const { required } = loadPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it("exposes exactly the contract's method names under window.iceApi, and nothing else", () => {
    const { fake, api } = loadPreload();
    expect([...fake.exposedInMainWorld.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual(
      [...REQUEST_NAMES, ...EVENT_NAMES, ...SEND_NAMES].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each request on its channel through ipcRenderer.invoke and returns the Result', async () => {
    const { fake, api } = loadPreload();
    fake.rendererInvokeReply = async (channel) => ({ ok: true, value: `reply from ${channel}` });
    expect(await api.listTags({ businessType: 'bgm' })).toEqual({
      ok: true,
      value: `reply from ${requestChannels.listTags.channel}`,
    });
    await api.getAppInfo();
    expect(fake.rendererInvokes).toEqual([
      { channel: requestChannels.listTags.channel, args: [{ businessType: 'bgm' }] },
      { channel: requestChannels.getAppInfo.channel, args: [undefined] },
    ]);
  });

  it('sends one-way messages through ipcRenderer.send, never invoke', () => {
    const { fake, api } = loadPreload();
    expect(api.startDrag({ mediaIds: ['m1'] })).toBeUndefined();
    expect(fake.rendererSends).toEqual([
      { channel: SEND_CHANNELS.startDrag, args: [{ mediaIds: ['m1'] }] },
    ]);
    expect(fake.rendererInvokes).toEqual([]);
  });

  it('turns a rejected invoke into an error Result instead of a throw', async () => {
    const { fake, api } = loadPreload();
    fake.rendererInvokeReply = () => Promise.reject(new Error('No handler registered'));
    expect(await api.getLibrarySource()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'No handler registered' },
    });
  });

  it('passes event listeners only the payload, never the IPC event', () => {
    const { fake, api } = loadPreload();
    const calls: unknown[][] = [];
    api.onLibrarySourceChanged((...args: unknown[]) => calls.push(args));
    const source = { kind: 'demo', endpoint: '127.0.0.1:9' };
    fake.emitToRenderer(eventChannels.onLibrarySourceChanged.channel, source);
    expect(calls).toEqual([[source]]);
  });

  it('returns an unsubscribe that removes exactly that listener', () => {
    const { fake, api } = loadPreload();
    const channel = eventChannels.onLibrarySourceChanged.channel;
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.onLibrarySourceChanged((p) => first.push(p));
    api.onLibrarySourceChanged((p) => second.push(p));
    expect(fake.rendererListeners.get(channel)?.size).toBe(2);
    stopFirst();
    expect(fake.rendererListeners.get(channel)?.size).toBe(1);
    fake.emitToRenderer(channel, { kind: 'demo', endpoint: 'x' });
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
  });

  it('refuses a subscription without a listener function', () => {
    const { api } = loadPreload();
    expect(() => (api.onLibrarySourceChanged as (x: unknown) => unknown)('nope')).toThrow(
      TypeError,
    );
  });
});
