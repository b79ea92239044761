// Routes IPC requests to handlers: validates each payload against the contract's schema, runs
// the handler, and turns every outcome into a Result so errors cross as data with a code.
// Transport-agnostic: the Electron wiring and the browser preview both dispatch through it.

import {
  REQUEST_NAMES,
  SEND_NAMES,
  requestChannels,
  sendChannels,
} from '../../../shared/ipc-contract';
import type {
  RequestName,
  ResponseValue,
  SendName,
  ValidatedPayload,
  ValidatedSendPayload,
} from '../../../shared/ipc-contract';
import { AppError } from '../../../shared/errors';
import type { Result } from '../../../shared/errors';

export type Handlers = {
  [K in RequestName]: (payload: ValidatedPayload<K>) => Promise<ResponseValue<K>>;
};

/**
 * One-way messages: run synchronously, answer nothing. `sender` is the transport's handle on the
 * page that sent it (Electron: its webContents), for handlers that act on that page.
 */
export type SendHandlers = {
  [S in SendName]: (payload: ValidatedSendPayload<S>, sender: unknown) => void;
};

export interface IpcRouter {
  /** Every request channel name the router answers. */
  readonly channels: readonly string[];
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Validates and runs a one-way message synchronously; false when refused. */
  receive(channel: string, payload: unknown, sender: unknown): boolean;
}

export interface RouterLogger {
  error(message: string, detail?: Record<string, unknown>): void;
}

const byChannel = new Map<string, RequestName>(
  REQUEST_NAMES.map((name) => [requestChannels[name].channel, name]),
);

const sendByChannel = new Map<string, SendName>(
  SEND_NAMES.map((name) => [sendChannels[name].channel, name]),
);

export function createIpcRouter(
  handlers: Handlers,
  logger?: RouterLogger,
  sendHandlers?: Partial<SendHandlers>,
): IpcRouter {
  return {
    channels: [...byChannel.keys()],
    receive(channel, payload, sender) {
      const name = sendByChannel.get(channel);
      if (name === undefined) return false;
      const parsed = sendChannels[name].request.safeParse(payload);
      if (!parsed.success) {
        logger?.error('Refused a one-way message with an invalid payload', { channel });
        return false;
      }
      const handler = sendHandlers?.[name];
      if (!handler) return false;
      try {
        handler(parsed.data, sender);
        return true;
      } catch (error) {
        logger?.error('One-way handler failed', {
          channel,
          error: error instanceof Error ? error.name : typeof error,
        });
        return false;
      }
    },
    async dispatch(channel, payload) {
      const name = byChannel.get(channel);
      if (name === undefined) {
        return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `Unknown channel.` } };
      }
      const parsed = requestChannels[name].request.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        return {
          ok: false,
          error: {
            code: 'INVALID_PAYLOAD',
            message: `Invalid request for ${channel}${where}: ${issue?.message ?? 'rejected'}`,
          },
        };
      }
      try {
        const handler = handlers[name] as (p: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        // Unknown errors may carry anything; only a generic message crosses to the renderer.
        logger?.error('IPC handler failed', {
          channel,
          error: error instanceof Error ? error.name : typeof error,
        });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong inside the app.' },
        };
      }
    },
  };
}
