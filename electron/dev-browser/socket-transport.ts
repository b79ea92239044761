// A BridgeTransport over one WebSocket to the preview server: requests are matched to replies
// by id; events fan out to subscribers. Written against a minimal socket interface so it runs
// in the page (browser WebSocket) and in Node tests alike.

import type { BridgeTransport } from '../../shared/bridge';
import { parseServerMessage } from './protocol';
import type { InvokeMessage, SendMessage } from './protocol';

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const CONNECTING = 0;
const OPEN = 1;
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface SocketTransportOptions {
  /** Opens a new socket; throws (with a message for the user) when it cannot. */
  connect(): SocketLike;
  /** Timer hooks, so events resume after a server restart without a page reload. */
  setTimer?: (callback: () => void, ms: number) => unknown;
}

export function createSocketTransport(options: SocketTransportOptions): BridgeTransport {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: SocketLike | null = null;
  let opened: Promise<SocketLike> | null = null;
  let nextId = 1;
  let failures = 0;
  let reconnectScheduled = false;

  const failPending = (message: string): void => {
    for (const entry of pending.values()) entry.reject(new Error(message));
    pending.clear();
  };

  const scheduleReconnect = (): void => {
    if (reconnectScheduled || listeners.size === 0) return;
    reconnectScheduled = true;
    const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)] ?? 5000;
    setTimer(() => {
      reconnectScheduled = false;
      ensureOpen().catch(() => undefined);
    }, delay);
  };

  const ensureOpen = (): Promise<SocketLike> => {
    if (socket && (socket.readyState === OPEN || socket.readyState === CONNECTING) && opened) {
      return opened;
    }
    let created: SocketLike;
    try {
      created = options.connect();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    socket = created;
    opened = new Promise<SocketLike>((resolve, reject) => {
      let isOpen = false;
      created.addEventListener('open', () => {
        isOpen = true;
        failures = 0;
        resolve(created);
      });
      created.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        const message = parseServerMessage(event.data);
        if (!message) return;
        if (message.kind === 'reply') {
          const entry = pending.get(message.id);
          pending.delete(message.id);
          entry?.resolve(message.result);
        } else {
          for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
        }
      });
      created.addEventListener('close', () => {
        if (socket === created) {
          socket = null;
          opened = null;
        }
        failures += 1;
        if (!isOpen) {
          reject(new Error('The preview server refused the connection.'));
        }
        failPending('The connection to the preview server closed.');
        scheduleReconnect();
      });
    });
    return opened;
  };

  return {
    async invoke(channel, payload) {
      const open = await ensureOpen();
      const id = nextId++;
      const message: InvokeMessage = { kind: 'invoke', id, channel, payload };
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        open.send(JSON.stringify(message));
      });
    },
    send(channel, payload) {
      // Fire and forget; a message sent while the socket (re)connects goes out once it is open.
      const message: SendMessage = { kind: 'send', channel, payload };
      ensureOpen().then(
        (open) => open.send(JSON.stringify(message)),
        () => undefined,
      );
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      ensureOpen().catch(() => scheduleReconnect());
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(channel);
      };
    },
  };
}
