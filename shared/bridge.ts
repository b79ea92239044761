// Builds the page-facing API object from a transport. The Electron preload passes a transport
// over ipcRenderer; the browser preview passes one over a WebSocket. Same code, same shape.

import {
  EVENT_CHANNELS,
  EVENT_NAMES,
  REQUEST_CHANNELS,
  REQUEST_NAMES,
  SEND_CHANNELS,
  SEND_NAMES,
} from './ipc-channels';
import type { BridgeApi } from './ipc-contract';
import type { Result } from './errors';

export interface BridgeTransport {
  /** Sends a request on a channel and resolves with the router's Result. */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Listens on an event channel; the listener gets only the payload, never an event object. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  /** Sends a one-way message; nothing answers. */
  send(channel: string, payload: unknown): void;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown };
  return v.ok === true || v.ok === false;
}

export function createBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const name of REQUEST_NAMES) {
    const channel = REQUEST_CHANNELS[name];
    api[name] = async (payload?: unknown): Promise<Result<unknown>> => {
      try {
        const response = await transport.invoke(channel, payload);
        if (isResult(response)) return response;
        return { ok: false, error: { code: 'INTERNAL', message: 'Malformed reply from the app.' } };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'INTERNAL', message } };
      }
    };
  }
  for (const name of EVENT_NAMES) {
    const channel = EVENT_CHANNELS[name];
    api[name] = (listener: (payload: unknown) => void): (() => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name} needs a function`);
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  for (const name of SEND_NAMES) {
    const channel = SEND_CHANNELS[name];
    api[name] = (payload: unknown): void => {
      try {
        transport.send(channel, payload);
      } catch {
        // One-way: a closed transport has nobody to tell.
      }
    };
  }
  return Object.freeze(api) as BridgeApi;
}
