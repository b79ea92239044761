import { describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../shared/bridge';
import type { BridgeTransport } from '../../shared/bridge';
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  SEND_CHANNELS,
  SEND_NAMES,
  requestChannels,
} from '../../shared/ipc-contract';

function recordingTransport(reply: (channel: string, payload: unknown) => unknown) {
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    async invoke(channel, payload) {
      calls.push({ channel, payload });
      return reply(channel, payload);
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
    send(channel, payload) {
      sent.push({ channel, payload });
    },
  };
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, calls, sent, emit };
}

describe('createBridgeApi', () => {
  it('sends one-way messages at once, returning nothing to await', () => {
    const { transport, sent } = recordingTransport(() => ({ ok: true, value: null }));
    const api = createBridgeApi(transport);
    const returned: unknown = api.startDrag({ mediaIds: ['a', 'b'] });
    expect(returned).toBeUndefined();
    expect(sent).toEqual([{ channel: SEND_CHANNELS.startDrag, payload: { mediaIds: ['a', 'b'] } }]);
  });

  it('exposes exactly one named method per request and event of the contract, frozen', () => {
    const api = createBridgeApi(recordingTransport(() => ({ ok: true, value: null })).transport);
    expect(Object.keys(api).sort()).toEqual(
      [...REQUEST_NAMES, ...EVENT_NAMES, ...SEND_NAMES].sort(),
    );
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel with the payload as given', async () => {
    const { transport, calls } = recordingTransport(() => ({ ok: true, value: [] }));
    const api = createBridgeApi(transport);
    const result = await api.listTags({ businessType: 'bgm' });
    expect(result).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([
      { channel: requestChannels.listTags.channel, payload: { businessType: 'bgm' } },
    ]);
  });

  it('turns a transport failure or a malformed reply into an error result, never a throw', async () => {
    const failing = createBridgeApi({
      invoke: () => Promise.reject(new Error('socket closed')),
      subscribe: () => () => undefined,
      send: () => undefined,
    });
    expect(await failing.getLibrarySource()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'socket closed' },
    });
    const garbled = createBridgeApi(recordingTransport(() => 'not a result').transport);
    const result = await garbled.getAppInfo();
    expect(result.ok).toBe(false);
  });

  it('passes listeners only the payload and returns a working unsubscribe', () => {
    const { transport, emit } = recordingTransport(() => null);
    const api = createBridgeApi(transport);
    const seen: unknown[][] = [];
    const unsubscribe = api.onLibrarySourceChanged((...args: unknown[]) => seen.push(args));
    emit('library:source-changed', { kind: 'demo', endpoint: '127.0.0.1:1' });
    unsubscribe();
    emit('library:source-changed', { kind: 'account', endpoint: 'x' });
    expect(seen).toEqual([[{ kind: 'demo', endpoint: '127.0.0.1:1' }]]);
  });
});
