// The browser preview's wire format between the page bridge and the preview server. Pure: both
// the Node server and the page bundle import it.

/** The WebSocket endpoint; the token travels in its query string. */
export const BRIDGE_SOCKET_PATH = '/__preview/bridge';
/** The page bridge script injected into index.html before the renderer's module script. */
export const PAGE_BRIDGE_PATH = '/__preview/page-bridge.js';
export const TOKEN_PARAM = 'token';
/** Where the page keeps the token after clearing it from the address bar (reloads need it). */
export const TOKEN_STORAGE_KEY = 'ice-preview-token';
/** Largest message either side accepts (bytes). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface InvokeMessage {
  kind: 'invoke';
  id: number;
  channel: string;
  payload?: unknown;
}

/** A one-way message from the page (no id, no reply). */
export interface SendMessage {
  kind: 'send';
  channel: string;
  payload?: unknown;
}

export interface ReplyMessage {
  kind: 'reply';
  id: number;
  result: unknown;
}

export interface EventMessage {
  kind: 'event';
  channel: string;
  payload: unknown;
}

export type ServerMessage = ReplyMessage | EventMessage;

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function parseInvokeMessage(raw: string): InvokeMessage | null {
  const value = parseObject(raw);
  if (!value || value.kind !== 'invoke') return null;
  const { id, channel } = value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string') {
    return null;
  }
  return { kind: 'invoke', id, channel, payload: value.payload };
}

export function parseSendMessage(raw: string): SendMessage | null {
  const value = parseObject(raw);
  if (!value || value.kind !== 'send' || typeof value.channel !== 'string') return null;
  return { kind: 'send', channel: value.channel, payload: value.payload };
}

export function parseServerMessage(raw: string): ServerMessage | null {
  const value = parseObject(raw);
  if (!value) return null;
  if (value.kind === 'reply' && typeof value.id === 'number') {
    return { kind: 'reply', id: value.id, result: value.result };
  }
  if (value.kind === 'event' && typeof value.channel === 'string') {
    return { kind: 'event', channel: value.channel, payload: value.payload };
  }
  return null;
}

/** Reads the token from a location fragment such as "#token=abc" (other parameters allowed). */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(TOKEN_PARAM);
  return token !== null && token !== '' ? token : null;
}
